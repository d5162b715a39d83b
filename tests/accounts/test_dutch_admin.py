"""The Dutch admin speaks Dutch (#17): Django's newer strings ('- Select an option -', the
screen-reader headings 'Search …', 'Pagination …', 'Filter by …'), the login protection
(django-axes) and the authenticator apps (django-otp) get Dutch names that say what they
are."""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests import factories
from tests.text import html_text

pytestmark = pytest.mark.django_db

ENGLISH = re.compile(
    r"Select an option|\bSearch\b|Pagination|Filter by|\bAxes\b|OTP_TOTP|Otp_Totp|TOTP device"
    r"|Access (?:attempt|failure|log)|Attempt Time|IP Address|User Agent|Form Data|Meta Data",
    re.IGNORECASE,
)


@pytest.fixture
def security_rows(superuser):
    """A device, a failed-login counter and a failure in the log, so that every list has a
    row and every page to show."""
    device = TOTPDevice.objects.create(user=superuser, name="Authenticator-app", confirmed=True)
    login = {"user_agent": "Firefox", "ip_address": "192.0.2.1", "http_accept": "*/*"}
    attempt = AccessAttempt.objects.create(
        username="redacteur",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=2,
        **login,
    )
    AccessFailureLog.objects.create(username="redacteur", path_info="/admin/login/", **login)
    return device, attempt


def english_in(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.content.decode()
    return sorted({match.group() for text in html_text(page) for match in ENGLISH.finditer(text)})


def test_the_admin_index_names_the_security_sections_in_dutch(superuser_client, security_rows):
    text = " ".join(html_text(superuser_client.get("/admin/").content.decode()))

    assert "Inlogbeveiliging" in text and "Mislukte inlogpogingen" in text
    assert "Tweestapsverificatie" in text and "Authenticator-apps" in text
    assert english_in(superuser_client, "/admin/") == []


def test_no_english_on_the_security_pages_and_a_content_list(superuser_client, security_rows):
    device, attempt = security_rows
    factories.event()
    urls = [
        "/admin/axes/",
        "/admin/axes/accessattempt/",
        f"/admin/axes/accessattempt/{attempt.pk}/change/",
        "/admin/axes/accessfailurelog/",
        "/admin/otp_totp/",
        "/admin/otp_totp/totpdevice/",
        f"/admin/otp_totp/totpdevice/{device.pk}/change/",
        f"/admin/otp_totp/totpdevice/{device.pk}/delete/",
        # search, pagination, a date filter and the actions' select
        "/admin/events/event/",
        "/admin/events/event/add/",
    ]
    assert {url: english_in(superuser_client, url) for url in urls} == {url: [] for url in urls}
    events = superuser_client.get("/admin/events/event/").content.decode()
    assert "- Maak een keuze -" in events
    assert "bijeenkomsten doorzoeken" in events and "Bladeren door bijeenkomsten" in events
    assert "Filteren op begint om" in events


def test_the_detector_finds_the_english_it_looks_for(superuser_client, settings):
    settings.LANGUAGE_CODE = "en"  # Django's own English admin
    factories.event()  # a list with a row has the actions' select
    found = english_in(superuser_client, "/admin/events/event/")
    assert {"Select an option", "Search", "Pagination", "Filter by"} <= set(found)


def test_an_administrator_sees_and_removes_an_authenticator_app_but_never_edits_one(
    superuser_client, security_rows
):
    device, _attempt = security_rows
    listing = superuser_client.get("/admin/otp_totp/totpdevice/").content.decode()
    page = superuser_client.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")

    assert "Naam van het apparaat" in listing and "beheer" in listing
    assert 'name="key"' not in page.content.decode()  # the secret stays out of the admin
    assert superuser_client.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    response = superuser_client.post(f"/admin/otp_totp/totpdevice/{device.pk}/change/", {})
    assert response.status_code == 403
    superuser_client.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert not TOTPDevice.objects.exists()
