"""A visitor searches the site from the header: results while typing with htmx, a plain form
submit without JavaScript; no axe violation in Dutch or English."""

from tests.e2e.conftest import assert_no_axe_violations


def test_search_while_typing_with_htmx(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_role("searchbox", name="Zoek op de site").fill("onderwijsregio")
    page.get_by_role("searchbox", name="Zoek op de site").press("Enter")
    page.wait_for_selector("#results-title:has-text('gevonden')")
    assert_no_axe_violations(page)

    page.evaluate("window.stillTheSamePage = true")
    field = page.get_by_label("Zoek naar")
    field.fill("")
    field.press_sequentially("strategiesessie", delay=20)
    page.wait_for_function("() => location.search.includes('zoek=strategiesessie')")
    page.wait_for_selector(".search-result mark")
    assert page.evaluate("window.stillTheSamePage") is True
    assert field.input_value() == "strategiesessie"  # the typed words were never replaced
    assert page.evaluate("document.activeElement.id") == "id_zoek"
    assert "gevonden" in page.locator("#live-region").inner_text()

    page.get_by_label("Soort").select_option("bijeenkomst")
    page.wait_for_function("() => location.search.includes('soort=bijeenkomst')")
    assert all(
        badge == "Bijeenkomsten"
        for badge in page.locator(".search-result .badge").all_inner_texts()
    )
    assert_no_axe_violations(page)


def test_search_in_english_has_no_axe_violation(page, demo_site):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": demo_site}])
    page.goto(demo_site + "/zoeken/?zoek=opleiding")
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_axe_violations(page)


def test_search_without_javascript(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/agenda/")
    page.get_by_role("searchbox", name="Zoek op de site").fill("strategiesessie")
    page.get_by_role("searchbox", name="Zoek op de site").press("Enter")
    page.wait_for_url("**/zoeken/?zoek=strategiesessie")
    assert "gevonden" in page.locator("#results-title").inner_text()
    page.get_by_label("Soort").select_option("bericht")
    page.get_by_role("button", name="Zoeken", exact=True).last.click()
    page.wait_for_url("**soort=bericht**")
    assert page.locator(".search-result").count() >= 1
