"""Notifications against a real SMTP server on 127.0.0.1 (aiosmtpd), and with it down."""

import pytest
from django.urls import reverse

from contact.models import ContactMessage
from tests.contact.conftest import valid_data
from tests.smtp import start_server

pytestmark = pytest.mark.django_db


def test_the_notification_reaches_a_real_smtp_server(client, smtp_port, mail_worker_pass):
    client.post(reverse("contact:form"), valid_data())
    controller, inbox = start_server(smtp_port)
    try:
        mail_worker_pass()
    finally:
        controller.stop()

    assert len(inbox.messages) == 1
    received = inbox.messages[0]
    assert received["To"] == "secretariaat@ra-zon.example"
    assert received["Reply-To"] == "anna@school.example"
    assert "Anna de Vries" in received["Subject"]
    assert ContactMessage.objects.get().notified_at is not None


def test_with_the_mail_server_down_nothing_is_lost_and_a_later_pass_sends_it_once(
    client, smtp_port, mail_worker_pass
):
    response = client.post(reverse("contact:form"), valid_data(), follow=True)
    assert "Bedankt, je bericht is verstuurd" in response.content.decode()

    assert "0 sent, 1 failed" in mail_worker_pass()
    message = ContactMessage.objects.get()
    assert message.notified_at is None
    assert message.notify_attempts == 1 and message.notify_error

    controller, inbox = start_server(smtp_port)
    try:
        first, second = mail_worker_pass(), mail_worker_pass()
    finally:
        controller.stop()

    assert "1 sent, 0 failed" in first
    assert "0 sent, 0 failed" in second
    assert len(inbox.messages) == 1
    message.refresh_from_db()
    assert message.notified_at is not None and message.notify_error == ""
