"""A person marked not public (`Person.is_public` off) appears on no public page, htmx
fragment, feed, calendar, export, search result, sitemap, JSON-LD or mail to a visitor.

The walk is derived from the URL resolver (tests/routes.py): every public route with its
demo value, each also with the person's first name as search words (`?zoek=`), and every htmx
request those pages make themselves (each `hx-get` with its `hx-target`, as a fragment and
as a page: the filter forms, tabs, paging, the regiokaart panel). A page added later is
walked without touching this file. The same walk with the person public finds them on the
pages that should show them: proof that the walk reaches every place a person is tied to."""

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.core import mail
from django.urls import resolve

from alliances.models import Alliance, AllianceContact, Organization, Person
from events.models import Event, PendingMail
from news.models import Post
from partnerships.models import Partnership, PartnershipContact
from razon import search
from regions.models import EducationRegion
from tests import factories
from tests.routes import demo_paths

pytestmark = pytest.mark.django_db

FIRST_NAME = "Quirina"
NAME = f"{FIRST_NAME} Verborgenhuis"
ROLE = "Geheimhouder Zuidoost"
EMAIL = "quirina.verborgenhuis@example.org"
PHONE = "024 111 2233"
# What would betray the person, as it can appear in a response (lowercase, unescaped). Not
# the first name alone: the walk searches for it, and a page may repeat the search words.
TRACES = [NAME, "verborgenhuis", ROLE, EMAIL, PHONE, PHONE.replace(" ", "")]
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)

# Where the person, when public, must show: the alliance pages and the home page (contact),
# the partnership and onderwijsregio pages and the regiokaart panel (contact), the posts'
# bylines (overview, its filter fragment, post page and its JSON-LD, the feeds), the site
# search (the person and their posts, found by name).
SHOWN_WHEN_PUBLIC = {  # (the home names no contact people since #22: the alliance page does)
    "search",
    "alliances:alliance",
    "alliances:detail",
    "partnerships:detail",
    "regions:education_region",
    "regions:map",
    "regions:map#map-panel",
    "news:list",
    "news:list#results",
    "news:detail",
    "news:detail JSON-LD",
    "news:feed",
    "news:feed_atom",
    "news:feed_kind",
    "news:feed_atom_kind",
}


@pytest.fixture
def person(demo, settings):
    """A person with a distinctive name, role, e-mail and phone, tied to everything a person
    can be tied to: contact of every alliance, partnership and onderwijsregio (so also of the
    regiokaart's regions), author of every post (without a free-text byline), and in the
    organisation whose page the walk opens. (RAP projects and events hold no person.)"""
    settings.RAZON_PAGE_CACHE = True  # as in production: a change must reach cached pages
    person = Person.objects.create(
        name=NAME,
        role=ROLE,
        email=EMAIL,
        phone=PHONE,
        organization=Organization.objects.published().first(),
    )
    for alliance in Alliance.objects.all():
        AllianceContact.objects.create(alliance=alliance, person=person, position=0)
    for partnership in Partnership.objects.all():
        PartnershipContact.objects.create(partnership=partnership, person=person)
    EducationRegion.objects.update(contact=person)
    Post.objects.update(author=person, author_name="", author_role="")
    search.rebuild()  # the updates above send no signals
    return person


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}


class HtmxRequests(HTMLParser):
    """The htmx GET requests a page makes: (address, target id) of each element with a
    `data-hx-get` and a `data-hx-target="#id"`, its own or inherited from an ancestor (as htmx
    does)."""

    def __init__(self):
        super().__init__()
        self.found = set()
        self.targets = []  # (tag, the data-hx-target in force inside it)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inherited = self.targets[-1][1] if self.targets else ""
        target = attrs.get("data-hx-target") or inherited
        if attrs.get("data-hx-get") is not None and target.startswith("#"):
            self.found.add((attrs["data-hx-get"], target[1:]))
        if tag not in VOID:
            self.targets.append((tag, target))

    def handle_endtag(self, tag):
        for index in range(len(self.targets) - 1, -1, -1):
            if self.targets[index][0] == tag:
                del self.targets[index:]
                break


def body_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


def label(path, target=""):
    name = resolve(urlsplit(path).path).view_name
    return f"{name}#{target}" if target else name


def walk(client):
    """{label: [texts]} of every public response the walk gets, and of every mail the mail
    worker sends to visitors (label "mail")."""
    texts = {}

    def get(path, target=""):
        headers = {"HX-Request": "true", "HX-Target": target} if target else {}
        response = client.get(path, headers=headers)
        assert response.status_code in {200, 301, 302}, (path, target, response.status_code)
        body = body_of(response)
        texts.setdefault(label(path, target), []).append(html.unescape(body).lower())
        for script in JSON_LD.findall(body):
            texts.setdefault(f"{label(path, target)} JSON-LD", []).append(script.lower())
        return body

    htmx = set()
    for path in demo_paths().values():
        parser = HtmxRequests()
        parser.feed(get(path))
        get(f"{path}?{urlencode({'zoek': FIRST_NAME})}")
        htmx |= {(urljoin(path, address), target) for address, target in parser.found}
    assert {target for _address, target in htmx} >= {"results", "map-panel", "more"}
    for address, target in sorted(htmx):
        if address.startswith("/"):
            get(address, target)
            get(address)
    return texts


def mails_to_visitors(mail_worker_pass):
    """Every mail a visitor gets (the registration mails of the demo's next event), sent."""
    event = Event.objects.published().upcoming().first()
    mail_worker_pass()  # what else the demo owes (a scale-level board's management link)
    for kind in PendingMail.values:
        if kind:
            factories.registration(event, pending_mail=kind)
    mail.outbox.clear()
    mail_worker_pass()
    assert len(mail.outbox) == len(PendingMail.values) - 1
    return [
        html.unescape(
            " ".join([message.subject, message.body])
            + " ".join(content for content, _type in getattr(message, "alternatives", []))
        ).lower()
        for message in mail.outbox
    ]


def showing(texts):
    """The labels of the responses that show a trace of the person."""
    traces = [trace.lower() for trace in TRACES]
    return {
        name
        for name, found in texts.items()
        if any(trace in text for text in found for trace in traces)
    }


def test_a_person_not_public_appears_nowhere_and_public_where_tied(
    client, person, mail_worker_pass
):
    public = walk(client)
    shown = showing(public)
    assert shown >= SHOWN_WHEN_PUBLIC, SHOWN_WHEN_PUBLIC - shown  # the walk reaches them
    reached = {"sitemap", "search", "partnerships:export_csv", "partnerships:export_json"}
    reached |= {
        f"{name}_{format}"
        for name in (
            "alliances:organization_export",
            "regions:education_region_export",
            "regions:rap_project_export",
            "events:export",
        )
        for format in ("csv", "json")
    }
    assert reached | {"events:calendar", "events:event_calendar"} <= set(public)

    person.is_public = False
    person.save()  # as the admin does: the cached pages must not keep showing them

    hidden = walk(client)
    hidden["mail"] = mails_to_visitors(mail_worker_pass)
    assert set(hidden) >= set(public)
    assert showing(hidden) == set()
