"""A cache outage degrades the site, never breaks it: with Redis unreachable (a closed port)
pages render uncached, registrations and contact messages are stored, staff log in, the rate
limits let visitors through with a warning, and /healthz reports the cache but stays 200."""

import logging

import pytest
from django.urls import reverse

import razon.cache
from contact.models import ContactMessage
from events.models import Registration
from tests import factories
from tests.conftest import ROLE_PASSWORD
from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import valid_data as registration_data
from tests.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def redis_down(settings, monkeypatch):
    """Every cache on a Redis that is not there, the page cache on, the forms' timer off."""
    monkeypatch.setattr(razon.cache, "_failed_at", {}, raising=False)
    monkeypatch.setattr(razon.cache, "_warned_at", {}, raising=False)
    closed = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        alias: {"BACKEND": "razon.cache.RedisCache", "LOCATION": closed, "KEY_PREFIX": alias}
        for alias in settings.CACHES
    }
    settings.RAZON_PAGE_CACHE = True
    settings.RAZON_FORM_MIN_SECONDS = 0


def test_pages_render_without_the_cache(client):
    factories.post(title="Een bericht")

    for _visit in range(2):
        assert client.get(reverse("home")).status_code == 200
        overview = client.get(reverse("news:list"))
        assert overview.status_code == 200
        assert "Een bericht" in overview.content.decode()


def test_a_registration_is_stored(client):
    event = factories.event(registration_enabled=True, capacity=10)

    response = client.post(reverse("events:register", args=[event.slug]), registration_data())

    assert response.status_code == 302
    assert Registration.objects.filter(event=event, email="bram@school.example").exists()


def test_a_contact_message_is_stored_and_the_rate_limit_lets_it_through_with_a_warning(
    client, caplog
):
    with caplog.at_level(logging.WARNING):
        for _message in range(3):
            response = client.post(reverse("contact:form"), contact_data())
            assert response.status_code == 302

    assert ContactMessage.objects.count() == 3
    warnings = [record.getMessage() for record in caplog.records]
    assert sum("Rate limit 'contact' not checked" in line for line in warnings) == 1


def test_staff_log_in(client, editor):
    response = client.post(
        reverse("admin:login"),
        {"username": "redacteur", "password": ROLE_PASSWORD, "next": "/admin/"},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_health_reports_the_cache_and_stays_200(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "unavailable",
        "mail_waiting": 0,
        "mail_oldest_seconds": None,
    }
