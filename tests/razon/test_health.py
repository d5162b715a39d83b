from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse
from django.utils import timezone

from contact.models import ContactMessage
from tests import factories
from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import valid_data as registration_data

pytestmark = pytest.mark.django_db


def test_health_answers_200_when_the_database_answers(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "mail_waiting": 0,
        "mail_oldest_seconds": None,
    }
    assert "no-cache" in response.headers["Cache-Control"]


def test_health_answers_503_when_the_database_does_not(client):
    with mock.patch("razon.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
    assert response.json()["mail_waiting"] is None


def test_health_counts_the_mails_waiting_in_every_outbox_and_the_oldest_age(
    client, settings, mail_worker_pass
):
    settings.RAZON_FORM_MIN_SECONDS = 0
    client.post(reverse("contact:form"), contact_data())
    client.post(reverse("contact:form"), contact_data(email="bo@school.example"))
    ContactMessage.objects.filter(email="anna@school.example").update(
        created_at=timezone.now() - timedelta(minutes=10)
    )
    event = factories.event(registration_enabled=True, capacity=10)
    client.post(reverse("events:register", args=[event.slug]), registration_data())

    health = client.get(reverse("healthz")).json()

    assert health["mail_waiting"] == 3  # two notifications, one confirmation mail
    assert 595 <= health["mail_oldest_seconds"] <= 660

    mail_worker_pass()
    health = client.get(reverse("healthz")).json()
    assert health["mail_waiting"] == 0
    assert health["mail_oldest_seconds"] is None


def test_spam_owes_no_mail_and_is_not_counted(client, settings):
    settings.RAZON_FORM_MIN_SECONDS = 0
    client.post(reverse("contact:form"), contact_data(website="http://spam.example"))

    assert client.get(reverse("healthz")).json()["mail_waiting"] == 0
