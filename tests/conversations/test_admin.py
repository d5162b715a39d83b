"""Boards, cards and comments in the admin: an editor finds them, and what an editor hides
or deletes disappears from the board's open pages (its version goes up) and, for a
published board, from the cached pages (the comparison, the onderwijsregio's page) at once."""

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import Board, Card, Comment
from tests import factories
from tests.conftest import admin_form_data, logged_in
from tests.conversations import boards

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def published(settings):
    settings.RAZON_PAGE_CACHE = True
    region = factories.education_region(name="Rijk van Nijmegen", slug="rijk-van-nijmegen")
    return boards.board("Werksessie maart", published=True, region=region)


def compare_page(board):
    return Client().get(reverse("conversations:compare") + f"?bord1={board.slug}")


def version(board):
    return Board.objects.values_list("version", flat=True).get(pk=board.pk)


def test_an_editor_searches_boards_cards_and_comments(editor_client):
    board = boards.board("Werksessie Peel")
    boards.card(board, "werven", "School", "Open dagen samen", comments=["Goed idee"])
    boards.card(board, "matchen", "School", "Iets anders")

    for model, query, found in [
        ("board", "Peel", "Werksessie Peel"),
        ("card", "open dagen", "Open dagen samen"),
        ("comment", "goed", "Goed idee"),
    ]:
        url = reverse(f"admin:conversations_{model}_changelist")
        response = editor_client.get(url, {"q": query})
        assert response.status_code == 200, model
        assert found in response.content.decode(), model
    response = editor_client.get(reverse("admin:conversations_card_changelist"), {"q": "open"})
    assert "Iets anders" not in response.content.decode()


def test_hiding_a_card_in_its_change_form_renews_the_cached_comparison(editor_client, published):
    card = boards.card(published, "werven", "School", "Een kaartje om te verbergen")
    assert "Een kaartje om te verbergen" in compare_page(published).content.decode()  # cached
    before = version(published)
    url = reverse("admin:conversations_card_change", args=[card.pk])

    response = editor_client.post(url, admin_form_data(editor_client.get(url), hidden="on"))

    assert response.status_code == 302
    assert Card.objects.get(pk=card.pk).hidden
    assert version(published) == before + 1
    assert "Een kaartje om te verbergen" not in compare_page(published).content.decode()


def test_the_hide_action_and_deleting_renew_the_cached_pages(editor_client, published):
    hidden = boards.card(published, "werven", "School", "Verborgen met de actie")
    deleted = boards.card(published, "matchen", "School", "Weggehaald kaartje")
    region_page = published.region.get_absolute_url()
    assert "Werksessie maart" in Client().get(region_page).content.decode()
    assert "Weggehaald kaartje" in compare_page(published).content.decode()
    changelist = reverse("admin:conversations_card_changelist")

    editor_client.post(
        changelist, {"action": "hide_cards", "_selected_action": [hidden.pk], "index": 0}
    )
    editor_client.post(
        reverse("admin:conversations_card_delete", args=[deleted.pk]), {"post": "yes"}
    )

    assert Card.objects.get(pk=hidden.pk).hidden
    assert not Card.objects.filter(pk=deleted.pk).exists()
    html = compare_page(published).content.decode()
    assert "Verborgen met de actie" not in html and "Weggehaald kaartje" not in html


def test_deleting_a_comment_bumps_the_boards_version(editor_client):
    board = boards.board("Open werksessie")
    card = boards.card(board, "werven", "School", "Open dagen", comments=["Weg ermee"])
    comment = Comment.objects.get(card=card)
    before = version(board)

    response = editor_client.post(
        reverse("admin:conversations_comment_delete", args=[comment.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert version(board) == before + 1  # the polling participants reload the grid


def test_the_start_page_is_cached_and_renewed_when_its_example_board_changes(
    editor_client, settings, django_assert_max_num_queries
):
    settings.RAZON_PAGE_CACHE = True
    example = boards.board("Voorbeeldsessie", closed=True, example=True)
    card = boards.card(example, "werven", "School", "Een voorbeeldkaartje")
    index = reverse("conversations:index")
    assert "Een voorbeeldkaartje" in Client().get(index).content.decode()
    with django_assert_max_num_queries(1):  # from the page cache: its topics' generations
        assert "Een voorbeeldkaartje" in Client().get(index).content.decode()

    editor_client.post(
        reverse("admin:conversations_card_changelist"),
        {"action": "hide_cards", "_selected_action": [card.pk], "index": 0},
    )

    assert "Een voorbeeldkaartje" not in Client().get(index).content.decode()
