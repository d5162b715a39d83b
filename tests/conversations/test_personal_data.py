"""A facilitator's address in the AVG tool (privacy/, razon/personal_data.py): found in any
case, exported, and erased without breaking the board or the others."""

import pytest
from django.test import Client
from django.urls import reverse

from conversations.models import Board, Card
from conversations.services import start_board

pytestmark = pytest.mark.django_db

URL = reverse("privacy:data_request")


@pytest.fixture
def boards(db):
    anna, _secret = start_board(name="Werksessie Rijk van Nijmegen", facilitator_email="Anna@X.nl")
    bram, _secret = start_board(name="Werksessie Achterhoek", facilitator_email="bram@x.nl")
    level = anna.levels.first()
    Card.objects.create(board=anna, function="werven", level=level, text="Samen werven")
    return anna, bram


def test_the_secretariat_finds_exports_and_erases_a_facilitators_address(secretariat, boards):
    anna, bram = boards
    client = Client()
    client.force_login(secretariat)

    page = client.post(URL, {"email": "anna@x.nl", "action": "lookup"}).content.decode()
    assert "Schaalniveau-gesprekken (begeleider)" in page
    assert "Werksessie Rijk van Nijmegen" in page and "Werksessie Achterhoek" not in page

    export = client.post(URL, {"email": "ANNA@x.nl", "action": "export"})
    text = b"".join(export.streaming_content) if export.streaming else export.content
    assert "E-mailadres begeleider: Anna@X.nl" in text.decode()

    client.post(URL, {"email": "anna@x.nl", "action": "erase"})

    anna.refresh_from_db()
    bram.refresh_from_db()
    assert anna.facilitator_email == "" and anna.mail_token == ""
    assert anna.cards.count() == 1  # the board and its cards stay
    assert bram.facilitator_email == "bram@x.nl"
    assert not Board.objects.for_email("anna@x.nl").exists()
