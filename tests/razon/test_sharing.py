"""Shared and indexed (#22): every page carries Open Graph tags with an image (its own
picture, or the site's share image), and the schema.org data reads as search engines expect
it: event places as a PostalAddress, images on events and articles, a team as an
Organization author."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from events.models import Event
from events.schema import postal_address
from news.models import Post
from tests import factories
from tests.routes import demo_paths

pytestmark = pytest.mark.django_db

SHARE_IMAGE = "http://testserver/static/img/share.png"


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.jsonld, self._in_jsonld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.meta.setdefault(attrs["property"], attrs.get("content"))
        self._in_jsonld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))
            self._in_jsonld = False


def head(response):
    parser = _Head()
    parser.feed(response.content.decode())
    return parser


def test_the_share_image_is_a_1200_by_630_png():
    with Image.open(finders.find("img/share.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


def test_every_public_page_has_open_graph_tags_with_an_image(client, demo):
    checked = 0
    for name, path in demo_paths().items():
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        tags = head(response).meta
        for tag in ("og:title", "og:description", "og:url", "og:image", "og:image:alt"):
            assert tags.get(tag), (name, tag)
        assert tags["og:image"].startswith("http://testserver/"), name
        assert tags["og:url"].startswith("http://testserver/"), name
        checked += 1
    assert checked >= 20


def test_an_item_with_a_picture_shares_its_own(client, demo):
    post = Post.objects.published().exclude(cover="").first()
    event = Event.objects.published().exclude(image="").first()

    post_tags = head(client.get(post.get_absolute_url())).meta
    event_tags = head(client.get(event.get_absolute_url())).meta
    home_tags = head(client.get("/")).meta

    assert post_tags["og:image"] == f"http://testserver{post.cover.url}"
    assert post_tags["og:image:alt"] == post.cover_alt
    assert event_tags["og:image"] == f"http://testserver{event.image.url}"
    assert home_tags["og:image"] == SHARE_IMAGE


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (
            "Radboud Universiteit, Nijmegen",
            {"addressLocality": "Nijmegen"},
        ),
        (
            "HAN, Kapittelweg 33, 6525 EN Nijmegen",
            {
                "streetAddress": "Kapittelweg 33",
                "postalCode": "6525 EN",
                "addressLocality": "Nijmegen",
            },
        ),
        ("Arnhem", {"addressLocality": "Arnhem"}),
    ],
)
def test_a_location_becomes_a_postal_address(location, expected):
    assert postal_address(location) == {
        "@type": "PostalAddress",
        "addressCountry": "NL",
        **expected,
    }


def test_an_event_page_gives_its_place_as_a_postal_address_and_an_image(client, demo):
    event = Event.objects.published().exclude(image="").exclude(location="").first()

    (data,) = head(client.get(event.get_absolute_url())).jsonld

    place = data["location"] if isinstance(data["location"], dict) else data["location"][0]
    assert place["@type"] == "Place"
    assert place["address"]["@type"] == "PostalAddress"
    assert place["address"]["addressLocality"]
    assert data["image"] == [f"http://testserver{event.image.url}"]


def test_an_event_without_a_picture_gives_the_share_image(client):
    event = factories.event(location="Zaal 1, Arnhem")

    (data,) = head(client.get(event.get_absolute_url())).jsonld

    assert data["image"] == [SHARE_IMAGE]
    assert data["location"]["address"]["addressLocality"] == "Arnhem"


def test_an_article_by_the_editorial_team_has_an_organization_author(client):
    team = factories.post(author_name="Redactie RA-ZON")
    person = factories.post(author_name="Miranda", author_role="lector")

    (team_data,) = head(client.get(team.get_absolute_url())).jsonld
    (person_data,) = head(client.get(person.get_absolute_url())).jsonld

    assert team_data["author"] == {"@type": "Organization", "name": "Redactie RA-ZON"}
    assert person_data["author"] == {"@type": "Person", "name": "Miranda", "jobTitle": "lector"}
    assert team_data["image"] == [SHARE_IMAGE]


def test_an_article_with_a_picture_names_it(client, demo):
    post = Post.objects.published().exclude(cover="").first()

    (data,) = head(client.get(post.get_absolute_url())).jsonld

    assert data["image"] == [f"http://testserver{post.cover.url}"]
    assert re.match(r"http://testserver/media/.+\.png$", data["image"][0])
