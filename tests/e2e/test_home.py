"""The home page in a browser (#22): axe finds nothing at desktop and phone width, nothing
overflows, the pictures load lazily below the fold with their size reserved, and screenshots
at 1280 and 390 pixels are kept in tests/e2e/artifacts/ to look at."""

import pytest

from tests.e2e.conftest import ARTIFACTS, assert_no_axe_violations


@pytest.mark.parametrize("width", [1280, 390])
def test_the_home_page_passes_axe_and_fits_the_screen(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_site + "/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Samen genoeg")
    assert page.locator(".key-figures li").count() == 4
    assert page.locator(".map-thumbnail svg path").count() > 8
    assert page.get_by_role("link", name="Bekijk de regiokaart").is_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    assert_no_axe_violations(page)
    # Scroll past every lazy picture, so the full-page screenshot shows them all.
    for image in page.locator("img").all():
        image.scroll_into_view_if_needed()
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"home-{width}.png", full_page=True)


def test_the_pictures_reserve_their_space_and_load_when_scrolled_to(page, demo_site):
    page.goto(demo_site + "/")

    images = page.locator("img.card__image")
    assert images.count() == 6
    for index in range(images.count()):
        image = images.nth(index)
        assert image.get_attribute("loading") == "lazy"
        assert image.get_attribute("width") and image.get_attribute("height")
        assert image.get_attribute("alt").startswith("Illustratie:")
    images.last.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=images.last.element_handle()
    )
    # The browser chose a rendition narrower than the original for a card.
    assert "w.webp" in images.last.evaluate("img => img.currentSrc")


def test_the_key_figures_and_the_map_lead_to_their_pages(page, demo_site):
    page.goto(demo_site + "/")

    page.locator(".map-thumbnail").click()
    assert page.url.endswith("/regio/kaart/")
    page.go_back()
    page.locator(".key-figures a").first.click()
    assert page.url.endswith("/partnerschappen/")
