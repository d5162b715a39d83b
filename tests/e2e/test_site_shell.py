from tests.e2e.conftest import assert_no_axe_violations


def test_home_page_renders_the_demo_content_and_passes_axe(page, demo_site):
    page.goto(demo_site + "/")

    assert page.title().startswith("Samen genoeg goede leraren in Zuidoost-Nederland")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", name="Onze vier speerpunten").is_visible()
    assert page.locator("ol.focus-points > li").count() == 4
    assert page.get_by_role("contentinfo").get_by_text("Stuur ons een bericht.").is_visible()
    # htmx is loaded from our own static files (the CSP would block anything else).
    assert page.evaluate("typeof window.htmx") == "object"
    assert_no_axe_violations(page)


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo_site):
    page.goto(demo_site + "/")

    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Naar de inhoud"
    assert skip.is_visible()  # it shows itself when focused

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_the_header_works_by_keyboard_including_search_and_the_language_switch(page, demo_site):
    page.goto(demo_site + "/")

    focused = []
    for _ in range(5):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert focused[1].startswith("RA-ZON")  # the home link
    assert focused[3] == "Zoeken"  # the search box, then its button
    assert focused[4] == "English"

    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Our four focus points").is_visible()
    assert_no_axe_violations(page)


def test_the_not_found_page_is_styled_and_accessible(page, demo_site):
    response = page.goto(demo_site + "/bestaat-niet/")

    assert response.status == 404
    assert page.get_by_role("heading", name="Pagina niet gevonden").is_visible()
    assert_no_axe_violations(page)
