"""Publishing a closed board on an onderwijsregio's page, and taking it off: only the
facilitator, only a closed board, only on a published region; the region's page then lists
it (through razon/related.py) and the page cache shows the change at once."""

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import Board
from tests import factories
from tests.conversations import boards

pytestmark = pytest.mark.django_db


@pytest.fixture
def region():
    return factories.education_region(name="Rijk van Nijmegen", slug="rijk-van-nijmegen")


def url(name, board):
    return reverse(f"conversations:{name}", args=[board.code])


def test_the_facilitator_publishes_a_closed_board_on_the_regions_page(region, settings):
    settings.RAZON_PAGE_CACHE = True
    board = boards.board("Werksessie maart", closed=True)
    boards.card(board, "werven", "School", "Open dagen")
    client = boards.facilitator_client(board)
    page = region.get_absolute_url()
    assert "Werksessie maart" not in Client().get(page).content.decode()  # cached now

    response = client.post(url("manage_publish", board), {"publish-region": region.pk})

    assert response.status_code == 302 and response["Location"] == url("manage", board)
    board.refresh_from_db()
    assert board.is_published and board.region == region and board.published_at
    text = Client().get(page).content.decode()
    assert "Schaalniveau-gesprekken" in text
    assert reverse("conversations:published", args=[board.slug]) in text
    assert reverse("conversations:compare") in text
    published = Client().get(reverse("conversations:published", args=[board.slug]))
    assert published.status_code == 200 and "Open dagen" in published.content.decode()


def test_unpublishing_takes_it_off_the_regions_page(region, settings):
    settings.RAZON_PAGE_CACHE = True
    board = boards.board("Werksessie maart", published=True, region=region)
    page = region.get_absolute_url()
    assert "Werksessie maart" in Client().get(page).content.decode()

    response = boards.facilitator_client(board).post(url("manage_unpublish", board))

    assert response.status_code == 302
    board.refresh_from_db()
    assert not board.is_published and board.published_at is None
    assert "Werksessie maart" not in Client().get(page).content.decode()
    assert Client().get(reverse("conversations:published", args=[board.slug])).status_code == 404


def test_an_open_board_cannot_be_published(region):
    board = boards.board("Nog open")
    client = boards.facilitator_client(board)

    response = client.post(url("manage_publish", board), {"publish-region": region.pk}, follow=True)

    assert not Board.objects.get(pk=board.pk).is_published
    assert "Sluit het bord eerst" in response.content.decode()


@pytest.mark.parametrize("value", ["", "999999", "abc"])
def test_publishing_needs_a_published_region(region, value):
    board = boards.board("Gesloten", closed=True)
    client = boards.facilitator_client(board)

    response = client.post(url("manage_publish", board), {"publish-region": value}, follow=True)

    assert response.status_code == 200
    assert not Board.objects.get(pk=board.pk).is_published


def test_a_draft_region_cannot_be_chosen():
    draft = factories.education_region(name="Concept", status="draft")
    board = boards.board("Gesloten", closed=True)

    boards.facilitator_client(board).post(
        url("manage_publish", board), {"publish-region": draft.pk}
    )

    assert not Board.objects.get(pk=board.pk).is_published


@pytest.mark.parametrize("name", ["manage_publish", "manage_unpublish"])
def test_a_participant_cannot_publish_or_unpublish(region, name):
    board = boards.board(
        "Gesloten", closed=True, published=name == "manage_unpublish", region=region
    )
    participant = Client()
    participant.get(reverse("conversations:board", args=[board.code]))

    response = participant.post(url(name, board), {"publish-region": region.pk})

    assert response.status_code == 403
    assert Board.objects.get(pk=board.pk).is_published == (name == "manage_unpublish")


def test_publishing_is_a_post_a_get_leads_back_to_the_management_page(region):
    board = boards.board("Gesloten", closed=True)
    client = boards.facilitator_client(board)

    response = client.get(url("manage_publish", board))

    assert response.status_code == 302 and response["Location"] == url("manage", board)
    assert not Board.objects.get(pk=board.pk).is_published


def test_the_management_page_offers_publishing_for_a_closed_board_only(region):
    open_board = boards.board("Open")
    closed = boards.board("Gesloten", closed=True)

    open_text = boards.facilitator_client(open_board).get(url("manage", open_board)).content
    closed_text = boards.facilitator_client(closed).get(url("manage", closed)).content

    assert url("manage_publish", open_board).encode() not in open_text
    assert url("manage_publish", closed).encode() in closed_text
    assert b"Rijk van Nijmegen" in closed_text  # the region to choose


def test_reopening_a_published_board_takes_it_off_the_site_until_published_again(region, settings):
    settings.RAZON_PAGE_CACHE = True
    board = boards.board("Gepubliceerd", published=True, region=region)
    client = boards.facilitator_client(board)
    page = region.get_absolute_url()
    assert "Gepubliceerd" in Client().get(page).content.decode()  # cached now

    client.post(url("manage_reopen", board))
    client.post(url("manage_close", board))

    board.refresh_from_db()
    assert not board.is_published and not Board.objects.published().filter(pk=board.pk)
    assert "Gepubliceerd" not in Client().get(page).content.decode()


def test_hiding_a_card_of_a_published_board_shows_on_the_cached_pages_at_once(region, settings):
    settings.RAZON_PAGE_CACHE = True
    board = boards.board("Gepubliceerd", published=True, region=region)
    card = boards.card(board, "werven", "School", "Een kaartje om te verbergen")
    compare = reverse("conversations:compare") + f"?bord1={board.slug}"
    assert "Een kaartje om te verbergen" in Client().get(compare).content.decode()

    boards.facilitator_client(board).post(
        reverse("conversations:manage_hide", args=[board.code, card.pk])
    )

    assert "Een kaartje om te verbergen" not in Client().get(compare).content.decode()
