"""The participants' board: full page and htmx fragments, polling, plain text, limits."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from conversations import services
from conversations.models import Agreement, BoardState, Card, Comment
from tests.conversations.conftest import add_card

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def url(name, board, *args):
    return reverse(f"conversations:{name}", args=[board.code, *args])


def card_data(board, **changes):
    return {
        "function": "matchen",
        "level": board.levels.first().pk,
        "text": "Matchbureau",
        "author_name": "",
        **changes,
    }


def test_the_board_shows_five_functions_by_the_levels_with_a_way_to_add_in_every_cell(
    participant, board
):
    response = participant.get(url("board", board))
    assert response.status_code == 200
    assert "conversations/board.html" in [t.name for t in response.templates]
    page = response.content.decode()
    for label in ("Werven", "Matchen", "Opleiden", "Begeleiden", "Professionaliseren"):
        assert f'<th scope="row">{label}</th>' in page
    for level in board.levels.all():
        assert f'<th scope="col">{escape(level.name)}</th>' in page
    assert page.count('class="board__add"') == 5 * board.levels.count()
    assert board.code in page
    assert "every 3s" in page and f"stand/?versie={board.version}" in page


def test_a_cell_link_fills_in_the_add_form(participant, board):
    level = board.levels.last()
    page = participant.get(
        url("board", board), {"functie": "opleiden", "niveau": level.pk}
    ).content.decode()
    assert '<option value="opleiden" selected>' in page
    assert f'<option value="{level.pk}" selected>' in page


def test_adding_without_javascript_redirects_to_the_board_with_the_card(participant, board):
    response = participant.post(url("card_add", board), card_data(board, author_name="Anna"))
    card = Card.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#kaartje-{card.pk}")
    assert card.participant and card.author_name == "Anna"
    page = participant.get(response["Location"]).content.decode()
    assert "Matchbureau" in page and "Anna" in page and "Je kaartje staat op het bord." in page


def test_adding_with_htmx_answers_the_form_and_the_grid_out_of_band(participant, board):
    response = participant.post(
        url("card_add", board), card_data(board), headers={**HTMX, "HX-Target": "add-card"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert page.lstrip().startswith('<section id="add-card"')
    assert 'id="grid"' in page and 'hx-swap-oob="true"' in page and "Matchbureau" in page


def test_text_is_shown_as_plain_text(participant, board):
    participant.post(
        url("card_add", board),
        card_data(board, text="<script>alert(1)</script><b>x</b>", author_name="<i>n</i>"),
    )
    page = participant.get(url("board", board)).content.decode()
    assert (
        "<script>alert(1)" not in page
        and "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;" in page
    )
    assert "&lt;i&gt;n&lt;/i&gt;" in page


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"text": "x" * 141}, "Maximaal 140 tekens; je typte er 141."),
        ({"author_name": "n" * 41}, "Maximaal 40 tekens; je typte er 41."),
        ({"text": "   "}, "Dit veld is verplicht"),
        ({"function": "dansen"}, "Selecteer een geldige keuze"),
        ({"level": "999999"}, "Selecteer een geldige keuze"),
        ({"level": "abc"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_gets_a_clear_message_never_a_500(participant, board, changes, message):
    for headers in ({}, {**HTMX, "HX-Target": "add-card"}):
        response = participant.post(
            url("card_add", board), card_data(board, **changes), headers=headers
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not Card.objects.exists()


def test_another_boards_level_is_refused(participant, board, started):
    other, _secret = services.start_board(name="Ander", facilitator_email="a@example.org")
    response = participant.post(
        url("card_add", board), card_data(board, level=other.levels.first().pk)
    )
    assert response.status_code == 200 and not Card.objects.exists()


def test_moving_a_card_with_a_plain_form_and_with_htmx(participant, board):
    card = add_card(board)
    levels = list(board.levels.all())
    response = participant.post(url("card_move", board, card.pk), {"level": levels[2].pk})
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.level == levels[2] and card.version == 2
    response = participant.post(
        url("card_move", board, card.pk),
        {"level": levels[3].pk},
        headers={**HTMX, "HX-Target": "grid"},
    )
    page = response.content.decode()
    assert (
        page.lstrip().startswith('<section id="grid"')
        and f"Kaartje verplaatst naar {levels[3].name}." in page
    )
    card.refresh_from_db()
    assert card.level == levels[3]


def test_a_move_to_a_level_of_another_board_or_nonsense_is_refused(participant, board):
    card = add_card(board)
    other, _ = services.start_board(name="Ander", facilitator_email="a@example.org")
    for level in (other.levels.first().pk, "x", ""):
        response = participant.post(
            url("card_move", board, card.pk), {"level": level}, headers=HTMX
        )
        assert (
            response.status_code == 200
            and "Kies een schaalniveau van dit bord." in response.content.decode()
        )
    card.refresh_from_db()
    assert card.level == board.levels.first()


def test_plus_one_counts_once_per_participant(participant, client, board):
    card = add_card(board)
    for _ in range(2):
        participant.post(url("card_agree", board, card.pk), headers=HTMX)
    client.post(url("card_agree", board, card.pk))
    assert Agreement.objects.filter(card=card).count() == 2
    page = participant.get(url("board", board)).content.decode()
    assert "+2" in page and "disabled" in page


def test_a_forged_participant_cookie_is_a_new_participant(participant, board):
    card = add_card(board)
    participant.post(url("card_agree", board, card.pk))
    participant.cookies["razon_deelnemer"] = "forged:value"
    participant.post(url("card_agree", board, card.pk))
    assert Agreement.objects.filter(card=card).count() == 2  # not an error, just someone new


def test_commenting_on_the_card_page(participant, board):
    card = add_card(board)
    page = participant.get(url("card", board, card.pk)).content.decode()
    assert "Reacties" in page
    response = participant.post(
        url("card", board, card.pk), {"text": "Goed idee", "author_name": "Bas"}
    )
    assert response.status_code == 302
    assert "Goed idee" in participant.get(url("board", board)).content.decode()
    too_long = participant.post(url("card", board, card.pk), {"text": "x" * 281})
    assert too_long.status_code == 200 and "Maximaal 280 tekens" in too_long.content.decode()
    assert Comment.objects.count() == 1


def test_polling_answers_204_with_one_query_while_nothing_changed(
    participant, board, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = participant.get(
            url("poll", board), {"versie": board.version}, headers={**HTMX, "HX-Target": "grid"}
        )
    assert response.status_code == 204
    add_card(board, "Nieuw kaartje")
    response = participant.get(
        url("poll", board), {"versie": board.version}, headers={**HTMX, "HX-Target": "grid"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Nieuw kaartje" in page and "<html" not in page
    board.refresh_from_db()
    assert f"versie={board.version}" in page


def test_a_closed_board_is_read_only_but_visible(participant, board):
    card = add_card(board)
    services.set_state(board, BoardState.CLOSED)
    page = participant.get(url("board", board)).content.decode()
    assert "Gezamenlijke werving" in page and "Dit bord is gesloten" in page
    assert "hx-trigger" not in page and "verplaatsen/" not in page
    response = participant.post(
        url("card_add", board), card_data(board), headers={**HTMX, "HX-Target": "add-card"}
    )
    assert "Dit bord is gesloten" in response.content.decode()
    participant.post(url("card_agree", board, card.pk))
    assert Card.objects.count() == 1 and not Agreement.objects.exists()


def test_participant_actions_are_rate_limited(participant, board, settings):
    settings.RAZON_CONVERSATION_PARTICIPANT_LIMIT = 3
    for _ in range(4):
        response = participant.post(
            url("card_add", board), card_data(board), headers={**HTMX, "HX-Target": "add-card"}
        )
    assert response.status_code == 429 and "Je doet veel in korte tijd" in response.content.decode()
    assert Card.objects.count() == 3


def test_unknown_boards_and_cards_are_404(participant, board):
    assert participant.get(reverse("conversations:board", args=["ZZZZZZ"])).status_code == 404
    assert participant.get(reverse("conversations:board", args=["<x>"])).status_code == 404
    assert participant.get(url("card", board, 999999)).status_code == 404
    assert participant.post(url("card_agree", board, 999999)).status_code == 302


def test_a_write_followed_as_a_link_leads_back_to_its_form(participant, board):
    card = add_card(board)
    assert participant.get(url("card_add", board))["Location"] == url("board", board) + "#add-card"
    assert participant.get(url("card_move", board, card.pk))["Location"] == url(
        "card", board, card.pk
    )
    assert participant.head(url("card_agree", board, card.pk)).status_code == 302
    assert participant.get(url("manage_close", board))["Location"] == url("manage", board)
    assert not card.agreements.exists()
