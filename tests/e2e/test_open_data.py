"""/open-data/ in the browser: reached from the footer, accessible, and an overview's
download link that follows an htmx filter gives that filtered list."""

import csv
import io
import re

from tests.e2e.conftest import assert_no_axe_violations, wait_for_new_results


def test_the_open_data_page_is_reached_from_the_footer_and_passes_axe(page, demo_site):
    page.goto(demo_site + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Open data").click()

    page.wait_for_url(demo_site + "/open-data/")
    assert page.get_by_role("heading", level=1, name="Open data").is_visible()
    for title in ["Organisaties", "Onderwijsregio's", "RAP-projecten", "Agenda"]:
        assert page.get_by_role("heading", level=2, name=title).is_visible()
    assert page.get_by_role("link", name=re.compile("CC BY 4.0")).is_visible()
    assert page.locator("table").count() >= 5
    assert_no_axe_violations(page)


def test_the_download_link_follows_a_filter_chosen_with_htmx(page, demo_site):
    page.goto(demo_site + "/organisaties/")
    before = page.locator("#results-title").inner_text()
    page.get_by_label("Soort organisatie").select_option("hbo")
    page.wait_for_url(re.compile(r"\?soort=hbo$"))
    wait_for_new_results(page, before)

    link = page.locator("#results").get_by_role("link", name="CSV (Excel)")
    assert link.get_attribute("href") == "/organisaties/export.csv?soort=hbo"
    response = page.request.get(demo_site + link.get_attribute("href"))
    rows = list(csv.reader(io.StringIO(response.text().lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Naam", "Korte naam", "Soort"]
    assert len(rows) > 1 and {row[2] for row in rows[1:]} == {"Lerarenopleiding (hbo)"}
    assert_no_axe_violations(page)
