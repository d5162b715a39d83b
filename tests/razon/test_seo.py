"""Search-engine basics on every page: canonical address, description, Open Graph, and the
schema.org Organization markup of the alliance and organisation pages."""

import json
import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def meta(page, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', page)
    return match and match.group(1)


def canonical(page):
    return re.search(r'<link rel="canonical" href="([^"]*)">', page).group(1)


def jsonld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def test_the_canonical_address_keeps_the_page_number_and_drops_the_rest(client):
    for n in range(12):
        factories.post(title=f"Bericht {n}")
    url = reverse("news:list")
    page = client.get(url, {"pagina": "2", "soort": "blog", "utm_source": "x"}).content.decode()
    assert canonical(page) == f"http://testserver{url}?pagina=2"
    assert meta(page, "og:url") == canonical(page)
    for junk in ["1", "abc", "-3", ""]:
        # (an empty one is first redirected to the address without it)
        page = client.get(url, {"pagina": junk, "zoek": "x"}, follow=True).content.decode()
        assert canonical(page) == f"http://testserver{url}"


def test_open_graph_follows_the_title_and_description_of_the_page(client):
    post = factories.post(title="Een titel met <tekens> & zo", intro="De inleiding.")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<title>Een titel met &lt;tekens&gt; &amp; zo · RA-ZON</title>" in page
    assert meta(page, "og:title") == "Een titel met &lt;tekens&gt; &amp; zo"
    assert meta(page, "description") == meta(page, "og:description") == "De inleiding."
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:site_name") == "RA-ZON"
    assert meta(page, "og:locale") == "nl_NL"


def test_english_pages_say_their_locale(client):
    client.cookies["django_language"] = "en"
    page = client.get(reverse("home")).content.decode()
    assert meta(page, "og:locale") == "en_GB"
    assert meta(page, "og:locale:alternate") == "nl_NL"
    assert meta(page, "og:type") == "website"


def test_organisation_pages_carry_organization_markup(client):
    organization = factories.organization(
        name="Hogeschool X", short_name="HX", city="Arnhem", website="https://hx.example/"
    )
    page = client.get(organization.get_absolute_url()).content.decode()
    (data,) = jsonld(page)
    assert data["@type"] == "Organization"
    assert data["name"] == "Hogeschool X" and data["alternateName"] == "HX"
    assert data["url"] == f"http://testserver{organization.get_absolute_url()}"
    assert data["sameAs"] == ["https://hx.example/"]
    assert data["address"]["addressLocality"] == "Arnhem"


def test_the_alliance_page_carries_organization_markup_with_its_lead_institutes(client):
    alliance = factories.alliance(name="Alliantie Zuidoost", short_name="AZ", is_main=True)
    lead = factories.organization(name="Opleiding Y")
    alliance.lead_institutes.add(lead)
    page = client.get(reverse("alliances:alliance")).content.decode()
    (data,) = jsonld(page)
    assert data["@type"] == "Organization" and data["alternateName"] == "AZ"
    assert data["member"] == [
        {
            "@type": "Organization",
            "name": "Opleiding Y",
            "url": f"http://testserver{lead.get_absolute_url()}",
        }
    ]


def test_the_markup_cannot_be_broken_out_of(client):
    organization = factories.organization(name="</script><script>alert(1)</script>")
    page = client.get(organization.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert jsonld(page)[0]["name"] == "</script><script>alert(1)</script>"
