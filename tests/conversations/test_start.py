import time

import pytest
from django.core import signing
from django.urls import reverse

from conversations.models import Board
from razon.forms import TIMESTAMP_SALT

pytestmark = pytest.mark.django_db


def form(**changes):
    started = signing.dumps(time.time() - 60, salt=TIMESTAMP_SALT)
    return {
        "name": "Werksessie maart",
        "email": "begeleider@example.org",
        "started": started,
        "website": "",
        **changes,
    }


def test_the_page_explains_the_question_in_the_seeds_words_and_offers_the_forms(client):
    response = client.get(reverse("conversations:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "welke activiteiten zou je op welk schaalniveau willen adresseren?" in page
    assert "ruim 60 betrokkenen" in page and "6 gespreksgroepen" in page
    assert "werven, matchen, opleiden, begeleiden en professionaliseren" in page
    assert "format in Word" in page
    assert "voorstel" in page  # the default levels are a proposal
    assert 'action="/schaalniveau/starten/"' in page and 'action="/schaalniveau/meedoen/"' in page


def test_the_example_board_links_the_event_and_says_its_cards_are_demo(client, demo):
    page = client.get(reverse("conversations:index")).content.decode()
    assert "Voorbeeld: de strategiesessie van 2024" in page
    assert "/agenda/strategiesessie-onderwijsregios-7-februari-2024/" in page
    assert "verzonnen voor de demo" in page
    assert "Gezamenlijke wervingscampagne voor zij-instromers" in page
    assert "<form" not in page.split('id="example-title"')[1].split("</section>")[0]
    board = Board.objects.get(is_example=True)
    assert client.get(reverse("conversations:published", args=[board.slug])).status_code == 200


def test_starting_shows_the_management_link_once_and_owes_it_by_mail(client):
    response = client.post(reverse("conversations:start"), form())
    board = Board.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("conversations:started", args=[board.code])
    page = client.get(response["Location"]).content.decode()
    secret = board.mail_token
    assert f"/schaalniveau/{board.code}/beheer/{secret}/" in page
    assert board.code in page
    again = client.get(response["Location"]).content.decode()
    assert secret not in again  # shown once
    assert Board.objects.awaiting_mail().filter(pk=board.pk).exists()


def test_a_filled_honeypot_or_a_form_sent_too_fast_starts_nothing(client):
    client.post(reverse("conversations:start"), form(website="http://spam.example"))
    client.post(
        reverse("conversations:start"),
        form(started=signing.dumps(time.time(), salt=TIMESTAMP_SALT)),
    )
    assert not Board.objects.exists()


def test_bad_input_is_answered_with_clear_messages_never_a_500(client):
    response = client.post(reverse("conversations:start"), form(name="x" * 500, email="geen-adres"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Maximaal 120 tekens; je typte er 500." in page
    assert "e-mailadres" in page.lower()
    assert not Board.objects.exists()
    assert client.post(reverse("conversations:start"), {"name": "\x00"}).status_code in (200, 400)
    assert client.get(reverse("conversations:start")).status_code == 302


def test_starting_is_rate_limited_per_client(client, settings):
    settings.RAZON_CONVERSATION_START_LIMIT = 2
    for _ in range(2):
        assert client.post(reverse("conversations:start"), form()).status_code == 302
    response = client.post(reverse("conversations:start"), form())
    assert response.status_code == 429
    assert "Werksessie maart" in response.content.decode()  # what was typed stays
    assert Board.objects.count() == 2


def test_joining_by_code_forgives_case_and_spaces_and_refuses_wrong_codes(client, board):
    typed = f" {board.code[:3].lower()}-{board.code[3:]} "
    response = client.get(reverse("conversations:join"), {"code": typed})
    assert response["Location"] == reverse("conversations:board", args=[board.code])
    wrong = client.get(reverse("conversations:join"), {"code": "ZZZZZZ"})
    assert wrong.status_code == 200 and "Er is geen gesprek met deze code" in wrong.content.decode()


def test_guessing_codes_is_stopped(client, board, settings):
    settings.RAZON_CONVERSATION_CODE_LIMIT = 3
    for code in ("AAAAAA", "BBBBBB", "CCCCCC"):
        client.get(reverse("conversations:board", args=[code]))
    assert client.get(reverse("conversations:board", args=[board.code])).status_code == 404
    page = client.get(reverse("conversations:join"), {"code": board.code}).content.decode()
    assert "Te veel onbekende codes" in page
