"""A mail is claimed before it is sent, and the claim is a lease (razon/mail.py): the mail
counts as sent only once the mail server accepted it, and a claim never given back (the
worker killed in the middle of a send, the database away when it tried) lapses after
RAZON_MAIL_CLAIM_SECONDS, so a later pass sends the mail; within a claim no other pass
sends it. The same for every outbox: contact notifications, registration mails and
password-reset mails."""

import logging
from datetime import timedelta
from smtplib import SMTPServerDisconnected
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core import mail as outbox
from django.core.mail import EmailMessage
from django.db import DatabaseError, OperationalError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from accounts.models import PasswordResetMail
from contact.models import ContactMessage
from events import services
from events.models import PendingMail, Registration
from razon import mail
from tests import factories

pytestmark = pytest.mark.django_db

LEASE = 120


class WorkerKilled(BaseException):
    """What SIGKILL does to a worker in the middle of a send: nothing after it runs (no
    `except Exception`, no give-back)."""


def contact_message():
    ContactMessage.objects.create(name="Anna", email="anna@school.example", message="Hallo")
    return "secretariaat@ra-zon.example"


def registration_mail():
    event = factories.event(registration_enabled=True, capacity=10)
    factories.registration(
        event,
        email="bram@school.example",
        pending_mail=PendingMail.CONFIRMATION,
        confirmed_at=timezone.now(),
    )
    return "bram@school.example"


def password_reset_mail():
    user = get_user_model().objects.create_user(
        "redacteur", "redacteur@example.org", "een-lang-wachtwoord", is_staff=True
    )
    PasswordResetMail.objects.create(user=user)
    return "redacteur@example.org"


OWED = [contact_message, registration_mail, password_reset_mail]


@pytest.fixture(autouse=True)
def lease(settings):
    settings.RAZON_MAIL_CLAIM_SECONDS = LEASE
    settings.RAZON_CONTACT_RECIPIENTS = ["secretariaat@ra-zon.example"]


def later(seconds):
    """The clock moved on by this many seconds (for everything that asks django's timezone)."""
    moment = timezone.now() + timedelta(seconds=seconds)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def recipients():
    return [address for message in outbox.outbox for address in message.to]


def waiting(client):
    return client.get(reverse("healthz")).json()["mail_waiting"]


def oldest(client):
    return client.get(reverse("healthz")).json()["mail_oldest_seconds"]


@pytest.mark.parametrize("owe", OWED)
def test_a_claim_abandoned_mid_send_is_sent_by_a_later_pass_once_it_lapsed_and_not_before(
    owe, client, mail_worker_pass
):
    recipient = owe()
    with (
        mock.patch.object(EmailMessage, "send", side_effect=WorkerKilled),
        pytest.raises(WorkerKilled),
    ):
        mail_worker_pass()
    assert outbox.outbox == []
    assert waiting(client) == 1  # not sent: a claim is no delivery

    assert "0 sent, 0 failed" in mail_worker_pass()  # another worker's claim, still held
    with later(LEASE - 5):
        assert "0 sent, 0 failed" in mail_worker_pass()
    assert outbox.outbox == []
    assert waiting(client) == 1

    with later(LEASE + 1):
        assert waiting(client) == 1 and oldest(client) >= LEASE  # a lapsed claim waits too
        assert "1 sent, 0 failed" in mail_worker_pass()
        assert "0 sent, 0 failed" in mail_worker_pass()
    assert recipients() == [recipient]
    assert waiting(client) == 0


@pytest.mark.parametrize("owe", OWED)
def test_a_failed_send_whose_claim_cannot_be_given_back_is_retried_once_the_claim_lapsed(
    owe, client, mail_worker_pass, caplog
):
    """The database goes away while the mail server refuses: the failure cannot be recorded
    nor the claim given back, and the mail is not lost."""
    recipient = owe()
    database = {"away": False}
    update = QuerySet.update

    def failing_update(queryset, **values):
        if database["away"]:
            raise OperationalError("the database is away")
        return update(queryset, **values)

    def refused(message, fail_silently=False):
        database["away"] = True
        raise SMTPServerDisconnected("the mail server hung up")

    with (
        mock.patch.object(QuerySet, "update", failing_update),
        mock.patch.object(EmailMessage, "send", refused),
        caplog.at_level(logging.WARNING, logger="razon.mail"),
        pytest.raises(DatabaseError),
    ):
        mail.send_owed()
    assert "stays claimed" in caplog.text

    assert "0 sent, 0 failed" in mail_worker_pass()
    assert outbox.outbox == [] and waiting(client) == 1
    with later(LEASE + 1):
        assert "1 sent, 0 failed" in mail_worker_pass()
    assert recipients() == [recipient]
    assert waiting(client) == 0


@pytest.mark.parametrize("owe", OWED)
def test_a_failed_send_gives_the_claim_back_at_once(owe, mail_worker_pass):
    recipient = owe()
    with mock.patch.object(EmailMessage, "send", side_effect=SMTPServerDisconnected("down")):
        assert "0 sent, 1 failed" in mail_worker_pass()
    assert "1 sent, 0 failed" in mail_worker_pass()  # no waiting for the lease
    assert recipients() == [recipient]


def test_two_passes_at_once_send_each_mail_once():
    """A second pass runs while the first is in the middle of sending its first mail: it
    leaves that mail alone and sends the others; the first then finds them taken."""
    addresses = sorted([owe() for owe in OWED] + [contact_message(), registration_mail()])
    send = EmailMessage.send
    second_pass = []

    def slow_send(message, fail_silently=False):
        if not second_pass:
            second_pass.append("running")
            second_pass[0] = mail.send_owed()
        return send(message, fail_silently=fail_silently)

    with mock.patch.object(EmailMessage, "send", slow_send):
        first_pass = mail.send_owed()

    assert second_pass == [(4, 0)]
    assert first_pass == (1, 0)
    assert sorted(recipients()) == addresses
    assert mail.send_owed() == (0, 0)


def test_a_registration_mail_owed_while_another_was_on_its_way_stays_owed(mail_worker_pass):
    """Cancelled while its confirmation was being sent: the cancellation is owed next."""
    recipient = registration_mail()
    registration = Registration.objects.get()
    send = EmailMessage.send

    def send_and_cancel(message, fail_silently=False):
        services.cancel(registration.pk)
        return send(message, fail_silently=fail_silently)

    with mock.patch.object(EmailMessage, "send", send_and_cancel):
        assert "1 sent, 0 failed" in mail_worker_pass()
    registration.refresh_from_db()
    assert registration.pending_mail == PendingMail.CANCELLED
    assert registration.mail_claimed_at is None  # the next pass need not wait for the lease

    assert "1 sent, 0 failed" in mail_worker_pass()
    assert recipients() == [recipient, recipient]
    assert [message.subject.split(":")[0] for message in outbox.outbox] == [
        "Aanmelding bevestigd",
        "Afgemeld",
    ]


def test_a_worker_whose_claim_lapsed_leaves_the_next_claim_alone(mail_worker_pass):
    """A send that outlived its lease (far longer than the SMTP timeout allows): the mail
    counts as sent once it went out, and the claim another worker took meanwhile stays
    theirs, so a third cannot take the mail as well."""
    contact_message()
    message = ContactMessage.objects.get()
    send = EmailMessage.send
    taken_over = []

    def send_after_the_lease(email, fail_silently=False):
        with later(LEASE + 1):
            claim = mail._outboxes["contact notifications"].claim(message.pk)
        taken_over.append(claim)
        return send(email, fail_silently=fail_silently)

    with mock.patch.object(EmailMessage, "send", send_after_the_lease):
        assert "1 sent, 0 failed" in mail_worker_pass()
    message.refresh_from_db()
    assert taken_over[0] is not None
    assert message.notified_at is not None
    assert message.notify_claimed_at == taken_over[0].at
