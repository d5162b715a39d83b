"""What goes on the wire (razon/conditional.py): text responses gzipped when the client
accepts it, validators a repeated request is answered 304 on, and Cache-Control that lets a
browser or CDN keep only what holds nothing personal."""

import gzip
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from razon.models import Document, PublishStatus
from razon.uploads import PDF
from tests import factories

GZIP = {"Accept-Encoding": "gzip, deflate, br"}
HTMX = {"HX-Request": "true", "HX-Target": "directory"}
TOKEN = re.compile(rb'"X-CSRFToken": "([^"]+)"')
ANY_TOKEN = re.compile(rb'("X-CSRFToken": |name="csrfmiddlewaretoken" value=)"[^"]+"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RAZON_PAGE_CACHE = True
    settings.RAZON_COMPRESS_RESPONSES = True
    settings.RAZON_PUBLIC_MAX_AGE = 60


@pytest.fixture
def content(db):
    factories.post(title="Een bericht over de regio")
    event = factories.event(title="Regiodag")
    for place in ("Oost", "West", "Noord", "Zuid"):  # an export worth compressing
        factories.partnership(name=f"Partnerschap {place}", sector_group="vo-mbo")
    return event


def _urls(event):
    return {
        "page": reverse("news:list"),
        "feed": reverse("news:feed"),
        "calendar": reverse("events:calendar"),
        "event calendar": reverse("events:event_calendar", args=[event.slug]),
        "csv": reverse("partnerships:export_csv"),
        "json": reverse("partnerships:export_json"),
        "sitemap": reverse("sitemap"),
    }


def _vary(response):
    return {part.strip() for part in response.get("Vary", "").split(",")}


# Compression


def test_text_responses_are_gzipped_only_for_a_client_that_accepts_it(client, content):
    for name, url in _urls(content).items():
        plain = client.get(url)
        packed = client.get(url, headers=GZIP)

        assert plain.status_code == packed.status_code == 200, name
        assert "Content-Encoding" not in plain, name
        assert packed["Content-Encoding"] == "gzip", name
        assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content), name
        assert "Accept-Encoding" in _vary(plain) and "Accept-Encoding" in _vary(packed), name
        unpacked = gzip.decompress(packed.content)
        # The same response, apart from the token every page gets afresh.
        assert ANY_TOKEN.sub(b"", unpacked) == ANY_TOKEN.sub(b"", plain.content), name


def test_compression_is_off_when_the_proxy_does_it(client, content, settings):
    settings.RAZON_COMPRESS_RESPONSES = False
    for name, url in _urls(content).items():
        response = client.get(url, headers=GZIP)
        assert response.status_code == 200, name
        assert "Content-Encoding" not in response, name


def test_nothing_is_compressed_for_staff(client, content, django_user_model):
    """BREACH: the admin shows personal data beside a reflected search word."""
    client.force_login(django_user_model.objects.create_superuser("beheer", password="x"))
    for url in (
        reverse("admin:contact_contactmessage_changelist") + "?q=a",
        *_urls(content).values(),
    ):
        response = client.get(url, headers=GZIP)
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url


def test_files_are_not_compressed_again(client, db):
    document = Document(title="Verslag", slug="verslag", content_type=PDF.content_type, size=8)
    document.file.save("verslag.pdf", SimpleUploadedFile("verslag.pdf", b"%PDF-1.4" * 100))
    document.save()
    factories.event().documents.add(document)

    response = client.get(document.get_absolute_url(), headers=GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == b"%PDF-1.4" * 100


def test_a_compressed_cached_page_holds_a_fresh_masked_token_every_time(client, content):
    """BREACH: what a compressed page holds of the visitor's secret differs per response,
    and Django's gzip adds random bytes, so no two responses compress alike."""
    url = reverse("news:list")
    responses = [client.get(url, headers=GZIP) for _ in range(3)]

    tokens = [TOKEN.search(gzip.decompress(r.content)).group(1).decode() for r in responses]
    assert len(set(tokens)) == 3
    assert {_unmask_cipher_token(token) for token in tokens} == {client.cookies["csrftoken"].value}
    assert len({r.content for r in responses}) == 3


# Validators


def test_a_cached_page_keeps_its_etag_and_a_repeated_request_gets_a_304(client, content):
    url = reverse("news:list")
    first = client.get(url)
    second = client.get(url)

    assert first["ETag"] == second["ETag"]
    assert first.content != second.content  # each with its own masked token

    again = client.get(url, headers={"If-None-Match": second["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "private, no-cache"
    assert {"Cookie", "HX-Request", "Accept-Encoding"} <= _vary(again)

    # Weak (the bytes differ by the token), compressed or not.
    assert first["ETag"].startswith('W/"')
    packed = client.get(url, headers=GZIP)
    assert packed["ETag"] == first["ETag"]
    assert client.get(url, headers={**GZIP, "If-None-Match": packed["ETag"]}).status_code == 304


def test_another_visitors_tag_gets_the_page(client, content):
    """A page holds its visitor's token: another cookie, another tag, so a 304 is only
    given to a browser whose copy holds a token valid for its own cookie."""
    url = reverse("news:list")
    mine = client.get(url)
    other = Client().get(url)

    assert mine["ETag"] != other["ETag"]
    response = Client().get(url, headers={"If-None-Match": mine["ETag"]})
    assert response.status_code == 200
    assert TOKEN.search(response.content)


def test_no_304_after_a_content_change(client, content):
    url = reverse("news:list")
    tag = client.get(url)["ETag"]

    factories.post(title="Een nieuw bericht")
    response = client.get(url, headers={"If-None-Match": tag})

    assert response.status_code == 200
    assert "Een nieuw bericht" in response.content.decode()
    assert response["ETag"] != tag


def test_a_fragment_and_the_page_have_their_own_tags(client, content):
    url = reverse("news:list")
    page = client.get(url)
    fragment = client.get(url, headers=HTMX)

    assert page["ETag"] != fragment["ETag"]
    assert client.get(url, headers={**HTMX, "If-None-Match": page["ETag"]}).status_code == 200
    repeated = client.get(url, headers={**HTMX, "If-None-Match": fragment["ETag"]})
    assert repeated.status_code == 304


def test_feeds_calendars_and_exports_answer_a_repeated_request_with_304(client, content):
    for name, url in _urls(content).items():
        if name == "page":
            continue
        tag = client.get(url, headers=GZIP)["ETag"]
        assert tag.startswith('W/"'), name
        repeated = client.get(url, headers={**GZIP, "If-None-Match": tag})
        assert repeated.status_code == 304, name
        assert repeated["ETag"] == tag, name  # the same tag as on the compressed 200
        assert "Accept-Encoding" in _vary(repeated), name
        assert client.get(url, headers={"If-None-Match": tag}).status_code == 304, name
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200, name


def test_a_page_that_is_not_cached_gets_no_tag_that_never_matches(client, content):
    """A search word is rendered for every visitor, with a fresh token: no tag at all."""
    response = client.get(reverse("search") + "?zoek=regio")
    assert response.status_code == 200
    assert "ETag" not in response


# Cache-Control


def test_an_anonymous_page_is_kept_by_the_browser_alone_and_revalidated(client, content):
    for url in (reverse("news:list"), reverse("contact:form")):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-cache", url
        assert "csrftoken" in response.cookies, url  # the token's cookie: never public


def test_an_htmx_fragment_is_revalidated(client, content):
    response = client.get(reverse("news:list"), headers=HTMX)
    assert response["Cache-Control"] == "private, no-cache"


def test_a_page_for_logged_in_staff_is_never_kept(client, content, django_user_model):
    client.force_login(django_user_model.objects.create_user("redactie", is_staff=True))
    for url in (reverse("news:list"), reverse("news:feed")):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", url
        assert "ETag" not in response, url


def test_a_post_response_is_never_kept(client, db):
    response = client.post(reverse("contact:form"), {"name": ""})
    assert response.status_code == 200  # the form again, with its errors
    assert response["Cache-Control"] == "private, no-store"


def test_feeds_calendars_exports_and_the_sitemap_are_public_for_a_minute(client, content):
    for name, url in _urls(content).items():
        if name == "page":
            continue
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=60", name
        assert not response.cookies, name


def test_the_public_time_is_a_setting(client, content, settings):
    settings.RAZON_PUBLIC_MAX_AGE = 300
    assert client.get(reverse("news:feed"))["Cache-Control"] == "public, max-age=300"


def test_documents_keep_their_own_caching_and_a_private_one_stays_private(
    client, db, superuser_client
):
    document = Document(title="Verslag", slug="verslag", content_type=PDF.content_type, size=8)
    document.file.save("verslag.pdf", SimpleUploadedFile("verslag.pdf", b"%PDF-1.4"))
    document.save()
    factories.event().documents.add(document)
    draft = Document(title="Concept", slug="concept", content_type=PDF.content_type, size=8)
    draft.file.save("concept.pdf", SimpleUploadedFile("concept.pdf", b"%PDF-1.4"))
    draft.save()
    factories.event(status=PublishStatus.DRAFT).documents.add(draft)

    assert Client().get(document.get_absolute_url())["Cache-Control"] == "public, max-age=3600"
    private = superuser_client.get(draft.get_absolute_url())
    assert private.status_code == 200
    assert "no-store" in private["Cache-Control"] and "public" not in private["Cache-Control"]


def test_a_response_that_sets_a_cookie_is_never_public(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.cookies
    assert "public" not in response["Cache-Control"]
