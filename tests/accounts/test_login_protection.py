"""Logging in: lockout after repeated failures (django-axes), strong passwords, sessions that
end, and no staff account with a known password."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import ROLE_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


def log_in(client, username, password, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/", **extra}
    )


def test_the_right_password_logs_in(client, editor):
    response = log_in(client, "redacteur", ROLE_PASSWORD)
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_repeated_failures_lock_the_account_out_even_with_the_right_password(
    client, editor, settings
):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, "redacteur", "fout-wachtwoord")
        assert response.status_code == 200  # the form again, with its error
    response = log_in(client, "redacteur", "fout-wachtwoord")
    assert response.status_code == 429

    response = log_in(client, "redacteur", ROLE_PASSWORD)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "30 minuten" in html
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_the_lockout_is_per_user_name(client, editor, secretariat, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "redacteur", "fout-wachtwoord")
    assert log_in(client, "secretariaat", ROLE_PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "redacteur", "fout-wachtwoord")
    assert log_in(client, "redacteur", ROLE_PASSWORD).status_code == 302
    client.logout()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "redacteur", "fout-wachtwoord")
    assert log_in(client, "redacteur", ROLE_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password", ["kort-wacht1", "123456789012345", "password1234", "redacteur-2024"]
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_long_password_is_accepted(editor):
    validate_password("paars-fietsrek-onder-de-linde", user=editor)


def test_sessions_end_when_idle_and_when_the_browser_closes(client, editor, settings):
    log_in(client, "redacteur", ROLE_PASSWORD)
    response = client.get("/admin/")
    assert client.session.get_expiry_age() == settings.RAZON_SESSION_IDLE_MINUTES * 60
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie


def test_the_demo_admin_gets_a_random_password_printed_once(db):
    first, second = io.StringIO(), io.StringIO()
    call_command("setup_demo", stdout=first)
    password = re.search(r"password: (\S+)", first.getvalue()).group(1)
    admin = get_user_model().objects.get(username="admin")
    assert len(password) >= 16 and admin.check_password(password)
    call_command("setup_demo", stdout=second)
    assert password not in second.getvalue()


def test_loading_the_demo_creates_no_accounts(demo):
    assert not get_user_model().objects.exists()
