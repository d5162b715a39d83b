"""Boards for conv2's tests (exports, publishing, compare, purge, load): a board with the
default levels, cards in given cells, and its management link."""

import itertools

from django.utils import timezone

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

_numbers = itertools.count(1)


def board(
    name="Werksessie",
    *,
    closed=False,
    published=False,
    region=None,
    example=False,
    levels=None,
    **fields,
):
    """A board with the default levels (or `levels`, a list of names); returns it with its
    management secret as `board.token`."""
    number = next(_numbers)
    item = Board(
        name=name,
        slug=f"bord-{number}",
        code=new_code(),
        facilitator_email="begeleider@school.example",
        state=BoardState.CLOSED if closed or published else BoardState.OPEN,
        is_published=published,
        published_at=timezone.now() if published else None,
        closed_at=timezone.now() if closed or published else None,
        region=region,
        is_example=example,
        **fields,
    )
    token = item.set_manage_token()
    item.mail_token = ""
    item.save()
    names = levels or list(ScaleLevel.objects.values_list("name", flat=True))
    BoardLevel.objects.bulk_create(
        BoardLevel(board=item, name=level, position=i) for i, level in enumerate(names)
    )
    item.token = token
    return item


def level(board, name):
    return board.levels.get(name=name)


def card(board, function, level_name, text, *, agree=0, comments=(), **fields):
    item = Card.objects.create(
        board=board, function=function, level=level(board, level_name), text=text, **fields
    )
    Agreement.objects.bulk_create(Agreement(card=item, participant=f"p{i}") for i in range(agree))
    for comment in comments:
        Comment.objects.create(card=item, text=comment)
    return item


def facilitator_client(board):
    """A browser that proved the board's management link."""
    from django.test import Client
    from django.urls import reverse

    client = Client()
    response = client.get(reverse("conversations:manage_login", args=[board.code, board.token]))
    assert response.status_code == 302
    return client
