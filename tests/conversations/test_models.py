import pytest
from django.core import mail

from conversations import services
from conversations.grid import board_grid
from conversations.models import (
    DEFAULT_LEVELS,
    Agreement,
    Board,
    BoardState,
    Card,
    Function,
    ScaleLevel,
    token_hash,
)
from tests.conversations.conftest import add_card

pytestmark = pytest.mark.django_db


def test_the_default_levels_are_there_as_a_proposal_in_order():
    assert list(ScaleLevel.objects.values_list("name", flat=True)) == [
        "School",
        "Schoolbestuur",
        "Partnerschap (SO&P)",
        "Onderwijsregio",
        "Brede regio (RA-ZON)",
    ]


def test_a_started_board_copies_the_default_levels_and_keeps_only_the_hash_of_its_secret(started):
    board, secret = started
    assert [level.name for level in board.levels.all()] == list(
        ScaleLevel.objects.values_list("name", flat=True)
    )
    assert board.manage_token_hash == token_hash(secret) != secret
    assert board.manage_token_matches(secret)
    assert not board.manage_token_matches(secret[:-1] + "x")
    assert not board.manage_token_matches("")
    assert len(board.code) == 6 and board.state == BoardState.OPEN


def test_the_management_link_is_mailed_by_the_worker_then_the_secret_is_forgotten(
    started, mail_worker_pass
):
    board, secret = started
    assert Board.objects.awaiting_mail().filter(pk=board.pk).exists()
    mail_worker_pass()
    (message,) = mail.outbox
    assert message.to == ["begeleider@example.org"]
    assert f"/schaalniveau/{board.code}/beheer/{secret}/" in message.body
    assert board.code in message.body
    board.refresh_from_db()
    assert board.mail_token == "" and board.manage_token_matches(secret)
    mail_worker_pass()
    assert len(mail.outbox) == 1


def test_with_the_mail_server_down_the_secret_is_kept_and_mailed_later(
    started, smtp_port, mail_worker_pass
):
    board, secret = started
    mail_worker_pass()  # nothing listens on smtp_port yet
    board.refresh_from_db()
    assert board.mail_token == secret and board.mail_attempts == 1 and board.mail_error


def test_each_change_raises_the_board_version(board):
    version = board.version
    card = add_card(board)
    services.agree(board, card_id=card.pk, participant="p2")
    services.move_card(board, card_id=card.pk, level_id=board.levels.last().pk)
    board.refresh_from_db()
    assert board.version == version + 3


def test_one_agreement_per_participant(board):
    card = add_card(board)
    services.agree(board, card_id=card.pk, participant="p2")
    services.agree(board, card_id=card.pk, participant="p2")
    assert Agreement.objects.filter(card=card).count() == 1


def test_merging_moves_agreements_once_and_comments_and_leaves_the_grid(board):
    keep = add_card(board, "Samen werven")
    duplicate = add_card(board, "Gezamenlijk werven")
    for who in ("a", "b"):
        services.agree(board, card_id=keep.pk, participant=who)
    for who in ("b", "c"):
        services.agree(board, card_id=duplicate.pk, participant=who)
    services.comment(board, card_id=duplicate.pk, text="Ja!", author_name="", participant="c")

    services.merge(board, card_id=duplicate.pk, into_id=keep.pk)

    assert sorted(keep.agreements.values_list("participant", flat=True)) == ["a", "b", "c"]
    assert keep.comments.count() == 1
    grid = board_grid(board)
    assert grid.card_count == 1
    assert grid.rows[0].cells[0].cards[0].agree_count == 3


def test_a_closed_board_refuses_every_participant_action(board):
    card = add_card(board)
    services.set_state(board, BoardState.CLOSED)
    board.refresh_from_db()
    for action in (
        lambda: add_card(board),
        lambda: services.move_card(board, card_id=card.pk, level_id=board.levels.last().pk),
        lambda: services.agree(board, card_id=card.pk, participant="x"),
        lambda: services.comment(board, card_id=card.pk, text="x", author_name="", participant="x"),
    ):
        with pytest.raises(services.Refused):
            action()


def test_removing_a_level_with_cards_needs_a_level_to_move_them_to(board):
    first, second = list(board.levels.all())[:2]
    card = add_card(board, level=first)
    with pytest.raises(services.Refused):
        services.remove_level(board, level_id=first.pk)
    services.remove_level(board, level_id=first.pk, move_to_id=second.pk)
    card.refresh_from_db()
    assert card.level == second
    assert not board.levels.filter(pk=first.pk).exists()


def test_the_grid_has_the_five_functions_as_rows_and_the_levels_as_columns(
    board, django_assert_num_queries
):
    for level in board.levels.all():
        add_card(board, f"Op {level.name}", function=Function.TRAIN, level=level)
    hidden = add_card(board, "Verborgen")
    services.set_hidden(board, card_id=hidden.pk, hidden=True)
    with django_assert_num_queries(3):
        grid = board_grid(board)
    assert [row.function for row in grid.rows] == Function.values
    assert [level.name for level in grid.levels] == [level.name for level in board.levels.all()]
    train = grid.rows[2]
    assert [cell.cards[0].text for cell in train.cells] == [
        f"Op {level.name}" for level in grid.levels
    ]
    assert grid.card_count == 5
    assert not Card.objects.visible().filter(pk=hidden.pk).exists()


def test_a_board_started_when_editors_removed_every_default_level_gets_the_proposal():
    ScaleLevel.objects.all().delete()
    board, _secret = services.start_board(name="Leeg", facilitator_email="a@example.org")
    assert [level.name for level in board.levels.all()] == DEFAULT_LEVELS
