"""The grid an open board's pages poll for after a change (conversations/live.py): rendered
once per version and shared, yet each participant gets exactly what the grid rendered for
them would be (their +1s given, their own CSRF token), and a form in it works."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import Agreement, Card
from tests.conversations.conftest import add_card

pytestmark = pytest.mark.django_db
GRID = {"HX-Request": "true", "HX-Target": "grid"}
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def url(name, board, *args):
    return reverse(f"conversations:{name}", args=[board.code, *args])


def poll(client, board):
    response = client.get(url("poll", board), {"versie": 0}, headers=GRID)
    assert response.status_code == 200
    return response.content.decode()


def without_tokens(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def participant_with_card(board, text):
    client = Client(enforce_csrf_checks=True)
    page = client.get(url("board", board)).content.decode()
    data = {"function": "werven", "level": board.levels.first().pk, "text": text}
    token = TOKEN.search(page)[1]
    assert (
        client.post(url("card_add", board), {**data, "csrfmiddlewaretoken": token}).status_code
        == 302
    )
    return client, Card.objects.get(text=text)


def agree(client, board, card):
    token = TOKEN.search(poll(client, board))[1]  # the token the shared grid gave this client
    response = client.post(url("card_agree", board, card.pk), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_each_participant_gets_the_grid_as_rendered_for_them(board):
    anna, annas_card = participant_with_card(board, "Open dagen samen")
    ben, bens_card = participant_with_card(board, "Matchbureau")
    agree(anna, board, bens_card)  # with the token from a shared grid: it works
    board.refresh_from_db()

    for client in (anna, ben):
        rendered = client.get(url("board", board), headers=GRID).content.decode()
        assert without_tokens(poll(client, board)) == without_tokens(rendered)
    annas, bens = poll(anna, board), poll(ben, board)
    assert f'data-agree="{bens_card.pk}" disabled>' in annas
    assert f'data-agree="{annas_card.pk}" disabled>' not in annas
    assert " disabled>+1" not in bens
    assert TOKEN.search(annas)[1] != TOKEN.search(bens)[1]
    assert Agreement.objects.get().card == bens_card


def test_the_board_page_holds_the_shared_grid_as_rendered_for_the_participant(board):
    anna, _card = participant_with_card(board, "Open dagen samen")
    ben, bens_card = participant_with_card(board, "Matchbureau")
    agree(anna, board, bens_card)

    for client, given in ((anna, bens_card), (ben, None)):
        page = client.get(url("board", board)).content.decode()  # the shared grid (cached)
        rendered = client.get(url("board", board), headers=GRID).content.decode()
        assert without_tokens(rendered).strip() in without_tokens(page)
        assert page.count("<html") == 1 and 'id="add-card"' in page
        assert (f'data-agree="{bens_card.pk}" disabled>' in page) == (given is not None)


def test_a_version_is_rendered_once_then_served_with_three_queries(
    board, django_assert_num_queries
):
    first, _card = participant_with_card(board, "Gezamenlijke werving")
    second, _card = participant_with_card(board, "Matchbureau")
    board.refresh_from_db()
    assert "Matchbureau" in poll(first, board)

    # The version, the board, this participant's +1s: no grid queries, no render.
    with django_assert_num_queries(3):
        assert "Matchbureau" in poll(second, board)

    add_card(board, "Nog een kaartje")  # a new version: rendered again
    assert "Nog een kaartje" in poll(second, board)
