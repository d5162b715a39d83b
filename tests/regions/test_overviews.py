import pytest
from django.urls import reverse

from razon.models import PublishStatus, Sector
from regions.models import EducationRegion, RAPProject, RegionMembership
from tests import factories

pytestmark = pytest.mark.django_db

REGIONS = reverse("regions:education_regions")
PROJECTS = reverse("regions:rap_projects")


def names(response):
    return [item.name for item in response.context["page"].object_list]


@pytest.fixture
def landscape(municipalities):
    """Two regions in two provinces, a draft region, and three projects."""
    han = factories.organization(name="HAN", slug="han")
    board = factories.organization(name="Bestuur Venlo", slug="bestuur-venlo")
    secret = factories.organization(name="Geheim bestuur", status=PublishStatus.DRAFT)
    nijmegen = factories.education_region(name="Regio Nijmegen", phase="gevormd")
    nijmegen.municipalities.add(municipalities["Nijmegen"], municipalities["Wijchen"])
    nijmegen.sectors.add(Sector.objects.get(code="po"))
    RegionMembership.objects.create(region=nijmegen, organization=han, role="lerarenopleiding")
    RegionMembership.objects.create(region=nijmegen, organization=secret)
    venlo = factories.education_region(name="Regio Venlo", phase="voorloper")
    venlo.municipalities.add(municipalities["Venlo"])
    RegionMembership.objects.create(region=venlo, organization=board, role="penvoerder")
    factories.education_region(name="Conceptregio", status=PublishStatus.DRAFT)
    factories.rap_project(
        name="RAP Nijmegen",
        lead_organization=board,
        start_year=2020,
        end_year=2023,
        programme="rap",
    ).partners.add(han)
    factories.rap_project(
        name="RAL Arnhem", lead_organization=han, start_year=2019, end_year=2020, programme="ral"
    )
    factories.rap_project(name="RAP Concept", status=PublishStatus.DRAFT)
    return {"han": han, "board": board}


def test_the_region_overview_lists_published_regions(client, landscape):
    response = client.get(REGIONS)

    assert response.status_code == 200
    assert names(response) == ["Regio Nijmegen", "Regio Venlo"]
    page = response.content.decode()
    assert "2 onderwijsregio&#x27;s gevonden" in page or "2 onderwijsregio's gevonden" in page
    assert "Conceptregio" not in page and "Geheim bestuur" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"fase": "voorloper"}, ["Regio Venlo"]),
        ({"provincie": "Limburg"}, ["Regio Venlo"]),
        ({"gemeente": "GM0268"}, ["Regio Nijmegen"]),
        ({"organisatie": "han"}, ["Regio Nijmegen"]),
        ({"sector": "po"}, ["Regio Nijmegen"]),
        ({"zoek": "venlo"}, ["Regio Venlo"]),
    ],
)
def test_region_filters(client, landscape, query, expected):
    assert names(client.get(REGIONS, query)) == expected


def test_region_facets_count_what_each_choice_gives(client, landscape):
    page = client.get(REGIONS, {"provincie": "Gelderland"}).content.decode()

    assert ">Gevormd (1)</option>" in page
    assert ">Limburg (1)</option>" in page
    assert "Geheim bestuur" not in page
    # The municipalities and organisations load on demand, counted the same way.
    listbox = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "id_gemeente-listbox"}
    options = client.get(
        reverse("regions:education_region_facet_gemeente"), {"provincie": "Gelderland"}, **listbox
    ).content.decode()
    assert ">Nijmegen (1)</li>" in options
    listbox["HTTP_HX_TARGET"] = "id_organisatie-listbox"
    options = client.get(
        reverse("regions:education_region_facet_organisatie"), **listbox
    ).content.decode()
    assert ">HAN (1)</li>" in options and "Geheim bestuur" not in options


@pytest.mark.parametrize("url", [REGIONS, PROJECTS])
def test_a_chosen_organisation_shows_in_its_combobox(client, landscape, url):
    page = client.get(url, {"organisatie": "han"}).content.decode()

    assert '<input type="hidden" name="organisatie" value="han">' in page
    assert 'value="HAN" data-chosen-label="HAN"' in page
    assert "Kies een organisatie…</a>" in page


def test_the_project_options_page_links_to_the_filtered_overview(client, landscape):
    page = client.get(
        reverse("regions:rap_project_facet_organisatie"), {"regeling": "rap"}
    ).content.decode()

    assert '<a href="/rap-projecten/?regeling=rap&amp;organisatie=han">HAN</a>' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"regeling": "ral"}, ["RAL Arnhem"]),
        ({"jaar": "2022"}, ["RAP Nijmegen"]),
        ({"jaar": "2020"}, ["RAL Arnhem", "RAP Nijmegen"]),
        ({"organisatie": "han"}, ["RAL Arnhem", "RAP Nijmegen"]),  # lead or partner
        ({"organisatie": "bestuur-venlo"}, ["RAP Nijmegen"]),
    ],
)
def test_project_filters(client, landscape, query, expected):
    assert names(client.get(PROJECTS, query)) == expected


def test_htmx_gets_the_results_fragment(client, landscape):
    response = client.get(
        PROJECTS, {"regeling": "rap"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<section id="results"')
    assert "<html" not in fragment and "RAP Nijmegen" in fragment


@pytest.mark.parametrize("url", [REGIONS, PROJECTS])
def test_bad_filter_values_get_a_message(client, landscape, url):
    response = client.get(url, {"fase": "x", "jaar": "abc", "provincie": "<b>", "pagina": "-1"})

    assert response.status_code == 200
    assert "Een filter had een ongeldige waarde" in response.content.decode()


def test_overviews_run_a_fixed_number_of_queries_with_300_regions_and_500_projects(
    client, municipalities, django_assert_num_queries
):
    places = list(municipalities.values())[:40]
    lead = factories.organization(slug="penvoerder")
    po = Sector.objects.get(code="po")
    regions = EducationRegion.objects.bulk_create(
        EducationRegion(name=f"Regio {n:03}", slug=f"r-{n}", status="published") for n in range(300)
    )
    for index, region in enumerate(regions):
        region.municipalities.add(places[index % 40], places[(index + 1) % 40])
        region.sectors.add(po)
        RegionMembership.objects.create(region=region, organization=lead)
    projects = RAPProject.objects.bulk_create(
        RAPProject(
            name=f"Project {n:03}",
            slug=f"p-{n}",
            status="published",
            lead_organization=lead,
            start_year=2019 + n % 5,
            education_region=regions[n % 300],
        )
        for n in range(500)
    )
    for index, project in enumerate(projects):
        project.municipalities.add(places[index % 40])
        project.sectors.add(po)

    # 1 count, 2 page, 3 sectors of the page, then one per facet: 4 phase, 5 sector,
    # 6 province; municipality and organisation load their options on demand.
    with django_assert_num_queries(6):
        response = client.get(REGIONS, {"provincie": "Gelderland"})
    assert response.status_code == 200
    # 1 count, 2 page with lead and region, 3 sectors of the page, then one per facet:
    # 4 programme, 5 status, 6 year, 7 sector, 8 province.
    with django_assert_num_queries(8):
        response = client.get(PROJECTS, {"sector": "po"})
    assert response.context["page"].paginator.count == 500
