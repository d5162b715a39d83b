"""What a page-cache hit costs and skips (razon/pagecache.py `PageCacheMiddleware`): it is
answered before the sessions, language, CSRF, authentication and messages middleware, with
the same headers and a working CSRF token; the generations' read is the connection's health
check; and a registration renews only its own event's seats."""

import re
from unittest import mock

import pytest
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from events.models import Registration
from razon import pagecache
from razon.models import PageCacheGeneration
from tests import factories
from tests.events.conftest import confirm, valid_data

FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Each response's own: the token is in the cookie, the request id and length per response.
PER_RESPONSE = {"Set-Cookie", "X-Request-ID"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RAZON_PAGE_CACHE = True


def _spy(monkeypatch, cls, method):
    calls = []
    original = getattr(cls, method)

    def spy(self, request, *args):
        calls.append(request.path)
        return original(self, request, *args)

    monkeypatch.setattr(cls, method, spy)
    return calls


def test_a_hit_is_answered_before_sessions_and_messages(db, monkeypatch):
    factories.post(title="Een bericht")
    url = reverse("news:list")
    sessions = _spy(monkeypatch, SessionMiddleware, "process_request")
    messages = _spy(monkeypatch, MessageMiddleware, "process_request")

    Client().get(url)  # rendered, then stored
    assert sessions == messages == [url]
    hit = Client().get(url)

    assert hit.status_code == 200 and "Een bericht" in hit.content.decode()
    assert sessions == messages == [url]  # not run again


def test_a_hit_has_the_headers_of_the_rendered_page(db):
    factories.post(title="Een bericht")
    url = reverse("news:list")
    rendered = Client().get(url)
    hit = Client().get(url)

    names = {name for name, _value in rendered.items()} - PER_RESPONSE
    assert names == {name for name, _value in hit.items()} - PER_RESPONSE
    for name in names - {"ETag"}:  # the tag is the visitor's (their CSRF cookie)
        assert hit[name] == rendered[name], name
    assert {"X-Frame-Options", "Content-Security-Policy", "Content-Language"} <= names
    assert int(hit["Content-Length"]) == len(hit.content)
    assert hit.cookies["csrftoken"].value != rendered.cookies["csrftoken"].value


def test_the_token_of_a_hit_is_accepted_by_the_form_it_came_with(db):
    event = factories.event(title="Werksessie", registration_enabled=True, capacity=5)
    url = reverse("events:register", args=[event.slug])
    Client().get(url)  # stored
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(url)
    token = FORM_TOKEN.search(page.content.decode()).group(1)

    sent = visitor.post(url, {**valid_data(), "csrfmiddlewaretoken": token})

    assert sent.status_code == 302
    assert Registration.objects.filter(event=event).count() == 1


def test_a_visitor_with_a_session_or_a_body_is_not_answered_early(db, client, monkeypatch):
    url = reverse("privacy")
    client.get(url)
    sessions = _spy(monkeypatch, SessionMiddleware, "process_request")

    Client().get(url, HTTP_COOKIE="sessionid=abc")
    Client().generic("GET", url, "x" * 10, content_type="text/plain")

    assert sessions == [url, url]


def test_a_path_with_a_control_character_is_refused_even_when_its_key_is_stored(db):
    """The key is a digest of its parts joined by line breaks: a path holding one must never
    reach a stored page (it is refused further on)."""
    url = reverse("news:list")
    Client().get(url, {"pagina": "1"})

    assert Client().get(f"{url}%0Apagina=1").status_code == 400


def test_an_entry_is_served_only_with_its_topics_generations(db):
    post = factories.post(title="Oud")
    url = reverse("news:list")
    Client().get(url)
    Client().get(url)  # from the cache

    post.title = "Nieuw"
    post.save()

    assert "Nieuw" in Client().get(url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_read_of_the_generations_is_the_connections_health_check(settings):
    connection.ensure_connection()
    connection.health_check_enabled, connection.health_check_done = True, False
    with mock.patch.object(connection, "is_usable") as health_check:
        pagecache.current_generations(["news"])
    assert not health_check.called
    assert connection.health_check_done


@pytest.mark.django_db(transaction=True)
def test_a_dropped_connection_is_replaced_as_the_health_check_would(settings):
    PageCacheGeneration.renew(["news"])
    connection.ensure_connection()
    connection.health_check_enabled, connection.health_check_done = True, False
    read = PageCacheGeneration.read.__func__
    calls = []

    def fails_once(cls, topics):
        calls.append(topics)
        if len(calls) == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return read(cls, topics)

    with (
        mock.patch.object(PageCacheGeneration, "read", classmethod(fails_once)),
        mock.patch.object(connection, "close", wraps=connection.close) as close,
    ):
        generations = pagecache.current_generations(["news"])

    assert set(generations) == {"news"}
    assert len(calls) == 2
    close.assert_called_once()  # a new connection for the second read


def test_a_registration_renews_only_its_events_seats(db, settings, monkeypatch):
    settings.RAZON_FORM_MIN_SECONDS = 0
    event = factories.event(title="Werksessie", registration_enabled=True, capacity=5)
    renewed = []
    renew = PageCacheGeneration.renew.__func__

    def spy(cls, topics):
        renewed.append(sorted(topics))
        return renew(cls, topics)

    monkeypatch.setattr(PageCacheGeneration, "renew", classmethod(spy))
    sent = Client().post(reverse("events:register", args=[event.slug]), valid_data())
    assert sent.status_code == 302
    assert renewed == []  # waiting for confirmation: no seat taken

    confirm(Client(), Registration.objects.get(event=event))

    assert renewed == [[f"seats:{event.slug}"]]
