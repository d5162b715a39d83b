"""#22 look and feel on a phone and with htmx: screenshots of the main pages at 1280 and 390
pixels (tests/e2e/artifacts/, to look at), and what can be checked in code: the phone header's
height, no horizontal overflow at 320 px, filters that visibly change the screen, one history
entry per change, Back restoring fields and results, a loading state, tabs keeping filters."""

import re

from tests.e2e.conftest import ARTIFACTS, assert_no_axe_violations, wait_for_new_results

MAIN_PAGES = {
    "home": "/",
    "partnerschappen": "/partnerschappen/",
    "agenda": "/agenda/",
    "regiokaart": "/regio/kaart/",
    "organisaties": "/organisaties/",
}


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


WIDEST = """() => [...document.querySelectorAll("body *")]
  .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(-3)
  .map((element) => {
    const width = Math.round(element.getBoundingClientRect().width);
    return `${element.tagName.toLowerCase()}.${element.className} ${width}px`;
  })"""


def widest(page):
    """The last few elements reaching past the window's right edge (to name the culprit)."""
    return page.evaluate(WIDEST)


def test_main_pages_at_desktop_and_phone_width(page, demo_site):
    ARTIFACTS.mkdir(exist_ok=True)
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for name, path in MAIN_PAGES.items():
            page.goto(demo_site + path)
            page.screenshot(path=ARTIFACTS / f"look-{name}-{width}.png", full_page=True)
            assert overflow(page) <= 0, f"{path} overflows at {width} px: {widest(page)}"
            if width == 390:
                header = page.locator(".site-header").bounding_box()["height"]
                assert header <= 0.2 * height, f"header {header} px on {path}"
            else:  # the main menu fits on one line
                tops = page.locator(".site-nav__list > li").evaluate_all(
                    "items => items.map(item => item.getBoundingClientRect().top)"
                )
                assert len(set(tops)) == 1, f"the menu wraps on {path}: {tops}"
            assert_no_axe_violations(page)


def test_nothing_overflows_at_320_px_and_the_header_stays_small(page, demo_site):
    from tests.routes import demo_paths

    page.set_viewport_size({"width": 320, "height": 640})
    for name, path in demo_paths().items():
        # Files, feeds and exports are not pages (opening them would download or show XML).
        response = page.request.get(demo_site + path)
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue
        page.goto(demo_site + path)
        assert overflow(page) <= 0, f"{name} ({path}) overflows at 320 px: {widest(page)}"
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= 0.2 * 640, f"header {header} px on {path}"


def test_phone_menu_and_search_are_disclosures(page, demo_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/")
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    assert not nav.is_visible()

    menu.click()

    assert menu.get_attribute("aria-expanded") == "true"
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Regiokaart").click()
    page.wait_for_url(re.compile(r"/regio/kaart/$"))
    page.get_by_role("button", name="Zoeken").click()
    assert page.locator("#site-search-input").evaluate("input => input === document.activeElement")


def test_phone_menu_and_filters_without_javascript(page_without_js, demo_site):
    page = page_without_js
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/partnerschappen/")
    assert not page.get_by_label("Erkenning").is_visible()

    page.get_by_role("link", name="Filters (0)").click()
    page.get_by_label("Erkenning").select_option("aspirant")
    page.get_by_role("button", name="Filteren").click()

    page.wait_for_url(re.compile(r"/partnerschappen/\?erkenning=aspirant$"))  # no empty fields
    assert page.get_by_role("link", name="Filters (1)").is_visible()
    page.get_by_role("link", name="Menu").click()
    assert page.get_by_role("navigation", name="Hoofdmenu").is_visible()


def history_length(page):
    return page.evaluate("history.length")


def test_filtering_on_a_phone_history_back_and_tabs(page, demo_site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site + "/partnerschappen/")
    found = page.locator("#filter-found")
    toggle = page.get_by_role("button", name="Filters (0)")
    assert found.is_visible() and toggle.get_attribute("aria-expanded") == "false"
    before_text = page.locator("#results-title").inner_text()
    before_found = found.inner_text()
    start = history_length(page)

    toggle.click()
    # A slowed request shows its loading state until it is answered.
    held = []
    page.route(re.compile(r"/partnerschappen/\?"), lambda route: held.append(route))
    page.get_by_label("Erkenning").select_option("aspirant")
    page.wait_for_function("() => document.documentElement.classList.contains('is-loading')")
    assert page.locator("#results[aria-busy=true]").count() == 1
    assert page.locator(".filters .htmx-indicator").is_visible()
    for route in held:
        route.continue_()
    page.unroute(re.compile(r"/partnerschappen/\?"))
    wait_for_new_results(page, before_text)

    # The number found beside "Filters (1)", on screen with the fields open.
    assert page.get_by_role("button", name="Filters (1)").is_visible()
    assert found.inner_text() != before_found and found.is_visible()
    assert history_length(page) == start + 1
    assert not page.evaluate("document.documentElement.classList.contains('is-loading')")

    # Typing: one entry for the whole word, however many requests it sends.
    after_select = page.locator("#results-title").inner_text()
    page.get_by_label("Zoek op naam").press_sequentially("zzz", delay=600)
    page.wait_for_url(re.compile(r"zoek=zzz"))
    wait_for_new_results(page, after_select)
    assert history_length(page) == start + 2

    # Back restores the results and every field; Forward again.
    page.go_back()
    page.wait_for_url(re.compile(r"\?erkenning=aspirant$"))
    page.wait_for_function(
        f"() => document.querySelector('#results-title').innerText === {after_select!r}"
    )
    assert page.get_by_label("Zoek op naam").input_value() == ""
    assert page.get_by_label("Erkenning").input_value() == "aspirant"
    page.go_back()
    page.wait_for_url(re.compile(r"/partnerschappen/$"))
    page.wait_for_function(
        f"() => document.querySelector('#results-title').innerText === {before_text!r}"
    )
    assert page.get_by_label("Erkenning").input_value() == ""
    page.go_forward()
    page.wait_for_url(re.compile(r"\?erkenning=aspirant$"))
    page.wait_for_function("() => document.querySelector('#id_erkenning').value === 'aspirant'")

    # A sector tab keeps the other filters.
    page.get_by_role("link", name=re.compile(r"^VO")).first.click()
    page.wait_for_url(re.compile(r"erkenning=aspirant&sector=vo-mbo$"))
    page.wait_for_function("() => document.querySelector('#id_erkenning').value === 'aspirant'")
    assert_no_axe_violations(page)


def test_arrowing_through_a_closed_select_sends_once(page, demo_site):
    page.goto(demo_site + "/partnerschappen/")
    start = history_length(page)
    sent = []
    page.on(
        "request",
        lambda request: request.headers.get("hx-request") and sent.append(request.url),
    )
    before = page.locator("#results-title").inner_text()
    select = page.get_by_label("Erkenning")
    select.focus()
    for _ in range(2):
        page.keyboard.press("ArrowDown")

    wait_for_new_results(page, before)
    page.wait_for_timeout(300)
    assert len(sent) == 1, sent
    assert history_length(page) == start + 1


def test_the_chosen_area_stays_marked_and_names_show_on_hover_and_focus(page, demo_site):
    page.goto(demo_site + "/regio/kaart/")
    areas = page.locator(".rk-area")
    status = page.locator("[data-map-status]")

    areas.nth(1).focus()
    assert status.inner_text() == areas.nth(1).locator("title").text_content()
    areas.nth(3).click()
    page.wait_for_function("() => document.querySelector('.rk-area[aria-current]')")

    assert areas.nth(3).get_attribute("aria-current") == "true"
    assert page.locator(".rk-selected use").count() > 0  # its outline over its neighbours
    other = areas.nth(5)
    other.hover()
    assert status.inner_text() == other.locator("title").text_content()
    # Under the pointer an area shows its legend colour in full, not faded.
    assert other.locator("use").first.evaluate("use => getComputedStyle(use).fillOpacity") == "1"
    faded = areas.nth(6).locator("use").first.evaluate("use => getComputedStyle(use).fillOpacity")
    assert float(faded) < 1
