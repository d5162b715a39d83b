"""Shared fixtures: the personas every test file can ask for, and the demo content."""

import io
import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The smtp_port fixture, for every test that needs a real mail server.
pytest_plugins = ["tests.smtp"]


@pytest.fixture(autouse=True)
def clear_cache():
    """Every test starts and ends with an empty cache: rate limits, the regiokaart and other
    cached pieces never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files (documents, images and their renditions) go to a folder of the test's
    own, never into the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db):
    """The demo content, as `make run` shows it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def staff_without_permissions(django_user_model):
    """A logged-in staff member who was given no permission at all."""
    return django_user_model.objects.create_user("medewerker", password="x", is_staff=True)


def pytest_report_header(config):
    from django.conf import settings

    database = settings.DATABASES["default"]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}; cache: {cache}"
