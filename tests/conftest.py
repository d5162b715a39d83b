"""Shared fixtures: the personas every test file can ask for, and the demo content."""

import io
import os

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM would refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The smtp_port fixture (a real mail server) and sqlite_site (the site in processes of its
# own on a SQLite file), for every test that needs them.
pytest_plugins = ["tests.smtp", "tests.sqlite_site"]


# Tests that start servers of their own or measure time run only when asked for with
# `-m <marker>`, each in a CI step of its own with the machine to themselves (not beside the
# parallel suite, whose load would be measured too).
ONLY_WHEN_ASKED = {
    "cluster": "the cluster tests run with -m cluster (they start servers)",
    "load": "the load test runs with -m load, alone on the machine (it measures time)",
}


def pytest_collection_modifyitems(config, items):
    asked = config.option.markexpr or ""
    for marker, reason in ONLY_WHEN_ASKED.items():
        if marker in asked:
            continue
        for item in items:
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(autouse=True)
def clear_cache():
    """Every test starts and ends with an empty cache: rate limits, the regiokaart and other
    cached pieces never leak from one test into the next."""
    from django.core.cache import caches

    from razon import secretariat

    for cache in caches.all():
        cache.clear()
    # The footer's secretariat details, as a running site has them in its cache (read once an
    # hour): the query budgets count what a page reads itself (a saved row replaces them).
    secretariat.remember(secretariat.without_row())
    yield
    for cache in caches.all():
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
def mail_worker_pass():
    """Runs one pass of the mail worker (`manage.py send_mail`) and returns its output: a
    request only stores what it owes, the worker beside the site sends it."""

    def one_pass():
        output = io.StringIO()
        call_command("send_mail", stdout=output)
        return output.getvalue()

    return one_pass


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


# Back-office personas: one user per role (razon/roles.py), staff, with a long password.
ROLE_PASSWORD = "een-lang-wachtwoord-voor-tests"


def make_role_user(username, *role_names, organization=None):
    """A staff user with the given roles and, optionally, an organisation."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from accounts.models import StaffProfile

    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", ROLE_PASSWORD, is_staff=True
    )
    user.groups.set(Group.objects.filter(name__in=role_names))
    if organization is not None:
        StaffProfile.objects.create(user=user, organization=organization)
    return user


def logged_in(user):
    """A test client logged in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def project_leader(db):
    from tests import factories

    return make_role_user(
        "projectleider", "Projectleider", organization=factories.organization(name="HAN")
    )


@pytest.fixture
def editor(db):
    return make_role_user("redacteur", "Redacteur")


@pytest.fixture
def partnership_editor(db):
    return make_role_user("partnerschapsredacteur", "Partnerschapsredacteur")


@pytest.fixture
def secretariat(db):
    return make_role_user("secretariaat", "Secretariaat")


def admin_form_data(response, **changes):
    """The POST data of an admin add or change page as it was rendered (main form and
    inlines), with `changes` applied: what a browser would send back."""
    from django.forms import MultiWidget

    data = {}

    def add(form):
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if isinstance(field.widget, MultiWidget):  # split date and time
                for index, part in enumerate(field.widget.decompress(value)):
                    data[f"{key}_{index}"] = "" if part is None else str(part)
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.forms:
            add(form)
    data.update(changes)
    return data
