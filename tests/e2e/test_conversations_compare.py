"""The scale-level conversation's results in the browser: the compare page (choosing boards
with and without JavaScript, the heat map and the table), a region's page with a published
board, and the facilitator's exports (the management page, the printable page, the
downloads), each checked with axe; a participant's browser is sent to the board instead."""

import csv
import io
import re

import pytest
from django.urls import reverse

from conversations.models import ScaleLevel
from regions.models import EducationRegion
from tests.conversations import boards
from tests.e2e.conftest import assert_no_axe_violations

LEVELS = [
    "School",
    "Schoolbestuur",
    "Partnerschap (SO&P)",
    "Onderwijsregio",
    "Brede regio (RA-ZON)",
]


@pytest.fixture
def published(demo_site):
    """Two boards published on demo onderwijsregio's, with cards."""
    for position, name in enumerate(LEVELS):  # a transactional test may have emptied them
        ScaleLevel.objects.get_or_create(name=name, defaults={"position": position})
    regions = list(EducationRegion.objects.published().order_by("name")[:2])
    north = boards.board("Werksessie maart", published=True, region=regions[0], levels=LEVELS)
    south = boards.board("Werksessie april", published=True, region=regions[1], levels=LEVELS)
    boards.card(north, "werven", "School", "Open dagen voor scholieren", agree=2)
    boards.card(north, "begeleiden", "Onderwijsregio", "Inductieprogramma in de regio")
    boards.card(south, "werven", "School", "Open dagen voor scholieren")
    boards.card(south, "matchen", "Schoolbestuur", "Eén loket voor stageplaatsen")
    return demo_site, north, south, regions


def test_boards_are_chosen_and_compared_with_htmx_and_the_page_passes_axe(page, published):
    base, north, south, _regions = published
    page.goto(base + reverse("conversations:compare"))

    assert page.get_by_role("heading", level=1, name="Gesprekken vergelijken").is_visible()
    assert page.get_by_role("img", name=re.compile("Heatmap")).is_visible()
    assert page.get_by_role("table", name=re.compile("Aantal activiteiten")).is_visible()
    page.get_by_label("Gesprek 1").select_option(north.slug)
    page.get_by_label("Gesprek 2").select_option(south.slug)
    page.get_by_role("button", name="Vergelijk").click()

    page.wait_for_url(re.compile(rf"bord1={north.slug}&bord2={south.slug}"))
    side = page.locator("#side-by-side")
    side.get_by_text("Eén loket voor stageplaatsen").wait_for()
    assert side.get_by_role("columnheader", name=re.compile("Werksessie maart")).is_visible()
    assert side.get_by_text("(+2)").is_visible()
    assert_no_axe_violations(page)


def test_the_compare_form_works_without_javascript(page_without_js, published):
    base, north, _south, _regions = published
    page = page_without_js
    page.goto(base + reverse("conversations:compare"))

    page.get_by_label("Gesprek 1").select_option(north.slug)
    page.get_by_role("button", name="Vergelijk").click()

    page.wait_for_url(re.compile(rf"bord1={north.slug}"))
    assert page.locator("#side-by-side").get_by_text("Inductieprogramma in de regio").is_visible()


def test_a_regions_page_lists_its_published_board(page, published):
    base, north, _south, regions = published
    page.goto(base + regions[0].get_absolute_url())

    page.get_by_role("link", name="Werksessie maart").click()

    page.wait_for_url(base + reverse("conversations:published", args=[north.slug]))
    assert page.get_by_text("Open dagen voor scholieren").first.is_visible()


def test_the_facilitator_finds_the_exports_and_the_printable_page_passes_axe(page, demo_site):
    for position, name in enumerate(LEVELS):
        ScaleLevel.objects.get_or_create(name=name, defaults={"position": position})
    board = boards.board("Werksessie mei", closed=True, levels=LEVELS)
    boards.card(board, "opleiden", "Schoolbestuur", "Opleidingsplan per bestuur", agree=1)
    page.goto(demo_site + reverse("conversations:manage_login", args=[board.code, board.token]))

    page.wait_for_url(demo_site + reverse("conversations:manage", args=[board.code]))
    assert page.get_by_role("heading", name="Uitkomst bewaren").is_visible()
    assert page.get_by_label("Onderwijsregio").is_visible()  # a closed board can be published
    assert_no_axe_violations(page)

    csv_link = page.get_by_role("link", name=re.compile("CSV voor Excel"))
    response = page.request.get(demo_site + csv_link.get_attribute("href"))
    rows = list(csv.reader(io.StringIO(response.text().lstrip("\ufeff")), delimiter=";"))
    assert rows[1][:4] == ["Opleiden", "Schoolbestuur", "Opleidingsplan per bestuur", "1"]
    word = page.get_by_role("link", name=re.compile("Word-document"))
    response = page.request.get(demo_site + word.get_attribute("href"))
    assert response.ok and response.body()[:2] == b"PK"  # a .docx is a zip

    page.get_by_role("link", name=re.compile("Pagina om af te drukken")).click()
    page.wait_for_url(demo_site + reverse("conversations:manage_print", args=[board.code]))
    assert page.get_by_role("columnheader", name="Schoolbestuur").is_visible()
    assert page.get_by_text("Opleidingsplan per bestuur").is_visible()
    assert_no_axe_violations(page)

    participant = page.context.browser.new_context()
    try:
        other = participant.new_page()
        for name in ("manage_csv", "manage_docx", "manage_print"):
            answer = other.request.get(
                demo_site + reverse(f"conversations:{name}", args=[board.code]), max_redirects=0
            )
            assert answer.status == 302, name
    finally:
        participant.close()
