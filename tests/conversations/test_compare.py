"""/schaalniveau/vergelijken/: published boards side by side, the summary per function and
level across them (table and heat map), bad input, htmx, and a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conversations import compare, heatmap
from tests import factories
from tests.conversations import boards

pytestmark = pytest.mark.django_db
URL = "/schaalniveau/vergelijken/"


@pytest.fixture
def published():
    north = factories.education_region(name="Regio Noord")
    south = factories.education_region(name="Regio Zuid")
    a = boards.board("Werksessie Noord", published=True, region=north)
    b = boards.board(
        "Werksessie Zuid", published=True, region=south, levels=["School", "Schoolbestuur", "Stad"]
    )
    boards.card(a, "werven", "School", "Open dagen", agree=2)
    boards.card(a, "werven", "Onderwijsregio", "Regionale campagne")
    boards.card(b, "werven", "School", "Open dagen")
    boards.card(b, "matchen", "Stad", "Matchingstafel")
    boards.card(b, "matchen", "School", "Verborgen", hidden=True)
    draft = boards.board("Nog open bord")
    boards.card(draft, "werven", "School", "Niet gepubliceerd")
    closed = boards.board("Gesloten, niet gepubliceerd", closed=True)
    boards.card(closed, "werven", "School", "Ook niet")
    return a, b


def test_the_url_is_the_compare_page():
    assert reverse("conversations:compare") == URL


def test_the_summary_counts_visible_cards_of_published_boards_per_function_and_level(published):
    columns, rows = compare.summary()

    assert columns == [
        "School",
        "Schoolbestuur",
        "Partnerschap (SO&P)",
        "Onderwijsregio",
        "Brede regio (RA-ZON)",
        "Stad",
    ]
    werven, matchen = rows[0], rows[1]
    assert werven.label == "Werven" and matchen.label == "Matchen"
    assert werven.cells[0].count == 2
    assert werven.cells[0].activities == [("Open dagen", 2)]  # named on two boards
    assert werven.cells[3].count == 1
    assert matchen.cells[0].count == 0  # the hidden card
    assert matchen.cells[5].count == 1 and matchen.cells[5].activities == [("Matchingstafel", 1)]
    assert sum(cell.count for row in rows for cell in row.cells) == 4


def test_beyond_eight_level_names_the_rest_are_summed_in_one_column():
    board = boards.board("Veel niveaus", published=True, levels=[f"Niveau {i}" for i in range(10)])
    for i in range(10):
        boards.card(board, "werven", f"Niveau {i}", f"Kaartje {i}")

    columns, rows = compare.summary()

    assert len(columns) == compare.MAX_COLUMNS
    assert columns[-1] == "Andere niveaus"
    assert sum(cell.count for cell in rows[0].cells) == 10
    assert rows[0].cells[-1].activities == []  # the rest column gives only its count


def test_the_page_shows_the_chosen_boards_side_by_side(client, published):
    a, b = published

    response = client.get(URL, {"bord1": a.slug, "bord2": b.slug})

    assert response.status_code == 200
    assert "conversations/compare.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert '<main id="main"' in text
    side = text[text.index('id="side-by-side"') : text.index('id="summary-title"')]
    assert "Werksessie Noord" in side and "Werksessie Zuid" in side
    assert "Regionale campagne" in side and "Matchingstafel" in side and "(+2)" in side
    assert "Verborgen" not in text and "Niet gepubliceerd" not in text and "Ook niet" not in text
    assert reverse("conversations:published", args=[a.slug]) in side
    # The form lists only the published boards, the chosen ones selected.
    assert f'<option value="{a.slug}" selected>' in text
    assert "Nog open bord" not in text and "Gesloten, niet gepubliceerd" not in text


def test_the_heat_map_and_the_table_give_the_same_figures_with_text_alternatives(client, published):
    text = client.get(URL).content.decode()

    start = text.index('<figure class="heatmap">')
    svg = text[start : text.index("</svg>", start)]
    assert 'role="img"' in svg and 'aria-labelledby="heatmap-title heatmap-desc"' in svg
    assert "<title>Werven, School: 2 activiteiten</title>" in svg
    assert "<title>Matchen, Stad: 1 activiteit</title>" in svg
    assert len(re.findall(r"<rect ", svg)) == 5 * 6
    table = text[text.index('class="data-table summary-table"') :]
    assert '<th scope="row">Werven</th>' in table and '<th scope="col">Stad</th>' in table
    assert "<strong>2</strong>" in table and "Open dagen" in table


def test_the_shades_keep_their_numbers_readable_and_the_outlines_visible():
    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    def contrast(a, b):
        high, low = sorted([luminance(a), luminance(b)], reverse=True)
        return (high + 0.05) / (low + 0.05)

    for fill, text in heatmap.SHADES:
        assert contrast(fill, text) >= 4.5, fill
    assert contrast(heatmap.OUTLINE, "#ffffff") >= 3
    assert [heatmap.shade(n, 10) for n in (0, 1, 5, 10)] == [0, 1, 2, 4]
    lightness = [luminance(fill) for fill, _text in heatmap.SHADES]
    assert lightness == sorted(lightness, reverse=True)  # more is darker


@pytest.mark.parametrize(
    "query",
    [
        {"bord1": "bestaat-niet"},
        {"bord1": "<script>", "bord2": "x" * 500},
        {"bord4": "iets"},
    ],
)
def test_bad_choices_are_left_out_with_a_message_never_an_error(client, published, query):
    response = client.get(URL, query)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_an_unknown_or_repeated_choice_says_so(client, published):
    a, _b = published

    text = client.get(URL, {"bord1": a.slug, "bord2": a.slug}).content.decode()

    assert "dubbel gekozen" in text
    assert text.count("Het hele bord van Werksessie Noord") == 1


def test_htmx_gets_only_the_side_by_side_region(client, published):
    a, _b = published

    response = client.get(
        URL, {"bord1": a.slug}, headers={"HX-Request": "true", "HX-Target": "side-by-side"}
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in text and text.lstrip().startswith('<div id="side-by-side"')
    assert "Regionale campagne" in text
    assert "HX-Request" in response["Vary"]


def test_without_published_boards_the_page_says_so(client):
    text = client.get(URL).content.decode()

    assert "Er is nog geen gesprek gepubliceerd" in text


def test_a_valid_choice_is_cached_and_a_made_up_one_is_not(settings, published):
    settings.RAZON_PAGE_CACHE = True
    a, _b = published
    from razon import pagecache

    stored = []
    original = pagecache.cache.set
    pagecache.cache.set = lambda key, *args, **kw: stored.append(key) or original(key, *args, **kw)
    try:
        Client().get(URL, {"bord1": a.slug})
        Client().get(URL, {"bord1": "verzonnen"})
    finally:
        pagecache.cache.set = original

    assert len([key for key in stored if key.startswith("pagecache:page:")]) == 1


def test_the_number_of_queries_is_the_same_for_one_or_three_boards_and_more_data(client, published):
    a, b = published

    def count(query):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, query).status_code == 200
        return len(queries)

    one = count({"bord1": a.slug})
    two = count({"bord1": a.slug, "bord2": b.slug})
    for i in range(12):
        extra = boards.board(f"Extra {i}", published=True)
        for function in ("werven", "matchen", "opleiden"):
            boards.card(extra, function, "School", f"Activiteit {i} {function}", agree=i % 3)
    three = count({"bord1": a.slug, "bord2": b.slug, "bord3": extra.slug})

    # session-free page: the boards for the form, the chosen boards' levels and cards, the
    # summary's counts and activities, the default levels, the page cache's generations.
    assert one == two == three <= 8
