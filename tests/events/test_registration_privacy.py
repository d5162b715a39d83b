"""Registering never tells who is registered, and nobody is registered without the address
owner's click: the answer is the same whatever the address's state, the mail to the address
tells its owner what happened, and a registration counts once its owner confirms it."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import PendingMail, Registration, RegistrationStatus
from events.services import cancel_token
from tests import factories
from tests.events.conftest import confirm, confirm_url, linked_registration, post

pytestmark = pytest.mark.django_db


PER_RESPONSE = [
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")'),
    re.compile(r'(name="started" value=")[^"]*(")'),
]


def answer(client, event, htmx, **overrides):
    """What the visitor gets back, without what differs per response anyway."""
    response = post(client, event, htmx=htmx, **overrides)
    body = response.content.decode()
    for pattern in PER_RESPONSE:
        body = pattern.sub(r"\1…\2", body)
    return response.status_code, response.get("Location"), body


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_the_answer_is_the_same_whatever_the_address_and_the_work_before_it_too(
    client, event, htmx
):
    factories.registration(event, email="zeker@school.example")
    factories.registration(event, email="wacht@school.example", status=RegistrationStatus.WAITING)
    factories.registration(event, email="nog@school.example", status=RegistrationStatus.PENDING)
    answer(client, event, htmx, email="opwarmen@school.example")  # caches filled once
    answers, queries = {}, {}
    for state, email in [
        ("new", "nieuw@school.example"),
        ("registered", "ZEKER@school.example"),
        ("waiting list", "wacht@school.example"),
        ("unconfirmed", "nog@school.example"),
    ]:
        with CaptureQueriesContext(connection) as captured:
            answers[state] = answer(client, event, htmx, email=email, name="Iemand Anders")
        queries[state] = len(captured)
    factories.registration(event)  # now the event is full: the waiting list
    answers["full"] = answer(client, event, htmx, email="laat@school.example")
    answers["bot"] = answer(client, event, htmx, email="bot@school.example", website="x")

    assert len(set(answers.values())) == 1, answers
    # The same work in every case before the answer: one write, no extra query.
    assert len(set(queries.values())) == 1, queries
    status, location, body = answers["new"]
    if htmx:
        assert status == 200 and "Kijk in je e-mail" in body and "<html" not in body
    else:
        assert status == 302 and location == reverse("events:registered", args=[event.slug])
        assert "Kijk in je e-mail" in client.get(location).content.decode()


def test_a_new_address_and_an_unconfirmed_one_are_mailed_the_link(client, event, mail_worker_pass):
    waiting = factories.registration(
        event, email="nog@school.example", name="Oud", status=RegistrationStatus.PENDING
    )
    Registration.objects.filter(pk=waiting.pk).update(
        created_at=timezone.now() - timedelta(hours=100)
    )
    post(client, event, email="nieuw@school.example")
    post(client, event, email="nog@school.example", name="Nieuw")

    assert "2 sent" in mail_worker_pass()
    mails = {message.to[0]: message for message in mail.outbox}
    waiting.refresh_from_db()
    # The unconfirmed row takes what was typed last, and its link works again.
    assert waiting.name == "Nieuw" and not waiting.confirmation_expired
    assert linked_registration(mails["nog@school.example"].body) == waiting
    for message in mails.values():
        assert message.subject == "Bevestig je aanmelding: Werksessie"


def test_an_address_already_registered_is_told_so_with_the_cancel_link_and_nothing_changes(
    client, event, mail_worker_pass
):
    registered = factories.registration(event, email="zeker@school.example", name="Anna")

    post(client, event, email="zeker@school.example", name="Iemand Anders", question="Hoi")

    assert Registration.objects.count() == 1
    registered.refresh_from_db()
    assert (registered.name, registered.question) == ("Anna", "")  # not overwritten
    assert registered.status == RegistrationStatus.CONFIRMED
    assert "1 sent" in mail_worker_pass()
    (message,) = mail.outbox
    assert message.to == ["zeker@school.example"]
    assert message.subject == "Je bent al aangemeld: Werksessie"
    assert "Beste Anna," in message.body and "Iemand Anders" not in message.body
    assert "Je was al aangemeld" in message.body
    assert "Heb je dit niet zelf gedaan?" in message.body
    assert linked_registration(message.body, "cancel") == registered
    assert "https://teams.example/geheim" in message.body  # the owner's own mail
    assert message.attachments[0][2] == "text/calendar"


def test_an_address_on_the_waiting_list_is_told_so(client, event, mail_worker_pass):
    waiting = factories.registration(
        event, email="wacht@school.example", status=RegistrationStatus.WAITING
    )

    post(client, event, email="wacht@school.example")

    mail_worker_pass()
    (message,) = mail.outbox
    assert message.subject == "Je staat al op de wachtlijst: Werksessie"
    assert "Je stond al op de wachtlijst" in message.body
    assert linked_registration(message.body, "cancel") == waiting
    assert "teams.example" not in message.body and not message.attachments


def test_registering_an_address_again_and_again_mails_its_owner_once_in_a_while(
    client, event, mail_worker_pass
):
    registered = factories.registration(event, email="zeker@school.example")
    post(client, event, email="zeker@school.example")
    assert "1 sent" in mail_worker_pass()

    for _ in range(3):
        post(client, event, email="zeker@school.example")
        assert "0 sent, 0 failed" in mail_worker_pass()
    assert len(mail.outbox) == 1
    registered.refresh_from_db()
    assert registered.pending_mail == PendingMail.NONE

    cache.clear()  # RAZON_REGISTRATION_REPEAT_MAIL_MINUTES later
    post(client, event, email="zeker@school.example")
    assert "1 sent" in mail_worker_pass()


def test_a_mail_still_owed_is_not_replaced(client, event, mail_worker_pass):
    registered = factories.registration(
        event, email="zeker@school.example", pending_mail=PendingMail.CONFIRMATION
    )
    post(client, event, email="zeker@school.example")
    registered.refresh_from_db()
    assert registered.pending_mail == PendingMail.CONFIRMATION
    mail_worker_pass()
    (message,) = mail.outbox
    assert message.subject == "Aanmelding bevestigd: Werksessie"


def test_an_expired_link_says_so_confirms_nothing_and_the_row_is_deleted(client, event, settings):
    post(client, event)
    registration = Registration.objects.get()
    fresh = factories.registration(event, status=RegistrationStatus.PENDING)
    seated = factories.registration(event)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - timedelta(hours=settings.RAZON_REGISTRATION_CONFIRM_HOURS)
    )
    url = confirm_url(registration)

    page = client.get(url)
    assert page.status_code == 410
    html = page.content.decode()
    assert "Deze bevestigingslink is verlopen" in html and "Bevestig mijn aanmelding" not in html
    response = client.post(url)
    assert response.status_code == 410
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.PENDING

    output = io.StringIO()
    call_command("expire_registrations", stdout=output)
    assert "Deleted 1 unconfirmed registration(s)." in output.getvalue()
    assert set(Registration.objects.values_list("pk", flat=True)) == {fresh.pk, seated.pk}
    gone = client.get(url)
    assert gone.status_code == 400
    assert "Deze bevestigingslink werkt niet" in gone.content.decode()


def test_a_link_never_works_after_registration_closes(client, event):
    post(client, event)
    registration = Registration.objects.get()
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()

    assert Registration.objects.unconfirmed_expired().get() == registration
    response = confirm(client, registration)
    assert response.status_code == 410
    assert Registration.objects.get().status == RegistrationStatus.PENDING


@pytest.mark.parametrize("kind", ["onzin", "long", "forged", "cancel link"])
def test_a_bad_confirmation_link_gets_a_clear_page_and_confirms_nothing(client, event, kind):
    post(client, event)
    registration = Registration.objects.get()
    token = {
        "onzin": "onzin",
        "long": "a" * 500,
        "forged": "eyJhIjoxfQ:forged:signature",
        "cancel link": cancel_token(registration),  # signed for another purpose
    }[kind]
    url = reverse("events:confirm", args=[token])

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Deze bevestigingslink werkt niet" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.PENDING


def test_a_set_aside_registration_cannot_be_confirmed(client, event):
    post(client, event, website="http://spam.example")
    registration = Registration.objects.get()
    response = confirm(client, registration)
    assert "Deze aanmelding is afgemeld" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_cancelling_an_unconfirmed_registration_mails_nobody(event, mail_worker_pass):
    from events import services

    pending = factories.registration(event, status=RegistrationStatus.PENDING)
    services.cancel(pending.pk)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert "0 sent" in mail_worker_pass()
