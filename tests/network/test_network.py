"""The network view (/netwerk/): who works with whom, through what; the picture, the panel of
a selected organisation (page, htmx fragment, without JavaScript), the filters, the table,
and the cache that follows the content."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliances.models import Organization
from network import graph, ties
from partnerships.models import Membership
from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("network:network")
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def web(db):
    """An institute, three boards, a school, a draft board; two partnerships (one in the
    region Noord), a RAP project in Noord, a draft partnership, and the alliance."""
    po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
    made = {}
    for slug, name, kind, sector in [
        ("pabo", "Pabo Oost", "hbo", po),
        ("bestuur-a", "Bestuur A", "bestuur", po),
        ("bestuur-b", "Bestuur B", "bestuur", po),
        ("bestuur-c", "Bestuur C", "bestuur", vo),
        ("school-s", "School S", "school", vo),
    ]:
        made[slug] = factories.organization(slug=slug, name=name, kind=kind)
        made[slug].sectors.add(sector)
    made["draft"] = factories.organization(
        slug="concept", name="Conceptbestuur", kind="bestuur", status=PublishStatus.DRAFT
    )
    noord = factories.education_region(slug="noord", name="Regio Noord")
    noord.regionmembership_set.create(organization=made["bestuur-c"])
    made["noord"] = noord
    first = factories.partnership(slug="eerste", name="Eerste partnerschap", education_region=noord)
    second = factories.partnership(slug="tweede", name="Tweede partnerschap")
    draft = factories.partnership(slug="concept-p", status=PublishStatus.DRAFT)
    for partnership, members in [
        (first, ["pabo", "bestuur-a", "bestuur-b", "draft"]),
        (second, ["bestuur-b", "bestuur-c"]),
        (draft, ["bestuur-a", "school-s"]),
    ]:
        for slug in members:
            Membership.objects.create(partnership=partnership, organization=made[slug])
    project = factories.rap_project(
        slug="rap-x", name="RAP X", lead_organization=made["bestuur-c"], education_region=noord
    )
    project.partners.add(made["school-s"])
    alliance = factories.alliance(slug="ra-zon", short_name="RA-ZON", is_main=True)
    alliance.members.add(*(made[slug] for slug in ["pabo", "bestuur-a", "bestuur-c", "school-s"]))
    return made


def pairs(network):
    found = network.pairs(set(network.organizations))
    names = {pk: org.slug for pk, org in network.organizations.items()}
    return {
        tuple(sorted((names[a], names[b]))): sorted(item.slug for item in via)
        for (a, b), via in found.items()
    }


def drawn(response):
    return {item["node"].organization.slug for item in response.context["picture"]["nodes"]}


def test_organisations_are_tied_by_published_partnerships_and_rap_projects(web):
    network = graph.build()

    assert pairs(network) == {
        ("bestuur-a", "bestuur-b"): ["eerste"],
        ("bestuur-a", "pabo"): ["eerste"],
        ("bestuur-b", "pabo"): ["eerste"],
        ("bestuur-b", "bestuur-c"): ["tweede"],
        ("bestuur-c", "school-s"): ["rap-x"],
    }
    assert web["draft"].pk not in network.organizations
    # The alliance ties no pair: it is each member's outline and a line in the panel.
    assert [item.name for item in network.alliances_of(web["pabo"].pk)] == ["RA-ZON"]


def test_the_index_counts_as_the_filters_select(web):
    """The facets count from the cached index; the filters select in SQL: the same sets."""
    index = graph.Index.build(graph.build())
    slugs = dict(Organization.objects.values_list("pk", "slug"))

    for slug, _name, members in index.regions:
        selected = set(Organization.objects.published().filter(ties.in_region(slug)))
        assert {slugs[pk] for pk in members} == {org.slug for org in selected}
    for slug, _name, members in index.institutes:
        selected = set(Organization.objects.published().filter(ties.near(slug)))
        assert {slugs[pk] for pk in members} == {org.slug for org in selected}
    assert {slugs[pk] for pk in index.regions[0][2]} == {
        "bestuur-c",  # a member of the region
        "pabo",  # in a partnership there
        "bestuur-a",
        "bestuur-b",
        "school-s",  # in a RAP project there
    }


def test_the_page_draws_every_organisation_that_works_with_someone_linked_to_its_page(client, web):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert drawn(response) == {"pabo", "bestuur-a", "bestuur-b", "bestuur-c", "school-s"}
    for slug in drawn(response):
        assert f'href="{reverse("alliances:organization", args=[slug])}"' in html
    assert '<svg viewBox="0 0 800 560" aria-labelledby="network-caption"' in html
    assert "Conceptbestuur" not in html
    # The table: one row per tie, with what ties them.
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", html)
    assert len(rows) == 5
    assert any("Bestuur C" in row and "School S" in row and "RAP X" in row for row in rows)
    assert "In de alliantie" in html and "RA-ZON" in html


def test_selecting_an_organisation_highlights_its_network_and_says_with_whom(client, web):
    response = client.get(URL, {"organisatie": "bestuur-b"})

    html = response.content.decode()
    panel = response.context["selected"]
    assert panel.organization.slug == "bestuur-b"
    assert response.context["summary"] == (
        "Bestuur B werkt in 2 partnerschappen samen met 3 organisaties, onder wie 2 "
        "schoolbesturen en 1 lerarenopleiding, in 1 onderwijsregio."
    )
    nodes = {item["node"].organization.slug: item for item in response.context["picture"]["nodes"]}
    assert nodes["bestuur-b"]["selected"]
    assert {slug for slug, item in nodes.items() if item["near"]} == {
        "pabo",
        "bestuur-a",
        "bestuur-c",
    }
    assert "network--selection" in html and "is-selected" in html
    assert f'href="{reverse("partnerships:detail", args=["tweede"])}"' in html
    assert f'href="{reverse("regions:education_region", args=["noord"])}"' in html


def test_the_panel_counts_rap_projects_and_alliances(client, web):
    response = client.get(URL, {"organisatie": "bestuur-c"})

    assert response.context["summary"] == (
        "Bestuur C werkt in 1 partnerschap en 1 RAP-project samen met 2 organisaties, onder "
        "wie 1 schoolbestuur, in 1 onderwijsregio."
    )
    assert "Doet mee in" in response.content.decode()


def test_selecting_with_htmx_swaps_the_picture_and_panel_only(client, web):
    response = client.get(URL, {"organisatie": "pabo"}, HTTP_HX_TARGET="network", **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="network"')
    assert "<html" not in html and 'id="filters"' not in html and "<table" not in html
    assert "Pabo Oost werkt in 1 partnerschap" in html


def test_nodes_select_with_htmx_and_link_to_the_page_without_it(client, web):
    html = client.get(URL, {"sector": "po"}).content.decode()

    node = re.search(r'<a href="/organisaties/pabo/"[^>]*>', html).group(0)
    assert 'data-hx-get="?sector=po&amp;organisatie=pabo"' in node
    assert 'data-hx-target="#network"' in node and 'aria-label="Pabo Oost"' in node
    # Without JavaScript: a form that selects, keeping the filters.
    form = re.search(r'<form method="get"[^>]*network-panel__choose.*?</form>', html, re.S).group(0)
    assert '<input type="hidden" name="sector" value="po">' in form
    assert '<select name="organisatie"' in form


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "vo"}, {"bestuur-c", "school-s"}),
        ({"regio": "noord"}, {"pabo", "bestuur-a", "bestuur-b", "bestuur-c", "school-s"}),
        ({"opleiding": "pabo"}, {"pabo", "bestuur-a", "bestuur-b"}),
        ({"opleiding": "pabo", "sector": "po"}, {"pabo", "bestuur-a", "bestuur-b"}),
        ({"regio": "noord", "sector": "vo"}, {"bestuur-c", "school-s"}),
    ],
)
def test_filters_narrow_the_picture(client, web, query, expected):
    response = client.get(URL, query)

    assert drawn(response) == expected


def test_the_facets_count_organisations(client, web):
    response = client.get(URL, {"sector": "vo", "regio": "noord"})

    facets = {facet.name: facet for facet in response.context["filterset"].facets}
    assert [(o.value, o.count) for o in facets["regio"].options] == [("noord", 2)]
    sectors = {o.value: o.count for o in facets["sector"].options}
    assert sectors == {"po": 3, "vo": 2}  # in Noord
    # Pabo Oost is no VO organisation, nor anyone near it.
    assert facets["opleiding"].options == []


def test_the_results_fragment_brings_the_facets_out_of_band(client, web):
    response = client.get(URL, {"sector": "po"}, HTTP_HX_TARGET="results", **HTMX)

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert 'data-hx-swap-oob="true"' in html and '<div id="network"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"sector": "xx"},
        {"regio": "<script>alert(1)</script>"},
        {"opleiding": "bestaat-niet"},
        {"organisatie": "concept"},  # a draft
        {"organisatie": "x" * 500},
        {"organisatie": ["pabo", "bestuur-a"]},
        {"pagina": "-1"},
    ],
)
def test_bad_input_never_breaks_the_page(client, web, query):
    response = client.get(URL, query)

    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_an_unknown_organisation_is_said_so(client, web):
    response = client.get(URL, {"organisatie": "concept"})

    assert response.context["selected"] is None
    assert "Die organisatie staat niet in het netwerk." in response.content.decode()


def test_no_one_under_the_filters_gives_the_empty_state(client, web):
    response = client.get(URL, {"opleiding": "bestaat-niet"})

    assert response.context["drawing"].nodes == []
    assert "Niets gevonden met deze filters." in response.content.decode()


def test_a_content_change_shows_at_once(client, web):
    client.get(URL)  # fills the network's cache
    newcomer = factories.organization(slug="nieuw", name="Nieuw bestuur", kind="bestuur")
    Membership.objects.create(
        partnership=web["bestuur-a"].partnership_memberships.first().partnership,
        organization=newcomer,
    )

    assert "nieuw" in drawn(client.get(URL))


def test_a_scheduled_organisation_appears_when_it_is_published(client, web, monkeypatch):
    later = timezone.now() + timedelta(hours=2)
    scheduled = factories.organization(slug="straks", name="Straks", publish_at=later)
    Membership.objects.create(
        partnership=web["bestuur-b"].partnership_memberships.last().partnership,
        organization=scheduled,
    )

    assert "straks" not in drawn(client.get(URL))
    assert graph.build().expires_at == later.timestamp()

    monkeypatch.setattr(timezone, "now", lambda: later + timedelta(seconds=1))
    assert "straks" in {org.slug for org in graph.build().organizations.values()}


def test_the_layout_is_the_same_every_time():
    edges = [(1, 2, 1), (2, 3, 2), (3, 4, 1), (4, 1, 1), (5, 6, 1)]

    first = graph.layout([1, 2, 3, 4, 5, 6, 7], edges)

    assert first == graph.layout([1, 2, 3, 4, 5, 6, 7], edges)
    for x, y in first.values():
        assert graph.MARGIN <= x <= graph.WIDTH - graph.MARGIN
        assert graph.MARGIN <= y <= graph.HEIGHT - graph.MARGIN
    assert first[7][1] > max(y for pk, (x, y) in first.items() if pk != 7)  # alone: below


def test_a_large_network_draws_the_best_connected_and_says_so(client, web, monkeypatch):
    monkeypatch.setattr(graph, "MAX_NODES", 3)

    response = client.get(URL)

    assert drawn(response) == {"bestuur-b", "bestuur-a", "pabo"}  # most ties, then institutes
    assert "De tekening toont de 3 organisaties met de meeste samenwerkingen" in (
        response.content.decode()
    )
    # Someone outside the drawing can still be selected: the panel says so.
    selected = client.get(URL, {"organisatie": "school-s"})
    assert "staat niet in de tekening" in selected.content.decode()


def test_the_page_is_in_the_menu_and_the_sitemap(client, web):
    assert f'href="{URL}"' in client.get(reverse("home")).content.decode()
    assert f"{URL}</loc>" in client.get("/sitemap.xml").content.decode()


def test_made_up_filter_values_are_not_kept(client, web, monkeypatch):
    kept = []
    get = graph.Store.get
    monkeypatch.setattr(
        graph.Store,
        "get",
        lambda self, name, compute: kept.append(name) or get(self, name, compute),
    )

    client.get(URL, {"regio": "verzonnen-regio"})
    client.get(URL, {"opleiding": "verzonnen"})
    client.get(URL, {"regio": "noord"})

    assert [name for name in kept if name.startswith("drawing")] == [kept[-1]]
    assert len(kept[-1]) == len("drawing:") + 24  # a digest: no visitor text in a key


def test_the_page_cache_keeps_a_selection_under_valid_filters_only(client, web, settings):
    settings.RAZON_PAGE_CACHE = True
    fragment = {"HTTP_HX_TARGET": "network", **HTMX}

    client.get(URL, {"sector": "po", "organisatie": "pabo"}, **fragment)
    with CaptureQueriesContext(connection) as hit:
        client.get(URL, {"sector": "po", "organisatie": "pabo"}, **fragment)
    client.get(URL, {"sector": "xx", "organisatie": "pabo"}, **fragment)
    with CaptureQueriesContext(connection) as rendered:
        client.get(URL, {"sector": "xx", "organisatie": "pabo"}, **fragment)

    assert len(hit) == 1  # the generations only: served from the cache
    assert len(rendered) > 1  # a made-up value is rendered every time, never kept


def test_the_regions_are_chosen_from_a_list_loaded_on_demand(client, web):
    """Hundreds of onderwijsregio's on a large network: a combobox, a page without JavaScript."""
    options_url = reverse("network:facet_regio")
    html = client.get(URL, {"sector": "vo"}).content.decode()
    assert f'data-options-url="{options_url}"' in html

    page = client.get(options_url, {"sector": "vo"})
    assert page.status_code == 200
    assert f"{URL}?sector=vo&amp;regio=noord" in page.content.decode()
    listbox = client.get(
        options_url, {"zoekterm": "noord"}, HTTP_HX_TARGET="id_regio-listbox", **HTMX
    )
    assert "Regio Noord" in listbox.content.decode()
    assert (
        client.get(
            options_url, {"zoekterm": "zuid"}, HTTP_HX_TARGET="id_regio-listbox", **HTMX
        ).status_code
        == 200
    )
