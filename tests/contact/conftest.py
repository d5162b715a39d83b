import time

import pytest
from django.core import signing

from razon.forms import TIMESTAMP_SALT


@pytest.fixture(autouse=True)
def contact_settings(settings):
    """No minimum fill time unless a test sets one; a generous rate limit."""
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_CONTACT_RATE_LIMIT = 1000
    settings.RAZON_CONTACT_RECIPIENTS = ["secretariaat@ra-zon.example"]
    return settings


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=TIMESTAMP_SALT)


def valid_data(**overrides):
    data = {
        "name": "Anna de Vries",
        "email": "anna@school.example",
        "organization": "Stichting Voorbeeld",
        "topic": "vraag",
        "message": "Hoe kan ons bestuur aansluiten bij RA-ZON?",
        "page": "/alliantie/",
        "started": started(),
        "website": "",
    }
    data.update(overrides)
    return data
