"""The ties in the browser (#18 part 1): /regio/'s counts per kind and per region, a
partnership that works in several regions, a board with its schools; axe on each page."""

import pytest
from django.core.cache import cache

from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def fresh_pages():
    cache.clear()


def test_regio_relates_the_kinds_of_collaboration(page, demo_site):
    page.goto(demo_site + "/regio/")

    table = page.get_by_role("table", name="Aantal samenwerkingen per onderwijsregio")
    row = table.get_by_role("row", name="Onderwijsregio Rivierenland")
    assert row.is_visible()
    row.get_by_role("link").nth(1).click()  # its partnerships
    page.wait_for_url("**/partnerschappen/?regio=rivierenland")
    assert page.get_by_role("link", name="Samen opleiden voor de toekomst (HAN Pabo)").is_visible()
    page.goto(demo_site + "/regio/")
    assert_no_axe_violations(page)


def test_the_han_pabo_partnership_works_in_four_regions(page, demo_site):
    page.goto(demo_site + "/partnerschappen/han-pabo-samen-opleiden/")

    others = page.locator("dt", has_text="Werkt ook in").locator("xpath=..").get_by_role("link")
    assert sorted(others.all_inner_texts()) == [
        "Onderwijsregio Rijk van Nijmegen",
        "Onderwijsregio Rivierenland",
        "Onderwijsregio Twente, Achterhoek, Oost-Salland (vo/mbo)",
    ]
    assert_no_axe_violations(page)
    others.first.click()
    assert page.get_by_role("link", name="Samen opleiden voor de toekomst (HAN Pabo)").is_visible()


def test_a_board_lists_its_schools_and_a_school_names_its_board(page, demo_site):
    page.goto(demo_site + "/organisaties/ogvo/")

    page.get_by_role("link", name="Valuascollege").click()
    page.wait_for_url("**/organisaties/valuascollege/")
    assert page.get_by_role("link", name="Openbare Gemeenschappelijke Voortgezet Onderwijs").count()
    assert_no_axe_violations(page)
