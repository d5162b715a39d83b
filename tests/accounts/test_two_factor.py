"""Two-factor authentication (TOTP): available to every staff member, asked at login once set
up, and required for the whole admin when RAZON_REQUIRE_2FA is on."""

import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import ROLE_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")
TWO_FACTOR = reverse("two_factor")


def code(device, offset=0):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, offset):06d}"


@pytest.fixture
def device(editor):
    return TOTPDevice.objects.create(user=editor, name="app", confirmed=True)


def log_in(client, **extra):
    data = {"username": "redacteur", "password": ROLE_PASSWORD, "next": "/admin/", **extra}
    return client.post(LOGIN, data)


def test_the_login_page_asks_for_the_code(client):
    html = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in html and 'autocomplete="one-time-code"' in html


def test_with_a_device_the_password_alone_is_not_enough(client, device):
    response = log_in(client)
    assert response.status_code == 200
    assert [error.code for error in errors(response)["__all__"]] == ["invalid_login"]
    assert "de code uit je authenticator-app" in response.content.decode()
    assert "_auth_user_id" not in client.session


def errors(response):
    return response.context["form"].errors.as_data()


@pytest.mark.parametrize("token", ["", "000000"])
def test_without_the_right_code_the_answer_does_not_tell_whether_the_password_was_right(
    client, device, token
):
    if token == code(device):
        token = "111111"
    right = log_in(client, otp_token=token)
    wrong = log_in(client, password="fout-wachtwoord", otp_token=token)
    assert right.status_code == wrong.status_code == 200
    assert str(errors(right)) == str(errors(wrong))
    assert page_without_secrets(right) == page_without_secrets(wrong)


def page_without_secrets(response):
    """The page without what differs on every response: the CSRF token and the CSP nonce."""
    html = response.content.decode().replace(str(response.context["csrf_token"]), "")
    return re.sub(r'nonce="[^"]*"', "", html)


def test_the_right_password_without_a_code_counts_as_a_failed_login(client, device):
    from axes.models import AccessAttempt

    log_in(client)
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_a_wrong_code_is_refused_and_counts_as_a_failed_login(client, device):
    from axes.models import AccessAttempt

    response = log_in(client, otp_token="000000" if code(device) != "000000" else "111111")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get().failures_since_start == 1


def test_the_right_code_logs_in_and_verifies_the_session(client, device):
    response = log_in(client, otp_token=code(device))
    assert response.status_code == 302
    assert client.session["otp_device_id"] == device.persistent_id


def test_without_the_setting_staff_need_no_device(client, editor, settings):
    settings.RAZON_REQUIRE_2FA = False
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_with_the_setting_staff_set_up_a_device_before_using_the_admin(client, editor, settings):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.get(reverse("admin:news_post_changelist"))
    assert response.status_code == 302
    assert response.url == f"{TWO_FACTOR}?next=%2Fadmin%2Fnews%2Fpost%2F"
    assert client.get("/admin/voorbeeld/").status_code == 302  # every admin address

    page = client.get(response.url)
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html and "QR-code" in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    wrong = client.post(TWO_FACTOR, {"otp_token": "12345", "next": "/admin/news/post/"})
    assert wrong.status_code == 200 and "Deze code klopt niet" in wrong.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # after a wrong code django-otp makes one wait a moment

    done = client.post(TWO_FACTOR, {"otp_token": code(device), "next": "/admin/news/post/"})
    assert done.status_code == 302 and done.url == "/admin/news/post/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/news/post/").status_code == 200


def test_with_the_setting_a_session_without_a_code_is_asked_for_one(
    client, editor, device, settings
):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)  # as if the password alone had been checked
    assert client.get("/admin/").status_code == 302
    page = client.get(TWO_FACTOR)
    assert "QR-code" not in page.content.decode()
    client.post(TWO_FACTOR, {"otp_token": code(device)})
    assert client.get("/admin/").status_code == 200


def test_the_page_does_not_redirect_elsewhere(client, editor, settings):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)
    client.get(TWO_FACTOR)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(TWO_FACTOR, {"otp_token": code(device), "next": "https://evil.example/"})
    assert response.url == "/admin/"


def test_visitors_and_non_staff_cannot_open_the_page(client, django_user_model):
    assert client.get(TWO_FACTOR).status_code == 302
    client.force_login(django_user_model.objects.create_user("bezoeker"))
    assert client.get(TWO_FACTOR).status_code == 302
    assert not TOTPDevice.objects.exists()


def test_the_public_site_is_not_affected(client, editor, settings):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)
    assert client.get("/").status_code == 200


def test_with_the_setting_a_session_without_a_code_opens_no_preview(
    client, editor, device, settings
):
    from razon import preview
    from tests import factories

    settings.RAZON_REQUIRE_2FA = True
    draft = factories.event(status="draft")
    client.force_login(editor)  # the password alone
    assert client.get(preview.preview_url(draft)).status_code == 403

    client.post(TWO_FACTOR, {"otp_token": code(device)})
    assert client.get(preview.preview_url(draft)).status_code == 200


def test_with_the_setting_a_session_without_a_code_gets_no_rich_text_preview(
    client, editor, device, settings
):
    settings.RAZON_REQUIRE_2FA = True
    client.force_login(editor)
    response = client.post(reverse("richtext_preview"), {"text": "**vet**"})
    assert response.status_code == 302 and "<strong>" not in response.content.decode()

    client.post(TWO_FACTOR, {"otp_token": code(device)})
    response = client.post(reverse("richtext_preview"), {"text": "**vet**"})
    assert "<strong>vet</strong>" in response.content.decode()


def test_every_admin_page_links_to_the_two_factor_page(client, editor):
    client.force_login(editor)
    assert f'href="{TWO_FACTOR}"' in client.get("/admin/").content.decode()
