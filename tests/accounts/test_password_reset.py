"""A forgotten password: staff ask for a link by e-mail (Django's views and token), the mail
worker sends it, the answer never tells whether an account exists, and requests are limited
per client and per address."""

import re
from unittest import mock
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import PasswordResetMail
from tests.accounts.test_two_factor import page_without_secrets
from tests.conftest import ROLE_PASSWORD
from tests.smtp import start_server

pytestmark = pytest.mark.django_db
RESET = reverse("admin_password_reset")
LOGIN = reverse("admin:login")
NEW_PASSWORD = "paars-fietsrek-onder-de-linde"


def ask(client, email, **extra):
    return client.post(RESET, {"email": email}, **extra)


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(link):
    return urlsplit(link).path


def set_password(client, link, password=NEW_PASSWORD, confirmation=None):
    """Follows the link in the mail (Django moves the token into the session and redirects)
    and sends the new password twice."""
    form_page = client.get(path_of(link), follow=True)
    return client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path_of(link),
        {"new_password1": password, "new_password2": confirmation or password},
    )


def log_in(client, password, **extra):
    data = {"username": "redacteur", "password": password, "next": "/admin/", **extra}
    return client.post(LOGIN, data)


def body(response):
    return response.content.decode()


def test_the_login_page_links_to_the_reset_page(client):
    html = body(client.get(LOGIN))

    assert f'href="{RESET}"' in html and "Wachtwoord vergeten?" in html


def test_the_reset_page_is_dutch_and_in_the_admins_frame(client):
    response = client.get(RESET)

    assert response.status_code == 200
    assert "RA-ZON beheer" in body(response)
    assert "Vul het e-mailadres van je account in" in body(response)
    assert 'autocomplete="email"' in body(response)


def test_a_reset_from_request_to_login(client, editor, mail_worker_pass, settings):
    settings.RAZON_SITE_URL = "https://www.ra-zon.example"

    response = ask(client, "REDACTEUR@example.org")  # any case

    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert mail.outbox == []  # owed, not sent in the request
    assert "1 sent, 0 failed" in mail_worker_pass()
    message = mail.outbox[0]
    assert message.to == ["redacteur@example.org"]
    assert message.subject == "Nieuw wachtwoord voor het beheer van RA-ZON"
    assert "Je gebruikersnaam is: redacteur" in message.body
    link = link_in(message)
    assert link.startswith("https://www.ra-zon.example/admin/wachtwoord-vergeten/")
    path = link.removeprefix("https://www.ra-zon.example")

    done = set_password(client, path)

    assert done.status_code == 302 and done.url == reverse("password_reset_complete")
    assert "_auth_user_id" not in client.session  # a reset logs nobody in
    assert log_in(client, ROLE_PASSWORD).status_code == 200  # the old one is gone
    assert log_in(client, NEW_PASSWORD).status_code == 302
    # The link works once.
    client.logout()
    assert "Deze link werkt niet (meer)" in body(client.get(path, follow=True))
    assert mail_worker_pass().startswith("0 sent")  # nothing else was owed


def test_after_a_reset_the_login_still_asks_for_the_two_factor_code(
    client, editor, mail_worker_pass
):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    ask(client, "redacteur@example.org")
    mail_worker_pass()
    set_password(client, link_in(mail.outbox[0]))

    assert log_in(client, NEW_PASSWORD).status_code == 200
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"
    assert log_in(client, NEW_PASSWORD, otp_token=code).status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, editor, mail_worker_pass):
    known = ask(client, "redacteur@example.org", follow=True)
    unknown = ask(client, "niemand@example.org", follow=True)

    assert known.redirect_chain == unknown.redirect_chain
    assert page_without_secrets(known) == page_without_secrets(unknown)
    assert "Als er een account bij dit e-mailadres hoort" in body(unknown)
    mail_worker_pass()
    assert [message.to for message in mail.outbox] == [["redacteur@example.org"]]


@pytest.mark.parametrize(
    "change",
    [
        {"is_staff": False},  # no business in the back-office
        {"is_active": False},
    ],
)
def test_only_active_staff_get_a_mail(client, editor, mail_worker_pass, change):
    get_user_model().objects.filter(pk=editor.pk).update(**change)

    response = ask(client, "redacteur@example.org")

    assert response.status_code == 302
    mail_worker_pass()
    assert mail.outbox == [] and not PasswordResetMail.objects.exists()


def test_an_account_without_a_usable_password_gets_no_mail(client, editor, mail_worker_pass):
    editor.set_unusable_password()
    editor.save()

    ask(client, "redacteur@example.org")
    mail_worker_pass()

    assert mail.outbox == []


def test_an_account_deactivated_before_the_mail_went_out_gets_none(
    client, editor, mail_worker_pass
):
    ask(client, "redacteur@example.org")
    get_user_model().objects.filter(pk=editor.pk).update(is_active=False)

    mail_worker_pass()

    assert mail.outbox == []


def test_a_bad_or_used_link_says_so_and_sets_nothing(client, editor):
    response = client.get(
        reverse("password_reset_confirm", args=["MQ", "abc-0123456789abcdef"]), follow=True
    )

    assert response.status_code == 200
    assert not response.context["validlink"]
    assert "Deze link werkt niet (meer)" in body(response)
    assert f'href="{RESET}"' in body(response)
    editor.refresh_from_db()
    assert editor.check_password(ROLE_PASSWORD)


@pytest.mark.parametrize("uid", ["%00", "x" * 500, "🙂", "MTIzNDU2Nzg5MDEyMzQ1Njc4OTA"])
def test_a_hostile_link_is_no_error(client, uid):
    response = client.get(f"{RESET}{uid}/token/")

    assert response.status_code in (200, 400, 404)


def test_weak_passwords_are_refused_in_dutch(client, editor, mail_worker_pass):
    ask(client, "redacteur@example.org")
    mail_worker_pass()

    response = set_password(client, link_in(mail.outbox[0]), password="kort")

    assert response.status_code == 200
    assert "Dit wachtwoord is te kort" in body(response)
    editor.refresh_from_db()
    assert editor.check_password(ROLE_PASSWORD)


def test_too_many_requests_from_one_client_are_refused_without_mail(
    client, editor, settings, mail_worker_pass
):
    settings.RAZON_PASSWORD_RESET_RATE_LIMIT = 2
    for index in range(2):
        assert ask(client, f"iemand-{index}@example.org").status_code == 302

    response = ask(client, "redacteur@example.org")

    assert response.status_code == 429
    assert "te vaak een nieuw wachtwoord gevraagd" in body(response)
    assert response.context["form"]["email"].value() == "redacteur@example.org"
    mail_worker_pass()
    assert mail.outbox == []
    # Another client is not held up.
    assert ask(client, "redacteur@example.org", REMOTE_ADDR="192.0.2.9").status_code == 302


def test_one_address_is_limited_whichever_client_asks_and_whether_or_not_it_exists(
    client, editor, settings, mail_worker_pass
):
    settings.RAZON_PASSWORD_RESET_ADDRESS_LIMIT = 2
    answers = {}
    for email in ["redacteur@example.org", "niemand@example.org"]:
        for index in range(3):
            response = ask(client, email, REMOTE_ADDR=f"192.0.2.{index}")
            answers.setdefault(email, []).append(response.status_code)

    assert answers["redacteur@example.org"] == answers["niemand@example.org"] == [302, 302, 429]
    mail_worker_pass()
    assert len(mail.outbox) == 2


def test_with_the_cache_out_the_account_still_gets_at_most_its_limit(
    client, editor, settings, mail_worker_pass
):
    """The cache's limits fail open (razon/ratelimit.py); the database's limit per account
    still holds, silently."""
    settings.RAZON_PASSWORD_RESET_ADDRESS_LIMIT = 2

    with mock.patch("razon.ratelimit.cache.add", side_effect=ConnectionError("redis down")):
        answers = [ask(client, "redacteur@example.org").status_code for _ in range(4)]

    assert answers == [302] * 4
    mail_worker_pass()
    assert len(mail.outbox) == 2


def test_with_the_mail_server_down_the_request_succeeds_and_a_later_pass_sends(
    client, editor, smtp_port, mail_worker_pass
):
    response = ask(client, "redacteur@example.org", follow=True)
    assert response.status_code == 200
    assert "0 sent, 1 failed" in mail_worker_pass()
    owed = PasswordResetMail.objects.get()
    assert owed.sent_at is None and owed.mail_attempts == 1 and owed.mail_error

    controller, inbox = start_server(smtp_port)
    try:
        first, second = mail_worker_pass(), mail_worker_pass()
    finally:
        controller.stop()

    assert "1 sent, 0 failed" in first and "0 sent, 0 failed" in second
    assert len(inbox.messages) == 1
    assert inbox.messages[0]["To"] == "redacteur@example.org"


def test_a_new_password_lifts_the_lockout(client, editor, settings, mail_worker_pass):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "fout-wachtwoord")
    locked = log_in(client, ROLE_PASSWORD)
    assert locked.status_code == 429
    assert f'href="{RESET}"' in body(locked)  # the lockout page points to the reset

    ask(client, "redacteur@example.org")
    mail_worker_pass()
    set_password(client, link_in(mail.outbox[0]))

    assert not AccessAttempt.objects.exists()
    assert log_in(client, NEW_PASSWORD).status_code == 302


def test_old_requests_are_cleared_and_not_sent_any_more(client, editor, mail_worker_pass):
    from datetime import timedelta

    from django.utils import timezone

    ask(client, "redacteur@example.org")
    PasswordResetMail.objects.update(requested_at=timezone.now() - timedelta(hours=2))

    assert mail_worker_pass().startswith("0 sent")
    ask(client, "niemand@example.org")
    assert not PasswordResetMail.objects.exists()
