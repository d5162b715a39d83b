"""The facilitator's powers, and forged requests: a participant, or anyone with only the
join link, can never do what only the facilitator may."""

import pytest
from django.test import Client
from django.urls import reverse

from conversations import services
from conversations.models import Board, BoardState, Card
from tests.conversations.conftest import add_card

pytestmark = pytest.mark.django_db


def url(name, board, *args):
    return reverse(f"conversations:{name}", args=[board.code, *args])


def facilitator_posts(board, card, other):
    """Every facilitator action, as (url, data)."""
    level = board.levels.first()
    return [
        (url("manage_hide", board, card.pk), {}),
        (url("manage_merge", board, card.pk), {"into": other.pk}),
        (
            url("manage_levels", board),
            {"actie": "hernoemen", "niveau": level.pk, "name": "Gekaapt"},
        ),
        (url("manage_levels", board), {"actie": "toevoegen", "name": "Gekaapt"}),
        (
            url("manage_levels", board),
            {"actie": "verwijderen", "niveau": level.pk, "move_to": board.levels.last().pk},
        ),
        (url("manage_close", board), {}),
    ]


def test_the_management_link_grants_the_board_and_leaves_the_address_bar(board, started):
    secret = started[1]
    client = Client()
    response = client.get(services.manage_path(board, secret))
    assert response.status_code == 302 and response["Location"] == url("manage", board)
    page = client.get(url("manage", board)).content.decode()
    assert "Sluit het bord" in page and secret not in page


def test_a_wrong_secret_or_another_boards_secret_grants_nothing(board):
    _other, other_secret = services.start_board(name="Ander", facilitator_email="a@example.org")
    client = Client()
    assert (
        client.get(
            reverse("conversations:manage_login", args=[board.code, other_secret])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("conversations:manage_login", args=[board.code, "x" * 43])).status_code
        == 404
    )
    assert client.get(url("manage", board))["Location"] == url("board", board)


def test_nobody_but_the_facilitator_can_do_what_only_the_facilitator_may(
    participant, board, facilitator
):
    card = add_card(board, "Echt")
    other = add_card(board, "Ander")
    participant.get(url("board", board))  # joined with the link
    participant.post(url("card_agree", board, card.pk))  # and took part
    # Someone who manages another board is no facilitator of this one.
    other_board, other_secret = services.start_board(
        name="Ander bord", facilitator_email="b@example.org"
    )
    elsewhere = Client()
    elsewhere.get(services.manage_path(other_board, other_secret))
    for client in (participant, Client(), elsewhere):
        for page in (
            url("manage", board),
            url("manage_merge", board, card.pk),
            url("started", board),
        ):
            response = client.get(page)  # as a link: back to the board, with a word why
            assert response.status_code == 302 and response["Location"] == url("board", board)
            assert "Alleen de begeleider" in client.get(response["Location"]).content.decode()
        for path, data in facilitator_posts(board, card, other):
            assert client.post(path, data).status_code == 403, path
            assert client.post(path, data, headers={"HX-Request": "true"}).status_code == 403, path
    board.refresh_from_db()
    assert board.state == BoardState.OPEN
    assert Card.objects.visible().count() == 2
    assert next(level.name for level in board.levels.all()) == "School"
    assert board.levels.count() == 5


def test_the_management_secret_never_appears_on_participant_pages(participant, started):
    board, secret = started
    card = add_card(board)
    for path in (
        url("board", board),
        url("card", board, card.pk),
        url("poll", board) + "?versie=0",
    ):
        page = participant.get(path).content.decode()
        assert secret not in page and board.manage_token_hash not in page
        assert "/beheer/" not in page


def test_the_facilitator_hides_and_restores_a_card(facilitator, board):
    card = add_card(board, "Weg ermee")
    assert facilitator.post(url("manage_hide", board, card.pk)).status_code == 302
    assert "Weg ermee" not in Client().get(url("board", board)).content.decode()
    page = facilitator.get(url("manage", board)).content.decode()
    assert "Verborgen kaartjes" in page
    facilitator.post(url("manage_hide", board, card.pk), {"verbergen": "0"})
    assert "Weg ermee" in Client().get(url("board", board)).content.decode()


def test_the_facilitator_merges_duplicates(facilitator, board):
    keep = add_card(board, "Samen werven")
    duplicate = add_card(board, "Gezamenlijk werven")
    page = facilitator.get(url("manage_merge", board, duplicate.pk)).content.decode()
    assert "Samen werven" in page
    facilitator.post(url("manage_merge", board, duplicate.pk), {"into": keep.pk})
    duplicate.refresh_from_db()
    assert duplicate.merged_into == keep
    assert facilitator.post(url("manage_merge", board, keep.pk), {"into": "x"}).status_code == 200
    facilitator.post(url("manage_merge", board, keep.pk), {"into": keep.pk})
    keep.refresh_from_db()
    assert keep.merged_into is None


def test_the_facilitator_renames_adds_and_removes_levels(facilitator, board):
    first = board.levels.first()
    facilitator.post(
        url("manage_levels", board),
        {"actie": "hernoemen", "niveau": first.pk, "name": "Eigen school", "position": "0"},
    )
    facilitator.post(url("manage_levels", board), {"actie": "toevoegen", "name": "Landelijk"})
    assert next(level.name for level in board.levels.all()) == "Eigen school"
    assert board.levels.last().name == "Landelijk"
    card = add_card(board, level=first)
    response = facilitator.post(
        url("manage_levels", board), {"actie": "verwijderen", "niveau": first.pk}
    )
    assert "kies naar welk niveau" in facilitator.get(response["Location"]).content.decode()
    facilitator.post(
        url("manage_levels", board),
        {"actie": "verwijderen", "niveau": first.pk, "move_to": board.levels.last().pk},
    )
    card.refresh_from_db()
    assert card.level.name == "Landelijk"
    too_long = facilitator.post(
        url("manage_levels", board), {"actie": "toevoegen", "name": "x" * 61}
    )
    assert "hoogstens 60 tekens" in facilitator.get(too_long["Location"]).content.decode()
    assert facilitator.post(url("manage_levels", board), {"actie": "?"}).status_code == 302
    assert "Landelijk" in Client().get(url("board", board)).content.decode()


def test_the_facilitator_closes_and_reopens_the_board(facilitator, board):
    facilitator.post(url("manage_close", board))
    board.refresh_from_db()
    assert board.state == BoardState.CLOSED and board.closed_at
    assert Client().get(url("board", board)).status_code == 200
    facilitator.post(url("manage_reopen", board))
    board.refresh_from_db()
    assert board.state == BoardState.OPEN and board.closed_at is None


def test_the_board_page_links_the_management_page_only_for_the_facilitator(
    facilitator, participant, board
):
    assert "Beheer dit bord" in facilitator.get(url("board", board)).content.decode()
    assert "Beheer dit bord" not in participant.get(url("board", board)).content.decode()


def test_a_published_board_is_readable_by_slug_an_unpublished_one_is_not(client, board):
    assert client.get(reverse("conversations:published", args=[board.slug])).status_code == 404
    Board.objects.filter(pk=board.pk).update(state=BoardState.CLOSED, is_published=True)
    assert client.get(reverse("conversations:published", args=[board.slug])).status_code == 200
