import pytest

from tests.contact.conftest import started


@pytest.fixture(autouse=True)
def registration_settings(settings):
    """No minimum fill time unless a test sets one; a generous rate limit; a known site URL."""
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_REGISTRATION_RATE_LIMIT = 1000
    settings.RAZON_SITE_URL = "https://www.ra-zon.example"
    return settings


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
