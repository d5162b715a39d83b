"""Writes on a board that span rows or have side effects: starting a board (its levels and
the management link owed by mail), and the participants' and facilitator's actions, each
raising the board's version so every open page picks the change up."""

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from conversations.models import (
    Agreement,
    Board,
    BoardLevel,
    BoardState,
    Card,
    Comment,
    ScaleLevel,
    new_code,
)
from conversations.publishing import unpublish
from razon.mail import site_url


class Refused(Exception):
    """An action the board does not allow now; the message says why, for the visitor."""


def _unique(field, make):
    for _attempt in range(20):
        value = make()
        if not Board.objects.filter(**{field: value}).exists():
            return value
    raise RuntimeError(f"no free {field}")


@transaction.atomic
def start_board(*, name, facilitator_email):
    """A new open board with a copy of the default levels. Returns (board, secret): the
    management secret, to show once; the mail worker mails it (razon/mail.py)."""
    base = slugify(name)[:100] or "gesprek"
    board = Board(
        name=name,
        facilitator_email=facilitator_email,
        code=_unique("code", new_code),
        slug=_unique("slug", lambda: f"{base}-{new_code().lower()}"),
    )
    secret = board.set_manage_token()
    board.save()
    BoardLevel.objects.bulk_create(
        BoardLevel(board=board, name=name, position=index)
        for index, name in enumerate(ScaleLevel.objects.names(), start=1)
    )
    return board, secret


def manage_path(board, secret):
    return reverse("conversations:manage_login", args=[board.code, secret])


def send_manage_link_mail(claim):
    """Mails a board's facilitator the management link (razon/mail.py); once the mail server
    took it, the secret is emptied and only its hash stays."""
    board = Board.objects.filter(pk=claim.pk).first()
    if board is None or not board.mail_token:
        if board is not None:
            claim.finish()
        return None
    with translation.override("nl"):
        context = {
            "board": board,
            "manage_url": site_url(manage_path(board, board.mail_token)),
            "board_url": site_url(reverse("conversations:board", args=[board.code])),
        }
        message = EmailMessage(
            subject=_("Je beheerlink voor het schaalniveau-gesprek: %(name)s")
            % {"name": board.name},
            body=render_to_string("conversations/email/manage_link.txt", context),
            to=[board.facilitator_email],
        )
    return claim.deliver(
        lambda: message, description=f"Board {board.pk} management link", sent={"mail_token": ""}
    )


def _open(board):
    if board.state != BoardState.OPEN:
        raise Refused(_("Dit bord is gesloten: er kan niets meer bij of veranderen."))


def _level(board, level_id):
    level = board.levels.filter(pk=level_id).first()
    if level is None:
        raise Refused(_("Dat schaalniveau staat niet (meer) op dit bord."))
    return level


def _card(board, card_id):
    card = Card.objects.visible().filter(board=board, pk=card_id).first()
    if card is None:
        raise Refused(_("Dat kaartje staat niet (meer) op dit bord."))
    return card


def add_card(board, *, function, level_id, text, author_name, participant):
    _open(board)
    card = Card.objects.create(
        board=board,
        function=function,
        level=_level(board, level_id),
        text=text,
        author_name=author_name,
        participant=participant or "",
    )
    board.touch()
    return card


def move_card(board, *, card_id, level_id):
    """Moves a visible card to another level of the board; the last move wins."""
    _open(board)
    card = _card(board, card_id)
    level = _level(board, level_id)
    if card.level_id != level.pk:
        Card.objects.filter(pk=card.pk).update(
            level=level, version=F("version") + 1, updated_at=timezone.now()
        )
        board.touch()
    card.level = level
    return card


def agree(board, *, card_id, participant):
    """+1 once per participant: a second one is no change (and no error)."""
    _open(board)
    card = _card(board, card_id)
    try:
        with transaction.atomic():
            Agreement.objects.create(card=card, participant=participant)
    except IntegrityError:
        return card
    board.touch()
    return card


def comment(board, *, card_id, text, author_name, participant):
    _open(board)
    card = _card(board, card_id)
    Comment.objects.create(
        card=card, text=text, author_name=author_name, participant=participant or ""
    )
    board.touch()
    return card


# The facilitator's actions (conversations.access.facilitator_board checked the right).


def set_hidden(board, *, card_id, hidden):
    updated = Card.objects.filter(board=board, pk=card_id).update(hidden=hidden)
    if not updated:
        raise Refused(_("Dat kaartje staat niet op dit bord."))
    board.touch()


@transaction.atomic
def merge(board, *, card_id, into_id):
    """Merges a duplicate into another visible card of the board: the duplicate leaves the
    grid, its +1s (one per participant) and comments go to the card it joined."""
    if card_id == into_id:
        raise Refused(_("Kies een ander kaartje om mee samen te voegen."))
    card = _card(board, card_id)
    into = _card(board, into_id)
    have = set(into.agreements.values_list("participant", flat=True))
    card.agreements.exclude(participant__in=have).update(card=into)
    card.comments.update(card=into)
    Card.objects.filter(merged_into=card).update(merged_into=into)
    Card.objects.filter(pk=card.pk).update(merged_into=into)
    board.touch()
    return into


def rename_level(board, *, level_id, name, position=None):
    level = _level(board, level_id)
    level.name = name
    if position is not None:
        level.position = position
    level.save()
    board.touch()


def add_level(board, *, name):
    last = board.levels.order_by("-position").values_list("position", flat=True).first() or 0
    level = BoardLevel.objects.create(board=board, name=name, position=last + 1)
    board.touch()
    return level


@transaction.atomic
def remove_level(board, *, level_id, move_to_id=None):
    """Removes a level; its cards (hidden ones too) move to `move_to_id`. A board keeps at
    least one level."""
    level = _level(board, level_id)
    if board.levels.count() <= 1:
        raise Refused(_("Een bord heeft minstens één schaalniveau."))
    if level.cards.exists():
        if not move_to_id or int(move_to_id) == level.pk:
            raise Refused(_("Op dit schaalniveau staan kaartjes: kies naar welk niveau ze gaan."))
        target = _level(board, move_to_id)
        level.cards.update(level=target, version=F("version") + 1)
    level.delete()
    board.touch()


def set_state(board, state):
    Board.objects.filter(pk=board.pk).update(
        state=state, closed_at=timezone.now() if state == BoardState.CLOSED else None
    )
    board.touch()
    if state == BoardState.OPEN:
        # A published board is a closed one: reopened, it leaves the region's page until
        # its facilitator closes and publishes it again (conversations/publishing.py).
        unpublish(board)
