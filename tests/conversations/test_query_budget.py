"""The board page and its fragments run a fixed number of queries whatever the number of
cards, +1s and comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conversations import services
from conversations.models import Function
from tests.conversations.conftest import add_card

pytestmark = pytest.mark.django_db


def fill(board, count):
    levels = list(board.levels.all())
    for index in range(count):
        card = add_card(
            board,
            f"Kaartje {index}",
            function=Function.values[index % 5],
            level=levels[index % len(levels)],
        )
        services.agree(board, card_id=card.pk, participant=f"p{index}")
        services.comment(board, card_id=card.pk, text="Eens", author_name="", participant="x")


def counts(client, board):
    result = {}
    pages = {
        "board": (reverse("conversations:board", args=[board.code]), {}),
        "grid": (
            reverse("conversations:poll", args=[board.code]) + "?versie=0",
            {"HX-Request": "true", "HX-Target": "grid"},
        ),
        "index": (reverse("conversations:index"), {}),
    }
    for name, (path, headers) in pages.items():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, headers=headers).status_code == 200
        result[name] = len(queries)
    return result


def test_the_board_page_runs_the_same_few_queries_with_5_or_150_cards(participant, board):
    fill(board, 5)
    participant.post(reverse("conversations:card_agree", args=[board.code, board.cards.first().pk]))
    small = counts(participant, board)
    fill(board, 145)
    large = counts(participant, board)
    assert small == large
    # board; levels (the add form); the grid, rendered once per version for everyone
    # (conversations/live.py): levels, cards with their +1 counts, comments; this
    # participant's +1s
    assert large["board"] == 6
    # the version; the board; this participant's +1s: the grid of this version was rendered
    # for the page above
    assert large["grid"] == 3
    assert max(large.values()) <= 10
