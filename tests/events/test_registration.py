"""Registering, the waiting list, cancelling, and the e-mails that follow."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import PendingMail, Registration, RegistrationStatus
from events.services import cancel_token
from tests import factories
from tests.events.conftest import confirm, confirm_url, linked_registration, post

pytestmark = pytest.mark.django_db


def register_url(event):
    return reverse("events:register", args=[event.slug])


def test_registering_without_javascript_stores_it_unconfirmed_and_mails_the_link(
    client, event, mail_worker_pass
):
    response = post(client, event, email="Bram@School.example")

    assert response.status_code == 302
    assert response["Location"] == reverse("events:registered", args=[event.slug])
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING  # no seat until confirmed
    assert registration.email == "bram@school.example"
    assert registration.name == "Bram Jansen"  # what was typed is stored at once
    assert registration.confirmed_at is None
    assert registration.pending_mail == PendingMail.CONFIRM_REQUEST  # the worker sends it
    assert mail.outbox == []

    assert "1 sent, 0 failed" in mail_worker_pass()
    registration.refresh_from_db()
    assert registration.pending_mail == PendingMail.NONE
    (message,) = mail.outbox
    assert message.to == ["bram@school.example"]
    assert message.subject == "Bevestig je aanmelding: Werksessie"
    assert "https://www.ra-zon.example/agenda/bevestigen/" in message.body
    assert linked_registration(message.body) == registration
    assert "Heb je je niet zelf aangemeld?" in message.body
    # Nothing the visitor typed goes to an address that may not be theirs, nor the join link.
    assert "Bram Jansen" not in message.body and "Stichting" not in message.body
    assert "teams.example" not in message.body and not message.attachments
    assert "/agenda/afmelden/" not in message.body

    page = client.get(response["Location"]).content.decode()
    assert "Kijk in je e-mail" in page


def test_the_link_shows_what_is_confirmed_a_get_changes_nothing_a_post_confirms(
    client, event, mail_worker_pass
):
    post(client, event, question="Mijn vraag <b>vooraf</b>")
    registration = Registration.objects.get()
    mail_worker_pass()
    mail.outbox.clear()

    page = client.get(confirm_url(registration))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Bevestig mijn aanmelding" in html
    assert "Bram Jansen" in html and "Stichting Voorbeeld" in html
    assert "Mijn vraag &lt;b&gt;vooraf&lt;/b&gt;" in html
    assert client.head(confirm_url(registration)).status_code == 200
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING  # mail scanners follow links

    response = confirm(client, registration)
    assert response.status_code == 200
    assert "Je bent aangemeld" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.confirmed_at is not None

    assert "1 sent" in mail_worker_pass()
    (message,) = mail.outbox
    assert "Aanmelding bevestigd: Werksessie" in message.subject
    assert "https://teams.example/geheim" in message.body  # only registered people get it
    cancel_link = re.search(r"https://www\.ra-zon\.example(/agenda/afmelden/\S+/)", message.body)
    assert cancel_link
    (filename, content, mimetype) = message.attachments[0]
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Werksessie"
    assert vevent.decoded("DTSTART") == event.starts_at.replace(microsecond=0)

    # Confirming twice changes nothing and mails nothing.
    again = confirm(client, registration)
    assert "al bevestigd" in again.content.decode()
    assert "0 sent" in mail_worker_pass()


def test_unconfirmed_registrations_take_no_seat_and_are_not_counted(client, event):
    for n in range(3):
        post(client, event, email=f"iemand{n}@school.example")
    assert Registration.objects.filter(status=RegistrationStatus.PENDING).count() == 3

    page = client.get(event.get_absolute_url()).content.decode()
    assert "Nog 2 plaatsen vrij." in page and "Meld mij aan" in page

    confirm(client, Registration.objects.first())
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Nog 1 plaats vrij." in page


def test_whoever_confirms_first_gets_the_seat_later_ones_the_waiting_list(
    client, event, mail_worker_pass
):
    for n in range(3):
        post(client, event, email=f"iemand{n}@school.example")
    first, second, third = Registration.objects.order_by("pk")

    for registration in (third, first):
        assert "Je bent aangemeld" in confirm(client, registration).content.decode()
    response = confirm(client, second)
    assert "Je staat op de wachtlijst" in response.content.decode()
    second.refresh_from_db()
    assert second.status == RegistrationStatus.WAITING

    mail.outbox.clear()
    mail_worker_pass()
    subjects = {m.to[0]: m for m in mail.outbox}
    waiting = subjects["iemand1@school.example"]
    assert "Op de wachtlijst" in waiting.subject
    assert not waiting.attachments and "teams.example" not in waiting.body


def test_when_full_the_mail_says_confirming_means_the_waiting_list(client, event, mail_worker_pass):
    factories.registration(event)
    factories.registration(event)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Zet mij op de wachtlijst" in page

    response = post(client, event)
    mail_worker_pass()

    assert response["Location"] == reverse("events:registered", args=[event.slug])
    (message,) = mail.outbox
    assert "als je bevestigt, kom je op de wachtlijst" in message.body
    registration = Registration.objects.get(email="bram@school.example")
    assert "Je staat op de wachtlijst" in confirm(client, registration).content.decode()
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.WAITING


def test_confirming_when_full_without_a_waiting_list_says_so_and_keeps_it_waiting(client, event):
    post(client, event)
    registration = Registration.objects.get()
    event.waiting_list = False
    event.save()
    factories.registration(event)
    factories.registration(event)

    response = confirm(client, registration)

    assert response.status_code == 200
    assert "Deze bijeenkomst is vol en heeft geen wachtlijst." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING


def test_the_join_link_is_never_on_the_public_page(client, event):
    html = client.get(event.get_absolute_url()).content.decode()
    assert "teams.example" not in html


def test_htmx_registration_answers_in_place(client, event):
    response = post(client, event, htmx=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="registration"')
    assert "Kijk in je e-mail" in html and "<html" not in html


def test_full_without_a_waiting_list_refuses_with_a_message(client, event):
    event.waiting_list = False
    event.save()
    factories.registration(event)
    factories.registration(event)

    response = post(client, event)

    assert response.status_code == 200
    assert "Deze bijeenkomst is vol" in response.content.decode()
    assert Registration.objects.count() == 2


@pytest.mark.parametrize(
    "settings_change, message",
    [
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "is gesloten"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "Aanmelden kan vanaf"),
        ({"registration_enabled": False}, "Aanmelden"),
    ],
)
def test_closed_or_not_yet_open_registration_is_refused(client, event, settings_change, message):
    for field, value in settings_change.items():
        setattr(event, field, value)
    event.save()

    response = post(client, event)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_a_closed_registration_says_why_instead_of_the_form(client, event):
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()
    html = post(client, event).content.decode()
    assert "is gesloten" in html and "Meld mij aan" not in html


def test_one_registration_per_email_per_event_whatever_the_case(client, event):
    post(client, event)
    response = post(client, event, email="BRAM@school.EXAMPLE")
    assert response["Location"] == reverse("events:registered", args=[event.slug])
    assert Registration.objects.count() == 1
    # Another event: fine.
    other = factories.event(registration_enabled=True)
    assert post(client, other).status_code == 302
    assert Registration.objects.count() == 2


def test_what_is_typed_is_stored_cleaned_of_control_characters_and_one_liners_of_line_breaks(
    client, event
):
    post(
        client,
        event,
        name="Bram\r\nJansen\x01",
        email=" Bram@School.Example ",
        organization="Stichting\tVoorbeeld\u2028",
        role="School\x1bopleider\n",
        question="Eerste vraag?\r\nTweede\x0b vraag?",
    )

    registration = Registration.objects.get()
    assert registration.name == "Bram Jansen"
    assert registration.email == "bram@school.example"
    assert registration.organization == "Stichting Voorbeeld"
    assert registration.role == "Schoolopleider"
    assert registration.question == "Eerste vraag?\r\nTweede vraag?"


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"name": ""}, "Vul je naam in."),
        ({"name": "   \x01 "}, "Vul je naam in."),
        ({"name": "a\x00b"}, "Naam:"),
        ({"email": ""}, "Vul je e-mailadres in"),
        ({"email": "bram@"}, "Vul een geldig e-mailadres in"),
        ({"name": "x" * 10_000}, "Je naam is te lang"),
        ({"question": "x" * 10_000}, "Je vraag is te lang"),
        ({"organization": "x" * 10_000}, "hoogstens 150 tekens"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_rest(client, event, overrides, message):
    response = post(client, event, **overrides)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Stichting Voorbeeld" in html or "organization" in overrides
    assert not Registration.objects.exists()


def test_the_rate_limit_answers_429_and_keeps_the_form(client, event, settings):
    settings.RAZON_REGISTRATION_RATE_LIMIT = 1
    post(client, event)
    response = post(client, event, email="tweede@school.example", htmx=True)
    assert response.status_code == 429
    assert "tweede@school.example" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_bot_filling_the_honeypot_takes_no_seat_and_gets_no_mail(client, event, mail_worker_pass):
    response = post(client, event, website="http://spam.example")
    assert response.status_code == 302  # told what a person is told
    assert response["Location"] == reverse("events:registered", args=[event.slug])
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert "0 sent" in mail_worker_pass()
    assert not mail.outbox


def test_cancel_link_asks_first_then_cancels_and_moves_the_waiting_list_up(
    client, event, mail_worker_pass
):
    first = factories.registration(event)
    factories.registration(event)
    waiting = factories.registration(event, status=RegistrationStatus.WAITING)
    url = reverse("events:cancel", args=[cancel_token(first)])

    page = client.get(url)
    assert "Ja, meld mij af" in page.content.decode()
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED  # a GET changes nothing

    response = client.post(url)
    mail_worker_pass()

    assert "Je bent afgemeld" in response.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Afgemeld" in subjects[first.email]
    assert "Er is een plaats vrij" in subjects[waiting.email]

    # Cancelling twice is harmless.
    assert "al afgemeld" in client.post(url).content.decode()
    assert Registration.objects.filter(status=RegistrationStatus.CONFIRMED).count() == 2


@pytest.mark.parametrize("token", ["onzin", "a" * 500, "eyJhIjoxfQ:forged:signature"])
def test_a_forged_cancel_link_gets_a_clear_message(client, event, token):
    registration = factories.registration(event)
    response = client.post(reverse("events:cancel", args=[token]))
    assert response.status_code == 400
    assert "Deze afmeldlink klopt niet" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_past_event_shows_no_form_and_refuses_posts(client):
    past = factories.event(registration_enabled=True, starts_at=timezone.now() - timedelta(days=3))
    assert 'id="registration"' not in client.get(past.get_absolute_url()).content.decode()
    response = post(client, past)
    assert "is gesloten" in response.content.decode()
    assert not Registration.objects.exists()


def test_registering_for_a_draft_is_not_found(client):
    draft = factories.event(registration_enabled=True, status="draft")
    assert post(client, draft).status_code == 404
