import pytest
from django.urls import reverse

from tests import factories
from tests.contact.conftest import started


@pytest.fixture(autouse=True)
def registration_settings(settings):
    """No minimum fill time unless a test sets one; a generous rate limit; a known site URL."""
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_REGISTRATION_RATE_LIMIT = 1000
    settings.RAZON_SITE_URL = "https://www.ra-zon.example"
    return settings


@pytest.fixture
def event():
    """An online event with two seats and a waiting list, open for registration."""
    return factories.event(
        title="Werksessie",
        registration_enabled=True,
        capacity=2,
        waiting_list=True,
        online=True,
        join_url="https://teams.example/geheim",
    )


def post(client, event, htmx=False, **overrides):
    """Sends the registration form (as htmx when asked)."""
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "registration"} if htmx else {}
    return client.post(
        reverse("events:register", args=[event.slug]), valid_data(**overrides), **headers
    )


def valid_data(**overrides):
    data = {
        "name": "Bram Jansen",
        "email": "bram@school.example",
        "organization": "Stichting Voorbeeld",
        "role": "Schoolopleider",
        "question": "Hoe sluiten partnerschappen aan?",
        "started": started(),
        "website": "",
    }
    data.update(overrides)
    return data


def confirm_url(registration):
    from events.services import confirm_token

    return reverse("events:confirm", args=[confirm_token(registration)])


def confirm(client, registration):
    """The owner clicks the link in the mail and presses the button."""
    return client.post(confirm_url(registration))


def linked_registration(body, kind="confirm"):
    """The registration of the confirm (or cancel) link in a mail: a signed token carries
    the second it was made, so the link is read back, not compared with a new one."""
    import re

    from events.services import registration_for_cancel_token, registration_for_confirm_token

    prefix, read = {
        "confirm": ("/agenda/bevestigen/", registration_for_confirm_token),
        "cancel": ("/agenda/afmelden/", registration_for_cancel_token),
    }[kind]
    match = re.search(re.escape(prefix) + r"([^/\s]+)/", body)
    return read(match.group(1)) if match else None
