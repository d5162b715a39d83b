"""The page cache refreshes what a change touches, not everything (razon/pagecache.py,
topics): every public page is cached, one change is made, and every page is asked for
again; the test names the exact pages each kind of change renders again, and checks that
every page, rendered again or served from the cache, is what the site shows without the
cache. A last test checks each cached view against the tables it reads."""

import re

import pytest
from django.apps import apps
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import resolve, reverse

from alliances.models import Alliance, Person
from bench import dataset
from bench.pages import Page, public_pages
from events import services
from events.models import Event, Registration
from news.models import Post
from partnerships.models import Partnership
from razon import pagecache
from razon.models import Document
from regions.models import EducationRegion
from routes.models import Route
from tests import factories
from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import confirm, valid_data

VOLATILE = [
    re.compile(r'("X-CSRFToken": ")[^"]+(")'),
    re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")'),
    re.compile(r'(name="started" value=")[^"]+(")'),
    re.compile(r"(DTSTAMP:)\w+()"),  # the calendar's "made at"
]
NOT_STORED = {"partnerships fragment", "search", "search fragment", "contact fragment"}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RAZON_PAGE_CACHE = True
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_REGISTRATION_RATE_LIMIT = 1000
    settings.RAZON_CONTACT_RATE_LIMIT = 1000


@pytest.fixture
def site(demo):
    """The demo site, its event open for registration, and every public page once."""
    event = Event.objects.get(pk=_event_of(public_pages()).pk)
    event.registration_enabled, event.capacity = True, 40
    event.registration_opens_at = event.registration_closes_at = None
    event.save()
    pages, seen = [], set()
    for page in [*public_pages(), Page("search page", reverse("search"))]:
        if page.name not in NOT_STORED and (page.path, page.target) not in seen:
            seen.add((page.path, page.target))
            pages.append(page)
    return event, pages


def _event_of(pages):
    (page,) = [page for page in pages if page.name == "event detail"]
    return Event.objects.get(slug=page.path.rstrip("/").rsplit("/", 1)[1])


def _normalised(response):
    text = response.content.decode()
    for pattern in VOLATILE:
        text = pattern.sub(r"\1…\2", text)
    return text


def _rendered_again(pages, change, settings, monkeypatch):
    """The names of the pages rendered again after `change`; asserts that every page is
    what the site shows without the cache."""
    for page in pages:
        assert Client().get(page.path, headers=page.headers).status_code == 200, page
    stored = []
    store = pagecache.cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("pagecache:page:"):
            stored.append(key)
        return store(key, value, timeout, **kwargs)

    monkeypatch.setattr(pagecache.cache, "set", spy)
    change()
    rendered = set()
    for page in pages:
        before = len(stored)
        cached = Client().get(page.path, headers=page.headers)
        if len(stored) > before:
            rendered.add(page.name)
        settings.RAZON_PAGE_CACHE = False
        fresh = Client().get(page.path, headers=page.headers)
        settings.RAZON_PAGE_CACHE = True
        assert _normalised(cached) == _normalised(fresh), f"{page.name} is stale"
    return rendered


# The pages of the walk by what they show (each kind of page once, see `site`).
HOME, SEARCH = {"home"}, {"search page"}
ALLIANCE = {"alliance"}
ORGANIZATIONS = {"organizations", "organizations filtered", "organizations fragment"}
ORGANIZATIONS |= {"organizations CSV"}
REGIONS = {"regio overview", "onderwijsregio's", "onderwijsregio's filtered"}
REGIONS |= {"onderwijsregio's fragment", "RAP projects", "RAP projects filtered"}
REGIONS |= {"RAP projects fragment", "RAP project detail"}
REGIONS |= {"onderwijsregio's JSON", "RAP projects CSV"}
MAP = {"map", "map panel fragment", "map municipality panel fragment"}
MAP |= {"map RAP layer", "map partnerships layer", "map reach layer"}
MAP |= {"map reach of an organisation", "map reach of a partnership"}
PARTNERSHIPS = {"partnerships", "partnerships filtered", "partnerships tab fragment"}
PARTNERSHIPS |= {"partnerships board options", "partnerships board options fragment"}
PARTNERSHIPS |= {"partnerships by region", "partnerships by board"}
PARTNERSHIPS |= {"partnerships JSON"}
# The agenda's export also names each event's organisers and partnerships.
AGENDA_EXPORT = {"agenda CSV"}
AGENDA = {"agenda", "agenda filtered", "agenda fragment", "agenda.ics"} | AGENDA_EXPORT
POSTS = {"posts", "posts filtered", "posts fragment", "posts more fragment"}
FEEDS = {"feed RSS", "feed Atom"}
EVENT = {"event detail", "event registration", "event calendar"}
# The network view and its ties' export show alliances, partnerships, regions and sectors.
NETWORK = {"network", "network filtered", "network fragment", "network region options"}
NETWORK |= {"network selected", "network panel fragment", "network ties CSV"}
DETAILS = {"organization detail", "onderwijsregio detail", "partnership detail", "post detail"}
DETAILS |= {"board detail"}  # an organisation's page too, of a board with schools
# The routes' finder and open data show routes and their institutes; a route's page also its
# partnerships, information meetings and posts.
ROUTES = {"routes finder", "routes finder filtered", "routes finder fragment", "routes JSON"}
ROUTE = {"route detail"}
# The pages of the organisations, meetings and partnerships that list routes.
ROUTE_PAGES = {"event detail", "organization detail", "board detail", "partnership detail"}
# The compare page of the scale-level conversations names each board's onderwijsregio.
COMPARE = {"conversations compare", "conversations compare chosen"}
COMPARE |= {"conversations compare fragment"}
# The scale-level conversation's start page shows the example board and links the 2024 session.
CONVERSATIONS_START = {"conversations"}
NEVER = {"contact", "privacy", "open data"}  # no content from the database


def _edit(model, **fields):
    def change():
        item = model.objects.filter(**fields.pop("where", {})).first()
        for name, value in fields.items():
            setattr(item, name, value)
        item.save()

    return change


def _register(event, **data):
    return lambda: Client().post(reverse("events:register", args=[event.slug]), valid_data(**data))


def _register_and_confirm(event):
    def change():
        _register(event, email="nieuw@school.example")()
        confirm(Client(), Registration.objects.get(email="nieuw@school.example"))

    return change


def _cancel_confirmed(event):
    registration = factories.registration(event)  # confirmed, before the pages are cached

    def change():
        services.cancel(registration.pk)

    return change


def _register_again(event):
    factories.registration(event, email="zeker@school.example")  # confirmed
    return _register(event, email="zeker@school.example")


def _register_elsewhere():
    other = factories.event(title="Een andere bijeenkomst")  # before the pages are cached
    return lambda: factories.registration(other)


def _upload():
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = Document(title="Verslag", slug="verslag-nieuw", content_type="application/pdf")
    document.file.save("verslag.pdf", SimpleUploadedFile("verslag.pdf", b"%PDF-1.4"), save=False)
    document.size = 8
    document.save()


def _hidden_person():
    person = factories.person(name="Niet openbaar", is_public=False)

    def change():
        person.role = "Adviseur"
        person.save()

    return change


CHANGES = {
    "a post edit": (
        lambda event: _edit(Post, title="Een andere titel", where={"status": "published"}),
        HOME | POSTS | FEEDS | DETAILS | {"event detail", "RAP project detail"} | SEARCH | ROUTE,
    ),
    "an event edit": (
        lambda event: _edit(Event, title="Een andere bijeenkomst", where={"pk": event.pk}),
        # An organisation's page lists its events (a board's page too).
        HOME
        | AGENDA
        | EVENT
        | {"post detail", "organization detail", "board detail"}
        | SEARCH
        | ROUTE
        | CONVERSATIONS_START,
    ),
    "a confirmed registration": (_register_and_confirm, EVENT),
    "a cancelled registration that held a seat": (_cancel_confirmed, EVENT),
    "an unconfirmed registration": (lambda event: _register(event), set()),
    "an address registered again": (lambda event: _register_again(event), set()),
    "a registration set aside as spam": (
        lambda event: _register(event, website="http://spam.example"),
        set(),
    ),
    "a registration for another event": (lambda event: _register_elsewhere(), set()),
    "a partnership edit": (
        lambda event: _edit(Partnership, name="Een ander partnerschap"),
        # /regio/ counts the partnerships (per sector group and region); the regiokaart
        # draws them (the partnerships and reach layers, the municipality panel).
        # The home counts the partnerships (#22).
        HOME
        | PARTNERSHIPS
        | MAP
        | DETAILS
        | EVENT
        | SEARCH
        | {"regio overview", "RAP project detail"}
        | NETWORK
        | AGENDA_EXPORT
        | ROUTE,
    ),
    "a region edit": (
        lambda event: _edit(EducationRegion, name="Een andere regio"),
        # The home counts the onderwijsregio's and draws them small (#22).
        HOME | REGIONS | MAP | PARTNERSHIPS | DETAILS | SEARCH | NETWORK | COMPARE,
    ),
    "a document upload": (lambda event: _upload, EVENT | SEARCH),
    "an alliance edit": (
        lambda event: _edit(Alliance, name="Een andere alliantie", where={"is_main": True}),
        HOME
        | ALLIANCE
        | ORGANIZATIONS
        | REGIONS
        | MAP
        | PARTNERSHIPS
        | DETAILS
        | EVENT
        | SEARCH
        | AGENDA_EXPORT
        | NETWORK
        | ROUTES
        | ROUTE,
    ),
    "a route edit": (
        lambda event: _edit(Route, name="Een andere route"),
        # An institute's, an information meeting's and a partnership's page list their routes.
        ROUTES | ROUTE | SEARCH | ROUTE_PAGES,
    ),
    "a route tied to another partnership": (
        lambda event: lambda: Route.objects.first().partnerships.clear(),
        ROUTES | ROUTE | SEARCH | ROUTE_PAGES,
    ),
    "a public person edit": (
        lambda event: _edit(Person, name="Een ander persoon", where={"is_public": True}),
        # The home no longer shows the contact people (#22).
        ALLIANCE | MAP | POSTS | FEEDS | DETAILS - {"organization detail", "board detail"} | SEARCH,
    ),
    "a person hidden from the site": (
        lambda event: _edit(Person, is_public=False, where={"is_public": True}),
        # The home no longer shows the contact people (#22).
        ALLIANCE | MAP | POSTS | FEEDS | DETAILS - {"organization detail", "board detail"} | SEARCH,
    ),
    "an edit of a person not on the site": (lambda event: _hidden_person(), set()),
    "a contact message": (
        lambda event: lambda: Client().post(reverse("contact:form"), contact_data()),
        set(),
    ),
}


@pytest.mark.parametrize("kind", CHANGES)
def test_a_change_renders_again_exactly_the_pages_that_show_it(kind, site, settings, monkeypatch):
    event, pages = site
    make, expected = CHANGES[kind]
    change = make(event)

    rendered = _rendered_again(pages, change, settings, monkeypatch)

    assert rendered == expected
    assert not rendered & NEVER


TABLE = re.compile(r'(?:FROM|JOIN)\s+"?(\w+)"?')


def test_every_cached_view_names_the_topics_of_every_table_it_reads(demo, settings):
    """Each page rendered without the page cache (and with empty caches), on the demo and
    the generated content: the content tables it reads must each belong to a topic the view
    depends on. A view that reads something new without saying so fails here."""
    settings.RAZON_PAGE_CACHE = False
    dataset.load(0.01)
    families = {
        model._meta.db_table: {
            re.split(r"[:{]", topic)[0] for topic in pagecache.model_topics(model)
        }
        for model in apps.get_models(include_auto_created=True)
    }
    for page in public_pages():
        view = resolve(page.path.split("?")[0]).func
        if not hasattr(view, "depends_on"):
            continue  # never cached (a live conversation board): nothing to refresh
        depends_on = view.depends_on
        declared = (
            set(pagecache.all_topics())
            if depends_on is None
            else {re.split(r"[:{]", topic)[0] for topic in depends_on} | {pagecache.SITE_TOPIC}
        )
        tables = set()

        def spy(execute, sql, params, many, context, tables=tables):
            tables.update(TABLE.findall(sql))
            return execute(sql, params, many, context)

        for cache in caches.all():
            cache.clear()
        with connection.execute_wrapper(spy):
            assert Client().get(page.path, headers=page.headers).status_code == 200
        read = set().union(*(families.get(table, set()) for table in tables))
        assert read <= declared, f"{page.name} reads {sorted(read - declared)}"
