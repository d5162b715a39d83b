"""The pages of #22's shell in a browser: footer, contact page, toegankelijkheidsverklaring,
404, English notice and the detail pages' structure, at 1280 and 390 pixels wide, each checked
with axe and saved as a screenshot in tests/e2e/artifacts/ to look at; touch targets measured;
and axe on every public HTML page, as the toegankelijkheidsverklaring says."""

from collections import Counter

import pytest

from tests.e2e.conftest import ARTIFACTS, assert_no_axe_violations

WIDTHS = {"desktop": 1280, "phone": 390}
MIN_TARGET = 44


def _pages():
    from django.db.models import Count

    from alliances.models import Organization
    from partnerships.models import Partnership
    from regions.models import EducationRegion, RAPProject

    def largest(queryset, relation):
        return queryset.annotate(size=Count(relation)).order_by("-size", "pk").first()

    return {
        "home": "/",
        "contact": "/contact/",
        "toegankelijkheid": "/toegankelijkheid/",
        "niet-gevonden": "/bestaat-niet/",
        "partnerschap": largest(Partnership.objects.published(), "memberships"),
        "onderwijsregio": largest(EducationRegion.objects.published(), "municipalities"),
        "rap-project": largest(RAPProject.objects.published(), "partners"),
        "organisatie": largest(Organization.objects.published(), "partnership_memberships"),
    }


def _url(page_or_item):
    return page_or_item if isinstance(page_or_item, str) else page_or_item.get_absolute_url()


def _assert_no_overflow(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow} px wider than the screen"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_shell_pages_pass_axe_and_are_saved_as_screenshots(page, demo_site, width):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    ARTIFACTS.mkdir(exist_ok=True)
    for name, item in _pages().items():
        page.goto(demo_site + _url(item))
        assert_no_axe_violations(page)
        _assert_no_overflow(page)
        page.screenshot(path=ARTIFACTS / f"shell-{name}-{WIDTHS[width]}.png", full_page=True)


def test_the_footer_gives_contact_links_institutes_and_colofon(page, demo_site):
    page.goto(demo_site + "/")
    footer = page.get_by_role("contentinfo")

    assert footer.get_by_text("secretariaat@ra-zon.example").is_visible()
    assert footer.get_by_text("Postbus 0000").is_visible()
    assert footer.get_by_role("navigation", name="Snel naar").get_by_role("link").count() >= 8
    for institute in ["HAN", "Radboud Universiteit", "ArtEZ"]:
        assert footer.get_by_role("link", name=institute, exact=True).is_visible()

    footer.get_by_role("link", name="Toegankelijkheid").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Toegankelijkheidsverklaring"


def test_the_not_found_page_searches(page, demo_site):
    page.goto(demo_site + "/bestaat-niet/")

    page.get_by_label("Zoek op de site", exact=True).last.fill("opleidingsschool")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()

    page.wait_for_url("**/zoeken/?zoek=opleidingsschool")


def test_form_fields_and_choices_are_at_least_44_px_on_a_phone(page, demo_site):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(demo_site + "/contact/")

    targets = page.evaluate(
        """() => [...document.querySelectorAll(
              '#contact-form :is(input:not([type=hidden]), textarea, select, button, label)')]
            .filter(element => element.offsetParent !== null)
            // A text field's label is not its target: the field is (measured itself).
            .filter(element => element.tagName !== 'LABEL' || element.querySelector('input'))
            .map(element => {
              const box = (element.closest('label') || element).getBoundingClientRect();
              return {what: element.outerHTML.slice(0, 60), width: box.width, height: box.height};
            })"""
    )
    radios = [target for target in targets if 'type="radio"' in target["what"]]
    assert len(radios) >= 2
    small = [
        target
        for target in targets
        if target["height"] < MIN_TARGET or target["width"] < MIN_TARGET
    ]
    assert small == []
    _assert_no_overflow(page)


def test_a_long_member_list_folds_and_opens_without_javascript(page_without_js, demo_site):
    folded = _pages()["partnerschap"]  # the one with the most members
    if max(Counter(m.role for m in folded.memberships.all()).values()) <= 8:
        pytest.skip("no demo partnership has more than eight members in one role")
    page = page_without_js
    page.goto(demo_site + folded.get_absolute_url())
    summary = page.locator("details.fold summary").first
    hidden = page.locator("details.fold li").first

    assert summary.inner_text().startswith("Toon nog")
    assert not hidden.is_visible()
    summary.click()
    assert hidden.is_visible()
    assert page.locator("svg.small-map path").count() >= 1
    assert "(" in page.get_by_role("heading", name="Wie doen mee").inner_text()


def test_english_pages_say_the_content_is_dutch(page, demo_site):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo_site}])
    page.goto(demo_site + "/agenda/")

    notice = page.locator(".language-notice")
    assert notice.is_visible()
    assert "in Dutch" in notice.inner_text()
    page.set_viewport_size({"width": 390, "height": 800})
    assert_no_axe_violations(page)
    page.screenshot(path=ARTIFACTS / "shell-english-agenda-390.png", full_page=True)


HTML_SKIPPED = ("feed", "ics", "export", "calendar", "sitemap", "robots", "healthz", "media")


def test_every_public_page_passes_axe(page, demo_site):
    from tests.routes import demo_paths

    checked = []
    for name, path in demo_paths().items():
        if any(word in name or word in path for word in HTML_SKIPPED) or name in {
            "document",
            "set_language",
        }:
            continue
        response = page.goto(demo_site + path)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        assert_no_axe_violations(page)
        checked.append(path)
    assert len(checked) >= 20
