import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from regions.maps import ZUIDOOST_PROVINCES
from regions.models import Municipality

pytestmark = pytest.mark.django_db

MAP = reverse("regions:map")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_the_map_draws_every_municipality_of_the_region(client, demo):
    response = client.get(MAP)

    page = response.content.decode()
    drawn = page.count("<path d=")
    expected = Municipality.objects.filter(province__in=ZUIDOOST_PROVINCES).count()
    assert expected == 138
    assert drawn >= expected  # the base layer, plus each region's coloured shapes
    assert "<title>Nijmegen</title>" in page
    assert "Kadaster / Centraal Bureau voor de Statistiek (CBS), 2025" in page
    assert "http://" not in page.split("<svg", 1)[1].split("</svg>")[0].replace(
        "http://www.w3.org", ""
    )


def test_each_region_is_a_named_link_with_a_panel_for_htmx(client, demo):
    page = client.get(MAP).content.decode()

    link = re.search(r'<a href="/onderwijsregios/nijmegen/"[^>]*>', page).group(0)
    assert 'aria-label="Onderwijsregio Rijk van Nijmegen"' in link
    assert 'hx-get="/regio/kaart/?laag=onderwijsregios&amp;regio=nijmegen"' in link
    assert 'hx-target="#map-panel"' in link


def test_the_text_alternative_lists_regions_with_their_municipalities(client, demo):
    page = client.get(MAP).content.decode()

    legend = page.split('id="legend-title"')[1]
    assert "Onderwijsregio Noord-Limburg" in legend and "Horst aan de Maas" in legend


def test_htmx_loads_only_the_panel(client, demo):
    response = client.get(
        MAP, {"regio": "nijmegen"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="map-panel"
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<aside id="map-panel"')
    assert "Stichting Conexus" in fragment and "<svg" not in fragment


def test_the_rap_layer_shows_projects(client, demo):
    page = client.get(MAP, {"laag": "rap"}).content.decode()

    assert 'aria-label="Leraar in Limburg (vo)"' in page
    assert 'aria-current="true">RAP-projecten' in page


def test_unknown_layer_or_region_falls_back_quietly(client, demo):
    response = client.get(MAP, {"laag": "<script>", "regio": "bestaat-niet"})

    assert response.status_code == 200
    assert "Kies een gebied" in response.content.decode()


def test_the_map_is_drawn_once_and_then_served_from_the_cache(
    client, demo, django_assert_num_queries
):
    client.get(MAP)  # draws and caches

    # 1 the fingerprint of what is published on the layer; the drawing comes from the cache.
    with django_assert_num_queries(1):
        client.get(MAP)


def test_an_edit_shows_on_the_map_at_once(client, demo):
    from regions.models import EducationRegion

    client.get(MAP)
    region = EducationRegion.objects.get(slug="nijmegen")
    region.name = "Onderwijsregio Nijmegen (hernoemd)"
    # Saved a minute after the drawing was cached (a stopped clock, as tests/news/conftest.py
    # uses), so its updated_at is later whatever the system clock's resolution.
    a_minute_later = timezone.now() + timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=a_minute_later):
        region.save()

    assert 'aria-label="Onderwijsregio Nijmegen (hernoemd)"' in client.get(MAP).content.decode()
