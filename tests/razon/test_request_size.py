"""Public forms refuse a large body before reading it (413, with a page or, for htmx, a
message that says why), below the admin's upload limit; the admin still takes uploads up to
RAZON_MAX_UPLOAD_SIZE."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contact.models import ContactMessage
from razon.models import Document
from tests import factories
from tests.contact.conftest import valid_data

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
URLENCODED = "application/x-www-form-urlencoded"


def test_an_anonymous_30_mb_post_to_the_contact_form_is_refused_with_413(client):
    attachment = SimpleUploadedFile("groot.bin", b"0" * 30 * MB)

    response = client.post("/contact/", {**valid_data(), "bijlage": attachment})

    assert response.status_code == 413
    html = response.content.decode()
    assert "Je bericht is te groot" in html and 'id="main"' in html
    assert "groter dan 64,0\xa0KB" in html
    assert not ContactMessage.objects.exists()


def test_the_body_is_refused_by_its_length_before_anything_reads_it(client):
    """The request claims 30 MB and carries a few bytes: reading it would fail the test."""
    response = client.generic(
        "POST", "/contact/", b"name=x", content_type=URLENCODED, CONTENT_LENGTH=str(30 * MB)
    )

    assert response.status_code == 413


def test_every_public_address_refuses_a_large_body(client, settings):
    settings.RAZON_MAX_PUBLIC_BODY_SIZE = 1000
    event = factories.event(registration_enabled=True)
    body = urlencode({"name": "x" * 2000})

    for path in ["/contact/", f"/agenda/{event.slug}/aanmelden/", "/zoeken/", "/i18n/setlang/"]:
        response = client.post(path, body, content_type=URLENCODED)
        assert response.status_code == 413, path


def test_an_htmx_post_that_is_too_large_gets_a_message_htmx_shows_above_the_form(client):
    response = client.post(
        "/contact/",
        {"bijlage": SimpleUploadedFile("groot.bin", b"0" * MB)},
        headers={"HX-Request": "true", "HX-Target": "contact-form"},
    )

    assert response.status_code == 413
    fragment = response.content.decode()
    assert "<html" not in fragment and 'role="alert"' in fragment
    assert "Je bericht is te groot" not in fragment  # the page's heading stays out
    assert "groter dan 64,0\xa0KB" in fragment
    assert response["HX-Reswap"] == "afterbegin"  # the form keeps what the visitor typed


def test_htmx_is_configured_to_show_a_413(client):
    page = client.get("/contact/").content.decode()
    config = json.loads(re.search(r'name="htmx-config" content=\'([^\']*)\'', page).group(1))

    rules = config["responseHandling"]
    first_match = next(rule for rule in rules if re.fullmatch(rule["code"], "413"))
    assert first_match["swap"] is True


def test_the_longest_message_a_browser_can_send_is_accepted(client, settings):
    """5,000 characters of Chinese, percent-encoded as a browser posts a form: about 52 KB."""
    settings.RAZON_FORM_MIN_SECONDS = 0
    body = urlencode(valid_data(message="我" * 5000, name="名" * 100, page="/" + "页" * 499))
    assert len(body) > 50_000

    response = client.post("/contact/", body, content_type=URLENCODED)

    assert response.status_code == 302
    assert ContactMessage.objects.get().message == "我" * 5000


def test_a_body_without_a_length_is_refused_with_411(client):
    response = client.generic("POST", "/contact/", headers={"Transfer-Encoding": "chunked"})

    assert response.status_code == 411
    assert "Verstuur het opnieuw" in response.content.decode()


def pdf(size):
    return SimpleUploadedFile("verslag.pdf", b"%PDF-1.7\n" + b"0" * (size - 9))


def test_the_admin_still_takes_an_upload_of_nearly_20_mb(superuser_client, settings):
    assert settings.RAZON_MAX_UPLOAD_SIZE == 20 * MB
    form = {"title": "Verslag", "slug": "verslag", "kind": "verslag", "file": pdf(20 * MB - 1024)}

    response = superuser_client.post("/admin/razon/document/add/", form)

    assert response.status_code == 302
    assert Document.objects.get().size == 20 * MB - 1024


def test_the_admin_refuses_an_upload_over_20_mb_with_its_own_message(superuser_client):
    form = {"title": "Verslag", "slug": "verslag", "kind": "verslag", "file": pdf(21 * MB)}

    response = superuser_client.post("/admin/razon/document/add/", form)

    assert response.status_code == 200
    assert "het maximum is" in response.content.decode()
    assert not Document.objects.exists()
