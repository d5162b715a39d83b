"""Registration e-mails against a real SMTP server (aiosmtpd), and with it down."""

import pytest
from django.urls import reverse

from events.models import PendingMail, Registration, RegistrationStatus
from tests import factories
from tests.events.conftest import confirm, valid_data
from tests.smtp import start_server

pytestmark = pytest.mark.django_db


def test_with_the_mail_server_down_registrations_succeed_and_mails_follow_once_it_is_back(
    client, smtp_port, mail_worker_pass
):
    event = factories.event(registration_enabled=True, capacity=1)
    url = reverse("events:register", args=[event.slug])
    first = client.post(url, valid_data(email="een@school.example"))
    second = client.post(url, valid_data(email="twee@school.example"))

    assert first.status_code == second.status_code == 302
    for registration in Registration.objects.order_by("pk"):
        assert confirm(client, registration).status_code == 200
    assert "0 sent, 2 failed" in mail_worker_pass()
    one, two = Registration.objects.order_by("pk")
    assert (one.status, two.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)
    assert one.pending_mail == PendingMail.CONFIRMATION and one.mail_attempts == 1
    assert one.mail_error
    assert two.pending_mail == PendingMail.WAITING and two.mail_attempts == 1

    controller, inbox = start_server(smtp_port)
    try:
        first_run, second_run = mail_worker_pass(), mail_worker_pass()
    finally:
        controller.stop()

    assert "2 sent, 0 failed" in first_run
    assert "0 sent, 0 failed" in second_run
    received = {message["To"]: message for message in inbox.messages}
    assert set(received) == {"een@school.example", "twee@school.example"}
    confirmation = received["een@school.example"]
    assert confirmation.is_multipart()
    parts = [part.get_content_type() for part in confirmation.walk()]
    assert "text/calendar" in parts
    assert not Registration.objects.awaiting_mail().exists()
