"""Boards for the conversation tests: one started the way a facilitator starts one, and
clients for a participant and the facilitator."""

import pytest
from django.test import Client

from conversations import services
from conversations.access import grant_management
from conversations.models import Function


@pytest.fixture
def started(db):
    """(board, management secret) of a new open board with the default levels."""
    return services.start_board(
        name="Rijk van Nijmegen, werksessie maart", facilitator_email="begeleider@example.org"
    )


@pytest.fixture
def board(started):
    return started[0]


@pytest.fixture
def participant():
    return Client()


@pytest.fixture
def facilitator(board):
    client = Client()
    client.get(services.manage_path(board, started_secret(board)))
    return client


def started_secret(board):
    return board.mail_token  # the secret, kept until the mail worker mailed it


def add_card(board, text="Gezamenlijke werving", function=Function.RECRUIT, level=None, **fields):
    level = level or board.levels.first()
    return services.add_card(
        board,
        function=function,
        level_id=level.pk,
        text=text,
        author_name=fields.get("author_name", ""),
        participant=fields.get("participant", "p1"),
    )


__all__ = ["add_card", "grant_management"]
