"""purge_conversations: boards without activity for longer than RAZON_CONVERSATION_IDLE_DAYS
are deleted with everything on them; published and example boards are kept."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from conversations.models import Agreement, Board, BoardLevel, Card, Comment
from tests import factories
from tests.conversations import boards

pytestmark = pytest.mark.django_db


def idle(board, days):
    Board.objects.filter(pk=board.pk).update(last_activity_at=timezone.now() - timedelta(days=days))
    return board


def purge(*args):
    out = io.StringIO()
    call_command("purge_conversations", *args, stdout=out)
    return out.getvalue()


def test_a_board_idle_longer_than_the_setting_is_deleted_with_its_cards(settings):
    settings.RAZON_CONVERSATION_IDLE_DAYS = 30
    old = idle(boards.board("Oud"), days=31)
    boards.card(old, "werven", "School", "Open dag", agree=2, comments=["Goed idee"])
    recent = idle(boards.board("Recent"), days=29)
    boards.card(recent, "matchen", "School", "Koppelen")

    output = purge()

    assert list(Board.objects.all()) == [recent]
    assert Card.objects.filter(board=old.pk).count() == 0
    assert BoardLevel.objects.filter(board=old.pk).count() == 0
    assert Agreement.objects.count() == 0 and Comment.objects.count() == 0
    assert Card.objects.filter(board=recent).count() == 1
    assert "Deleted 1 board(s) idle for more than 30 days." in output


def test_the_default_is_ninety_days_of_no_activity():
    kept = idle(boards.board("Kwartaal"), days=89)
    idle(boards.board("Te oud"), days=91)

    purge()

    assert list(Board.objects.all()) == [kept]


def test_published_and_example_boards_are_kept_however_old():
    region = factories.education_region(name="Rijk van Nijmegen")
    published = idle(boards.board("Gepubliceerd", published=True, region=region), days=400)
    example = idle(boards.board("Voorbeeld 2024", closed=True, example=True), days=400)
    closed = idle(boards.board("Gesloten, niet gepubliceerd", closed=True), days=400)

    purge()

    assert set(Board.objects.all()) == {published, example}
    assert not Board.objects.filter(pk=closed.pk).exists()


def test_activity_counts_not_the_start_a_touched_board_is_kept():
    board = idle(boards.board("Lang geleden gestart"), days=200)
    board.touch()  # a card added today

    purge()

    assert Board.objects.filter(pk=board.pk).exists()


def test_a_dry_run_counts_and_deletes_nothing():
    idle(boards.board("Oud"), days=100)

    output = purge("--dry-run", "--days", "10")

    assert Board.objects.count() == 1
    assert "Would delete 1 board(s)" in output
