"""A route's page, the comparison of routes, and routes on the pages of other apps (an
institute, an information meeting), in the search, the sitemap and the open data."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from razon.models import PublishStatus
from razon.preview import preview_url
from tests import factories
from tests.routes_app.conftest import make_route

pytestmark = pytest.mark.django_db
COMPARE = reverse("routes:compare")


def test_a_route_page_tells_everything_a_career_switcher_asks(client, db):
    institute = factories.organization(name="Hogeschool X", kind="hbo")
    partnership = factories.partnership(name="Opleidingsschool Y")
    soon = timezone.now() + timedelta(days=7)
    meeting = factories.event(
        title="Informatieavond Z", starts_at=soon, ends_at=soon + timedelta(hours=2)
    )
    past = factories.event(
        title="Voorbije avond",
        starts_at=soon - timedelta(days=30),
        ends_at=soon - timedelta(days=30, hours=-2),
    )
    post = factories.post(title="Nieuws over de route")
    route = make_route(
        name="Zij-instroom po",
        institutes=[institute],
        partnerships=[partnership],
        events=[meeting, past],
        posts=[post],
        admits=["hbo", "wo"],
        requires_school_job=True,
        duration="2 jaar",
        study_load="60 EC",
        start_moments="februari",
        institute_url="https://example.org/zij-instroom",
        source="Brochure 2026",
    )

    response = client.get(route.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Zij-instroom po",
        "Hogeschool X",
        "Opleidingsschool Y",
        "Informatieavond Z",
        "Nieuws over de route",
        "Je kunt beginnen met een hbo-bachelor, een wo-bachelor.",
        "Je werkt tijdens de route op een school.",
        "2 jaar",
        "60 EC",
        "februari",
        "https://example.org/zij-instroom",
        "Brochure 2026",
    ]:
        assert text in html, text
    assert "Voorbije avond" not in html
    assert "voorbeeldroute van de demo" not in html


def test_a_demo_route_says_it_is_demo(client, db):
    route = make_route(is_demo=True, source="")

    html = client.get(route.get_absolute_url()).content.decode()

    assert "voorbeeldroute van de demo" in html


def test_a_draft_route_is_a_404_and_a_preview_for_an_editor(client, editor):
    route = make_route(status=PublishStatus.DRAFT)

    assert client.get(route.get_absolute_url()).status_code == 404
    client.force_login(editor)
    response = client.get(preview_url(route))
    assert response.status_code == 200
    assert "Voorbeeld — niet gepubliceerd" in response.content.decode()


def test_compare_puts_up_to_three_routes_side_by_side_with_the_reasons(client, db):
    a = make_route(name="Route A", duration="4 jaar")
    b = make_route(name="Route B", forms=["deeltijd"], duration="2 jaar")
    c = make_route(name="Route C")
    d = make_route(name="Route D")

    response = client.get(
        COMPARE, {"route": [a.slug, b.slug, c.slug, d.slug, "bestaat-niet"], "baan": "ander"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Route A" in html and "Route B" in html and "Route C" in html
    assert "Route D" not in html
    assert "we tonen de eerste 3" in html
    assert "4 jaar" in html and "2 jaar" in html
    assert "Waarom het past" in html
    assert "Je kunt de route in deeltijd volgen, naast je baan" in html
    assert "Alleen voltijd: past niet naast een baan" in html
    assert f'href="{reverse("routes:finder")}?baan=ander"' in html


def test_compare_without_routes_or_with_unknown_ones_explains_and_links_back(client, db):
    for query in ({}, {"route": "bestaat-niet"}, {"route": "<b>x</b>" * 100}):
        response = client.get(COMPARE, query)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Kies in de vinder tot drie routes" in html
        assert f'href="{reverse("routes:finder")}"' in html
        assert "<b>x</b>" not in html


def test_a_draft_is_never_compared(client, db):
    draft = make_route(name="Conceptroute", status=PublishStatus.DRAFT)

    assert "Conceptroute" not in client.get(COMPARE, {"route": draft.slug}).content.decode()


def test_institute_meeting_and_partnership_pages_list_their_routes(client, db):
    institute = factories.organization(name="Hogeschool X", kind="hbo")
    meeting = factories.event(title="Informatieavond")
    partnership = factories.partnership(name="Opleiden in de school")
    common = {"institutes": [institute], "events": [meeting], "partnerships": [partnership]}
    make_route(name="Pabo deeltijd", **common)
    make_route(name="Conceptroute", status="draft", **common)

    pages = [institute, meeting, partnership]
    for url in (page.get_absolute_url() for page in pages):
        html = client.get(url).content.decode()
        assert "Pabo deeltijd" in html, url
        assert "Conceptroute" not in html


def test_routes_are_in_the_search_the_sitemap_and_the_open_data(client, db):
    route = make_route(name="Educatieve master Nederlands", summary="Eerstegraads in een jaar.")
    make_route(name="Conceptroute", status=PublishStatus.DRAFT)

    search = client.get(reverse("search"), {"zoek": "educatieve master"}).content.decode()
    sitemap = client.get(reverse("sitemap")).content.decode()
    data = json.loads(client.get(reverse("routes:export_json")).content)
    csv = client.get(reverse("routes:export_csv")).content.decode("utf-8-sig")
    open_data = client.get(reverse("open_data")).content.decode()

    assert "Educatieve master Nederlands" in search
    assert route.get_absolute_url() in sitemap and "/opleidingsroutes/</loc>" in sitemap
    assert [row["name"] for row in data["routes"]] == ["Educatieve master Nederlands"]
    assert data["routes"][0]["url"].endswith(route.get_absolute_url())
    assert "Educatieve master Nederlands" in csv and "Conceptroute" not in csv
    assert "Opleidingsroutes" in open_data


def test_the_finder_is_in_the_main_menu(client, db):
    html = client.get(reverse("routes:finder")).content.decode()

    assert '<a href="/opleidingsroutes/" aria-current="page">Opleidingsroutes</a>' in html
