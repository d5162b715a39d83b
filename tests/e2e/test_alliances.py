import re

from tests.e2e.conftest import assert_no_axe_violations, wait_for_new_results


def test_the_alliance_page_shows_the_project_leaders_with_working_mail_links(page, demo_site):
    page.goto(demo_site + "/alliantie/")

    assert page.locator("ol.focus-points > li").count() == 4
    link = page.get_by_role("link", name="jaap.rohof@ru.nl")
    assert link.get_attribute("href") == "mailto:jaap.rohof@ru.nl"
    assert_no_axe_violations(page)


def test_filtering_organizations_without_javascript_submits_the_form(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/organisaties/")

    page.get_by_label("Soort organisatie").select_option("bestuur")
    page.get_by_role("button", name="Filteren").click()

    page.wait_for_url(re.compile(r"soort=bestuur"))
    cards = page.locator(".results .card")
    assert cards.count() > 0
    assert all("Schoolbestuur" in text for text in cards.all_inner_texts())


def test_filtering_organizations_with_htmx_swaps_results_in_place(page, demo_site):
    page.goto(demo_site + "/organisaties/")
    page.evaluate("window.stillTheSamePage = true")
    total = page.locator("#results-title").inner_text()

    sector = page.get_by_label("Sector", exact=True)
    sector.focus()  # as a keyboard or mouse user's would be
    sector.select_option("mbo")

    page.wait_for_url(re.compile(r"sector=mbo"))
    page.wait_for_function(
        "title => document.querySelector('#results-title').innerText !== title", arg=total
    )
    assert page.evaluate("window.stillTheSamePage") is True  # no full reload
    assert page.evaluate("document.activeElement.id") == "id_sector"  # focus stayed
    assert page.locator("#live-region").inner_text().endswith("gevonden")
    for text in page.locator(".results .card").all_inner_texts():
        assert "MBO" in text
    assert_no_axe_violations(page)

    page.go_back()
    page.wait_for_url(re.compile(r"/organisaties/$"))
    page.wait_for_function(
        "title => document.querySelector('#results-title').innerText === title", arg=total
    )


def test_searching_while_typing_then_clearing_the_filters(page, demo_site):
    page.goto(demo_site + "/organisaties/")
    total = page.locator("#results-title").inner_text()
    assert page.get_by_role("link", name="Wis alle filters").count() == 0

    page.get_by_label("Zoek op naam of plaats").press_sequentially("nijmegen", delay=30)

    page.wait_for_url(re.compile(r"/organisaties/\?zoek=nijmegen$"))
    wait_for_new_results(page, total)
    assert page.get_by_label("Zoek op naam of plaats").input_value() == "nijmegen"
    page.get_by_role("link", name="Wis alle filters").click()  # it came with the results

    page.wait_for_url(re.compile(r"/organisaties/$"))
    page.wait_for_function("() => document.activeElement.id === 'results-title'")
    assert page.locator("#results-title").inner_text() == total
    assert page.get_by_label("Zoek op naam of plaats").input_value() == ""
    assert_no_axe_violations(page)


def test_paging_with_htmx_keeps_the_url_true_and_moves_focus_to_the_results(page, demo_site):
    page.goto(demo_site + "/organisaties/")

    page.get_by_role("link", name="Volgende").click()

    page.wait_for_url(re.compile(r"pagina=2"))
    page.wait_for_function("() => document.activeElement.id === 'results-title'")
    assert page.get_by_text("Pagina 2 van").is_visible()
    assert_no_axe_violations(page)


def test_an_organization_page_lists_its_collaborations(page, demo_site):
    page.goto(demo_site + "/organisaties/han/")

    assert page.get_by_role("heading", name="Samenwerkingen").is_visible()
    page.get_by_role("link", name="Regionale Alliantie Zuidoost-Nederland").last.click()
    page.wait_for_url(re.compile(r"/alliantie/$"))
    assert_no_axe_violations(page)


def test_an_organization_page_lists_its_events_upcoming_then_past(page, demo_site):
    page.goto(demo_site + "/organisaties/han/")

    past = page.get_by_role("heading", name="Eerdere bijeenkomsten")
    assert past.is_visible()
    assert page.get_by_role(
        "link", name="Tweede strategiesessie onderwijsregio's", exact=True
    ).is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Tweede strategiesessie onderwijsregio's", exact=True).click()
    page.wait_for_url(re.compile(r"/agenda/[\w-]+/$"))
