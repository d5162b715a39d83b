"""The page cache (razon/pagecache.py): what is the same for every visitor is served from the
cache; the CSRF token and a form's start time are each visitor's own; any content change
and any scheduled moment ends an entry's life; a fragment is never served as a page."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench import dataset
from bench.pages import public_pages
from razon import pagecache
from razon.models import PublishStatus
from tests import factories

TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')
FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')
# Pages of bench.pages that are rendered for every visitor: search words are free text, and
# the contact form's fragment notes the page it was opened on (HX-Current-URL).
NOT_STORED = {"partnerships fragment", "search", "search fragment", "contact fragment"}
# The scale-level conversation's live boards are never stored (conversations/).
NOT_STORED |= {"conversation board", "conversation board fragment"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RAZON_PAGE_CACHE = True


def _tokens(response):
    html = response.content.decode()
    return set(TOKEN.findall(html)) | set(FORM_TOKEN.findall(html))


def _secret(client):
    return client.cookies["csrftoken"].value


def test_two_visitors_never_receive_each_others_token_on_any_page_or_fragment(
    demo, django_assert_max_num_queries
):
    dataset.load(0.01)
    for page in public_pages():
        first, second = Client(), Client()
        one = first.get(page.path, headers=page.headers)
        if page.name in NOT_STORED:
            two = second.get(page.path, headers=page.headers)
        else:
            # The second visitor is served from the cache: at most one query, the
            # generations of the page's topics (none for a page that shows no content).
            with django_assert_max_num_queries(1, info=page.name):
                two = second.get(page.path, headers=page.headers)

        assert one.status_code == two.status_code == 200, page
        assert pagecache.CSRF_PLACEHOLDER not in two.content.decode(), page
        if not _tokens(one):
            continue  # feeds and calendars carry no token
        # Each visitor's tokens all unmask to the secret in that visitor's own cookie.
        assert {_unmask_cipher_token(t) for t in _tokens(one)} == {_secret(first)}, page
        assert {_unmask_cipher_token(t) for t in _tokens(two)} == {_secret(second)}, page
        assert _secret(first) != _secret(second)
        assert not _tokens(one) & _tokens(two), page


def test_no_response_carries_a_csp_nonce(client, demo):
    dataset.load(0.01)
    for page in public_pages():
        for _visit in range(2):
            response = client.get(page.path, headers=page.headers)
            assert "nonce-" not in response.headers.get("Content-Security-Policy", ""), page
            assert "nonce=" not in response.content.decode(), page


def test_a_visitor_keeps_their_own_token_on_a_cached_page(client, db):
    factories.post(title="Eerste bericht")
    client.get(reverse("news:list"))
    secret = _secret(client)

    response = Client().get(reverse("news:list"))  # another visitor; then ours again
    again = client.get(reverse("news:list"))

    assert {_unmask_cipher_token(t) for t in _tokens(again)} == {secret}
    assert _secret(client) == secret
    assert response.status_code == 200


def test_each_response_of_a_form_gets_a_fresh_start_time(client, db):
    event = factories.event(registration_enabled=True, capacity=10)
    path = reverse("events:register", args=[event.slug])

    starts = {STARTED.search(Client().get(path).content.decode()).group(1) for _ in range(3)}

    assert len(starts) == 3


def test_a_fragment_is_never_served_as_a_page_or_the_reverse(client, db):
    factories.post(title="Een bericht")
    url = reverse("news:list")
    htmx = {"HX-Request": "true", "HX-Target": "directory"}

    fragment = client.get(url, headers=htmx)
    page = client.get(url)
    fragment_again = client.get(url, headers=htmx)

    assert "<html" not in fragment.content.decode()
    assert "<html" in page.content.decode()
    assert "<html" not in fragment_again.content.decode()
    for response in (fragment, page, fragment_again):
        vary = {part.strip() for part in response["Vary"].split(",")}
        assert {"HX-Request", "Cookie"} <= vary


def test_a_header_htmx_does_not_count_as_htmx_cannot_store_a_page_under_a_fragments_key(db):
    factories.partnership(name="Partnerschap Oost", sector_group="vo-mbo")
    url = reverse("partnerships:list") + "?sector=vo-mbo"

    for not_htmx in ("false", "1", "True"):
        Client().get(url, headers={"HX-Request": not_htmx, "HX-Target": "directory"})
        tab = Client().get(url, headers={"HX-Request": "true", "HX-Target": "directory"})

        assert "<html" not in tab.content.decode(), not_htmx
        assert 'id="directory"' in tab.content.decode()


def test_the_contact_form_notes_each_visitors_own_page(db):
    url = reverse("contact:form")
    opened_on = {"HX-Request": "1", "HX-Current-URL": "http://testserver/berichten/"}
    Client().get(url, headers=opened_on)  # not htmx: the whole page, without the page

    for page in ("/berichten/", "/agenda/"):
        headers = {"HX-Request": "true", "HX-Current-URL": f"http://testserver{page}"}
        fragment = Client().get(url, headers=headers).content.decode()

        assert "<html" not in fragment
        assert f'name="page" value="{page}"' in fragment


def test_made_up_parameters_and_headers_add_no_entries(db, monkeypatch):
    region = factories.education_region(name="Regio Oost")
    factories.partnership(name="Partnerschap Oost", sector_group="vo-mbo", education_region=region)
    privacy, news = reverse("privacy"), reverse("news:list")
    partnerships, regiokaart = reverse("partnerships:list"), reverse("regions:map")
    stored = set()
    store = pagecache.cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("pagecache:page:"):
            stored.add(key)
        return store(key, value, timeout, **kwargs)

    monkeypatch.setattr(pagecache.cache, "set", spy)
    asked_for = [
        (privacy, {}),
        (f"{partnerships}?sector=vo-mbo&regio={region.slug}&sorteer=-grootte", {}),
        (f"{partnerships}?sector=vo-mbo", {"HX-Request": "true", "HX-Target": "results"}),
        (f"{news}?pagina=1", {}),
        (f"{regiokaart}?laag=onderwijsregios&regio={region.slug}", {}),
    ]
    for url, headers in asked_for:
        Client().get(url, headers=headers)
    assert len(stored) == len(asked_for)
    legitimate = set(stored)

    def junk(n):
        """Ten thousand made-up query strings, htmx targets and HX-Current-URLs, most on a
        page that renders quickly, some on each kind of page that reads its parameters."""
        for i in range(n):
            yield f"{privacy}?utm_source=nieuwsbrief-{i}", {}
            yield f"{privacy}?{i}=", {}
            yield f"{privacy}?a={i}&a={i}", {}
            yield f"{privacy}?" + "&" * (i % 300), {}
            yield f"{privacy}?zoek={'x' * (i % 250)}", {"HX-Request": "true", "HX-Target": f"t{i}"}
            if i % 200 == 0:
                yield f"{partnerships}?zoek=woord{i}", {}
                yield f"{partnerships}?regio=nergens-{i}&sector=vo-mbo", {}
                yield f"{partnerships}?sector=x{i}", {}
                yield f"{partnerships}?sector=&erkenning={i}", {}
                yield f"{partnerships}?sector=vo-mbo&sector=vo-mbo&p={i}", {}
                yield f"{partnerships}?sector=vo-mbo", {"HX-Request": "true", "HX-Target": f"t{i}"}
                yield f"{news}?pagina={i + 2}", {}
                yield f"{regiokaart}?regio=nergens-{i}", {}
                yield f"{regiokaart}?laag=kaart-{i}", {}
                current = {"HX-Request": "true", "HX-Current-URL": f"http://testserver/x{i}/"}
                yield reverse("contact:form"), current

    visitor, asked = Client(), 0
    for url, headers in junk(2000):
        # (200, or 302 to the address without its empty parameters: neither is stored)
        assert visitor.get(url, headers=headers).status_code in (200, 302), url
        asked += 1
    assert asked >= 10_000

    assert stored == legitimate


def test_the_language_is_part_of_the_key(client, db):
    client.get(reverse("privacy"))
    client.cookies["django_language"] = "en"

    english = client.get(reverse("privacy"))

    assert '<html lang="en">' in english.content.decode()


def test_saving_deleting_and_bulk_publishing_show_at_once(client, db, superuser):
    post = factories.post(title="Oud bericht")
    url = reverse("news:list")
    assert "Oud bericht" in client.get(url).content.decode()

    post.title = "Nieuwe titel"
    post.save()
    assert "Nieuwe titel" in client.get(url).content.decode()

    draft = factories.post(title="Nog een concept", status=PublishStatus.DRAFT)
    assert "Nog een concept" not in client.get(url).content.decode()
    admin = Client()
    admin.force_login(superuser)
    admin.post(
        reverse("admin:news_post_changelist"),
        {"action": "make_published", "_selected_action": [draft.pk]},
    )
    assert "Nog een concept" in client.get(url).content.decode()

    post.delete()
    assert "Nieuwe titel" not in client.get(url).content.decode()


def test_with_the_database_down_a_cached_page_is_still_served(client, db):
    factories.post(title="Een bericht")
    url = reverse("news:list")
    client.get(url)

    down = OperationalError("the database is down")
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=down):
        response = Client().get(url)

    assert response.status_code == 200
    assert "Een bericht" in response.content.decode()


def test_a_relation_change_shows_at_once(client, db):
    partnership = factories.partnership(name="Partnerschap Oost")
    post = factories.post(title="Over het partnerschap")
    url = partnership.get_absolute_url()
    assert "Over het partnerschap" not in client.get(url).content.decode()

    post.partnerships.add(partnership)

    assert "Over het partnerschap" in client.get(url).content.decode()


def test_an_entry_never_outlives_the_next_scheduled_publication(client, db, monkeypatch):
    soon = timezone.now() + timedelta(minutes=5)
    factories.post(title="Gepland bericht", publish_at=soon)
    factories.post(title="Later gepland", publish_at=soon + timedelta(days=2))
    expiries = []
    store = pagecache.cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("pagecache:page:"):
            expiries.append(time.time() + timeout)
        return store(key, value, timeout, **kwargs)

    monkeypatch.setattr(pagecache.cache, "set", spy)

    assert "Gepland bericht" not in client.get(reverse("news:list")).content.decode()

    assert (
        pagecache.horizon(pagecache.current_generations(pagecache.all_topics())) == soon.timestamp()
    )
    assert expiries and all(expiry <= soon.timestamp() for expiry in expiries)


def test_event_times_bound_an_entry_as_well(db):
    starts = timezone.now() + timedelta(minutes=10)
    factories.event(starts_at=starts, ends_at=starts + timedelta(hours=1))

    assert (
        pagecache.horizon(pagecache.current_generations(pagecache.all_topics()))
        == starts.timestamp()
    )


def test_a_registration_changes_the_event_page_at_once(client, db):
    event = factories.event(registration_enabled=True, capacity=1, waiting_list=True)
    url = event.get_absolute_url()
    before = client.get(url).content.decode()

    factories.registration(event)

    assert client.get(url).content.decode() != before


def test_a_registration_changes_its_events_pages_and_leaves_the_rest_cached(
    client, db, django_assert_num_queries
):
    from events.models import RegistrationStatus

    event = factories.event(registration_enabled=True, capacity=5)
    other = factories.event(registration_enabled=True, capacity=5)
    urls = {
        "event": event.get_absolute_url(),
        "form": reverse("events:register", args=[event.slug]),
        "other": other.get_absolute_url(),
        "home": "/",
        "agenda": reverse("events:list"),
    }
    before = {name: client.get(url).content.decode() for name, url in urls.items()}
    assert "Nog 5 plaatsen vrij." in before["event"]
    assert "Nog 5 plaatsen vrij." in before["form"]

    # Waiting for confirmation holds no seat: nothing any page shows changes.
    registration = factories.registration(event, status=RegistrationStatus.PENDING)
    with django_assert_num_queries(1):  # from the cache: its topics' generations
        assert "Nog 5 plaatsen vrij." in Client().get(urls["event"]).content.decode()
    registration.status = RegistrationStatus.CONFIRMED
    registration.save()

    for name in ["event", "form"]:
        after = Client().get(urls[name]).content.decode()
        assert "Nog 4 plaatsen vrij." in after, name
    for name in ["other", "home", "agenda"]:
        # Still the stored entries: their topics' generations only.
        with django_assert_num_queries(1, info=name):
            Client().get(urls[name])
    registration.delete()
    assert "Nog 5 plaatsen vrij." in Client().get(urls["event"]).content.decode()


def test_logged_in_visitors_are_not_served_from_the_cache(
    superuser_client, db, django_assert_max_num_queries
):
    factories.post(title="Een bericht")
    url = reverse("news:list")
    Client().get(url)  # cached for anonymous visitors

    with django_assert_max_num_queries(50) as queries:
        superuser_client.get(url)

    assert len(queries) > 0


def test_off_by_default_in_tests_and_development(
    settings, client, db, django_assert_max_num_queries
):
    settings.RAZON_PAGE_CACHE = False
    factories.post(title="Een bericht")
    client.get(reverse("news:list"))

    with django_assert_max_num_queries(20) as queries:
        client.get(reverse("news:list"))

    assert len(queries) > 0
