"""RSS and Atom feeds: well-formed XML with the elements each format requires, absolute URLs,
one feed per kind, only published posts, and nothing executable in the descriptions."""

import datetime
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from razon.models import PublishStatus, Sector
from tests import factories
from tests.hostile import HOSTILE_INPUTS, executable_parts

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts():
    po = Sector.objects.get(code="po")
    return [
        factories.post(
            title="Leerruimte",
            kind="blog",
            author_name="Miranda",
            date=datetime.date(2024, 4, 15),
            sectors=[po],
        ),
        factories.post(title="Verslag", kind="verslag", date=datetime.date(2024, 2, 21)),
        factories.post(title="Concept", kind="blog", status=PublishStatus.DRAFT),
    ]


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ElementTree.fromstring(response.content).find("channel")


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)


def test_the_rss_feed_lists_published_posts_newest_first_with_absolute_links(client, posts):
    channel = rss(client, reverse("news:feed"))

    assert channel.findtext("title") == "RA-ZON: berichten"
    assert channel.findtext("link") == "http://testserver/berichten/"
    assert channel.findtext("language") == "nl"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Leerruimte", "Verslag"]
    first = items[0]
    assert first.findtext("link") == "http://testserver/berichten/" + posts[0].slug + "/"
    assert first.findtext("guid").startswith("http://testserver/")
    assert first.findtext("pubDate") == "Mon, 15 Apr 2024 00:00:00 +0200"
    assert {c.text for c in first.findall("category")} == {"Blog", "PO"}
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Miranda"
    assert "<strong>" in first.findtext("description")  # HTML, escaped as XML text
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == "http://testserver/berichten/feed/"


def test_the_atom_feed_has_what_atom_requires(client, posts):
    feed = atom(client, reverse("news:feed_atom"))

    assert feed.findtext(f"{ATOM}title") == "RA-ZON: berichten"
    assert feed.findtext(f"{ATOM}id").startswith("http://testserver/")
    assert feed.findtext(f"{ATOM}updated")
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "RA-ZON"
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/berichten/",
        "self": "http://testserver/berichten/feed/atom/",
    }
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Leerruimte", "Verslag"]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id").startswith("http://testserver/berichten/")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
        assert entry.findtext(f"{ATOM}updated") and entry.findtext(f"{ATOM}published")
        assert entry.findtext(f"{ATOM}summary")
    assert entries[0].find(f"{ATOM}author/{ATOM}name").text == "Miranda"


@pytest.mark.parametrize(
    ("kind", "expected"), [("blog", ["Leerruimte"]), ("verslag", ["Verslag"]), ("nieuws", [])]
)
def test_each_kind_has_its_own_feeds(client, posts, kind, expected):
    channel = rss(client, reverse("news:feed_kind", args=[kind]))
    feed = atom(client, reverse("news:feed_atom_kind", args=[kind]))

    assert [item.findtext("title") for item in channel.findall("item")] == expected
    assert [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")] == expected
    assert channel.findtext("link") == f"http://testserver/berichten/?soort={kind}"


@pytest.mark.parametrize("path", ["/berichten/feed/bestaat-niet/", "/berichten/feed/x/atom/"])
def test_an_unknown_kind_has_no_feed(client, path):
    assert client.get(path).status_code == 404


def test_feeds_follow_the_host_that_was_asked_for(client, posts, settings):
    settings.ALLOWED_HOSTS = ["www.ra-zon.example"]

    response = client.get(reverse("news:feed"), HTTP_HOST="www.ra-zon.example", secure=True)

    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.find("item").findtext("link").startswith("https://www.ra-zon.example/")


def test_a_feed_holds_the_twenty_newest(client):
    for day in range(1, 26):
        factories.post(title=f"Dag {day}", date=datetime.date(2024, 1, day))

    items = rss(client, reverse("news:feed")).findall("item")

    assert len(items) == 20
    assert items[0].findtext("title") == "Dag 25"


@pytest.mark.parametrize("text", HOSTILE_INPUTS)
def test_hostile_text_reaches_the_feed_as_nothing_executable(client, text):
    factories.post(body=text, intro="<script>alert(1)</script> inleiding")

    description = rss(client, reverse("news:feed")).find("item").findtext("description")
    summary = atom(client, reverse("news:feed_atom")).find(f"{ATOM}entry/{ATOM}summary").text

    for html in (description, summary):
        assert executable_parts(html) == []
        assert "<script" not in html


def test_the_feed_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    sectors = list(Sector.objects.all())
    for _ in range(30):
        factories.post(sectors=sectors, author=factories.person())

    # 1 the posts with their authors, 2 their sectors.
    with django_assert_num_queries(2):
        client.get(reverse("news:feed"))


def test_links_inside_an_entry_are_absolute_footnotes_included(client):
    post = factories.post(
        title="Met voetnoot",
        body="Zie de noot[^1] en [de agenda](/agenda/) of [elders](https://example.org/a).\n\n"
        "[^1]: De noot.",
    )
    base = f"http://testserver{post.get_absolute_url()}"

    description = rss(client, reverse("news:feed")).find("item").findtext("description")
    summary = (
        atom(client, reverse("news:feed_atom")).find(f"{ATOM}entry").findtext(f"{ATOM}summary")
    )

    for text in (description, summary):
        hrefs = re.findall(r'href="([^"]*)"', text)
        assert f"{base}#fn:1" in hrefs and f"{base}#fnref:1" in hrefs
        assert "http://testserver/agenda/" in hrefs and "https://example.org/a" in hrefs
        assert all(href.startswith(("http://", "https://")) for href in hrefs)


def test_the_post_pages_announce_their_feeds_with_the_plain_types(client):
    factories.post(title="Een bericht")

    html = client.get(reverse("news:list")).content.decode()

    links = re.findall(r'<link rel="alternate" type="([^"]+)"', html)
    assert set(links) == {"application/rss+xml", "application/atom+xml"}
