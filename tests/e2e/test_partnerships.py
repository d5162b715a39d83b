import re

from tests.e2e.conftest import assert_no_axe_violations, wait_for_new_results


def test_htmx_filtering_keeps_the_url_true_and_the_back_button_restores_it(page, demo_site):
    page.goto(demo_site + "/partnerschappen/?sector=vo-mbo")
    page.evaluate("window.stillTheSamePage = true")
    before = page.locator("#results-title").inner_text()

    accreditation = page.get_by_label("Erkenning")
    accreditation.focus()
    accreditation.select_option("aspirant")

    page.wait_for_url(re.compile(r"\?sector=vo-mbo&erkenning=aspirant$"))
    wait_for_new_results(page, before)
    assert page.locator(".partnership").count() == 1
    assert page.evaluate("document.activeElement.id") == "id_erkenning"
    assert page.evaluate("window.stillTheSamePage") is True
    assert_no_axe_violations(page)

    page.go_back()
    page.wait_for_url(re.compile(r"\?sector=vo-mbo$"))
    page.wait_for_function("() => document.querySelectorAll('.partnership').length === 9")


def test_back_restores_the_whole_page_when_the_history_cache_is_lost(page, demo_site):
    page.goto(demo_site + "/partnerschappen/")
    before = page.locator("#results-title").inner_text()
    page.get_by_label("Erkenning").select_option("aspirant")
    page.wait_for_url(re.compile(r"\?erkenning=aspirant$"))
    wait_for_new_results(page, before)

    page.evaluate("sessionStorage.removeItem('htmx-history-cache')")  # as after 10 steps
    page.evaluate(
        "document.body.addEventListener('htmx:historyRestore', () => window.restored = true)"
    )
    page.go_back()

    page.wait_for_function("() => window.restored === true")
    assert page.url.endswith("/partnerschappen/")
    assert page.locator("#live-region").count() == 1  # the whole page, not a fragment
    assert page.locator("h1").inner_text() == "Partnerschappen Samen Opleiden"
    assert page.locator("#directory").count() == 1


def test_typing_a_name_filters_while_typing(page, demo_site):
    page.goto(demo_site + "/partnerschappen/")
    before = page.locator("#results-title").inner_text()

    page.get_by_label("Zoek op naam").press_sequentially("quadraam", delay=30)

    page.wait_for_url(re.compile(r"/partnerschappen/\?zoek=quadraam$"))
    wait_for_new_results(page, before)
    assert page.locator(".partnership").count() == 2
    assert page.get_by_label("Zoek op naam").input_value() == "quadraam"  # nothing typed lost


def test_the_sector_tabs_are_links(page, demo_site):
    page.goto(demo_site + "/partnerschappen/")

    page.get_by_role("link", name="PO/(V)SO (7)").click()

    page.wait_for_url(re.compile(r"\?sector=po-vso$"))
    page.wait_for_function("() => document.querySelectorAll('.partnership').length === 7")
    assert page.get_by_role("link", name="PO/(V)SO (7)").get_attribute("aria-current") == "page"


def test_without_javascript_filter_sort_and_export_work(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/partnerschappen/?sector=vo-mbo")

    page.get_by_label("Sorteer op").select_option("-grootte")
    page.get_by_role("button", name="Filteren").click()

    page.wait_for_url(re.compile(r"sorteer=-grootte"))
    first = page.locator(".partnership__name").first.inner_text()
    assert first == "Opleidingsschool Noord-Limburg"
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV (Excel)").click()
    content = download.value.path().read_text(encoding="utf-8-sig")
    assert content.startswith("Naam;") and "Opleidingsschool Noord-Limburg" in content
    assert "Samen opleiden voor de toekomst" not in content  # that one is PO/(V)SO


def test_a_partnership_page_passes_axe(page, demo_site):
    page.goto(demo_site + "/partnerschappen/osnl/")

    assert page.get_by_role("heading", name="Wie doen mee").is_visible()
    assert_no_axe_violations(page)


def test_the_board_combobox_narrows_chooses_with_the_keyboard_and_filters(page, demo_site):
    page.goto(demo_site + "/partnerschappen/")
    before = page.locator("#results-title").inner_text()
    combobox = page.get_by_role("combobox", name="Schoolbestuur")

    combobox.press_sequentially("quadr", delay=30)
    option = page.get_by_role("option", name="Stichting Quadraam (2)")
    option.wait_for()
    assert combobox.get_attribute("aria-expanded") == "true"
    assert page.locator("#live-region").inner_text() == "1 keuze gevonden"
    assert_no_axe_violations(page)  # with the list open

    combobox.press("ArrowDown")
    assert combobox.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    combobox.press("Enter")

    page.wait_for_url(re.compile(r"/partnerschappen/\?bestuur=quadraam$"))
    wait_for_new_results(page, before)
    assert page.locator(".partnership").count() == 2
    assert page.evaluate("document.activeElement.id") == "id_bestuur"  # focus stays
    assert combobox.input_value() == "Stichting Quadraam"
    assert combobox.get_attribute("aria-expanded") == "false"
    assert_no_axe_violations(page)

    combobox.press("ArrowDown")  # the list again, "all boards" first, to clear the choice
    page.get_by_role("option", name="Alle besturen").wait_for()
    combobox.press("ArrowDown")
    combobox.press("Enter")
    page.wait_for_url(re.compile(r"/partnerschappen/$"))
    page.wait_for_function("() => document.querySelectorAll('.partnership').length > 2")


def test_escape_closes_the_list_and_keeps_the_choice(page, demo_site):
    page.goto(demo_site + "/partnerschappen/?bestuur=quadraam")
    combobox = page.get_by_role("combobox", name="Schoolbestuur")

    combobox.focus()
    combobox.fill("zzz")
    page.wait_for_function("() => document.getElementById('live-region').innerText.startsWith('0')")
    combobox.press("Escape")
    combobox.press("Escape")

    assert combobox.input_value() == "Stichting Quadraam"
    assert page.locator(".partnership").count() == 2


def test_without_javascript_a_board_is_chosen_on_a_page_of_options(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/partnerschappen/?sector=vo-mbo")

    page.get_by_role("link", name="Kies een schoolbestuur…").click()
    page.get_by_label("Zoek op naam").fill("quadr")
    page.get_by_role("main").get_by_role("button", name="Zoeken").click()
    page.wait_for_url(re.compile(r"zoekterm=quadr"))
    page.get_by_role("link", name="Stichting Quadraam").click()

    page.wait_for_url(re.compile(r"/partnerschappen/\?sector=vo-mbo&bestuur=quadraam$"))
    assert page.locator(".partnership").count() == 2
    assert page.get_by_text("Stichting Quadraam (").first.is_visible()
