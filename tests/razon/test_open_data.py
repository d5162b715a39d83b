"""Open data (razon/exports.py): every registered export as CSV and JSON through the test
client, following its overview's filters, refusing an invalid filter with a clear answer,
holding only published items and no formula, cached like its overview; the overviews link
to them with their filters; /open-data/ lists them with their columns and licence."""

import csv
import html
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.models import Organization
from partnerships.models import Membership
from razon import exports
from razon.exports import FORMULA_STARTS, LICENCE_URL
from razon.models import PublishStatus, Sector
from regions.models import RegionMembership
from tests import factories
from tests.routes_app.conftest import make_route

pytestmark = pytest.mark.django_db

DRAFT = PublishStatus.DRAFT
FORMULA = '=HYPERLINK("x")'
# What no export may hold: drafts, and what a draft organisation or alliance is called.
HIDDEN = ["Verborgen", "Concept"]
# The exports the issue asks for.
EXPECTED = {
    "network:export",
    "partnerships:export",
    "alliances:organization_export",
    "regions:education_region_export",
    "regions:rap_project_export",
    "events:export",
}


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


def read_json(response):
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


@pytest.fixture
def content(db):
    """Each dataset with a published item tied to a published organisation whose name starts
    a formula, and to a draft organisation; a draft of each kind beside it."""
    vo, po = Sector.objects.get(code="vo"), Sector.objects.get(code="po")
    formula = factories.organization(name=FORMULA, kind="bestuur", city="Arnhem")
    delta = factories.organization(name="Stichting Delta", kind="bestuur", city="Nijmegen")
    han = factories.organization(name="HAN Pabo", short_name="HAN", kind="hbo")
    hidden = factories.organization(name="Verborgen Bestuur", kind="bestuur", status=DRAFT)
    delta.sectors.add(vo)
    han.sectors.add(po)
    formula.sectors.add(vo)
    alliance = factories.alliance(short_name="RA-ZON", slug="ra-zon")
    alliance.members.add(delta, han, formula)
    factories.alliance(short_name="Concept Alliantie", status=DRAFT).members.add(delta)

    arnhem = factories.municipality(name="Arnhem", province="Gelderland")
    venlo = factories.municipality(name="Venlo", province="Limburg")
    region = factories.education_region(name="Regio Oost", phase="gevormd")
    region.sectors.add(vo)
    region.municipalities.add(arnhem, venlo)
    for organization in (formula, delta, hidden):
        RegionMembership.objects.create(region=region, organization=organization)
    factories.education_region(name="Regio Noord", phase="verkenning")
    factories.education_region(name="Concept Regio", status=DRAFT)

    project = factories.rap_project(
        name="Project Oost", lead_organization=hidden, education_region=region, progress="lopend"
    )
    project.partners.add(formula, hidden)
    project.municipalities.add(arnhem)
    project.sectors.add(vo)
    factories.rap_project(
        name="Project West", lead_organization=delta, progress="afgerond", end_year=2023
    )
    factories.rap_project(name="Concept Project", status=DRAFT)

    partnership = factories.partnership(name="Pabo Partnerschap", education_region=region)
    partnership.municipalities.add(arnhem)
    for organization, role in (
        (formula, "bestuur"),
        (hidden, "bestuur"),
        (han, "lerarenopleiding"),
    ):
        Membership.objects.create(partnership=partnership, organization=organization, role=role)
    factories.partnership(name="Opleidingsschool VO", sector_group="vo-mbo")
    factories.partnership(name="Concept Partnerschap", status=DRAFT)

    moment = timezone.now() + timedelta(days=20)
    event = factories.event(
        title="Regiodag",
        kind="netwerkbijeenkomst",
        starts_at=moment,
        join_url="https://teams.example/geheime-link",
    )
    event.sectors.add(vo)
    event.organisers.add(formula, hidden)
    event.partnerships.add(partnership)
    factories.event(title="Webinar Oost", kind="webinar", starts_at=moment + timedelta(days=1))
    factories.event(
        title="Terugblik 2024", starts_at=datetime(2024, 6, 3, 13, 30, tzinfo=UTC)
    )  # past: in the 2024 archive
    factories.event(title="Concept Bijeenkomst", status=DRAFT)
    make_route(name="Route Oost", institutes=[formula, hidden])
    make_route(name="Concept Route", status=DRAFT, institutes=[hidden])
    return {"region": region, "alliance": alliance, "delta": delta}


def _urls(export, format):
    return reverse(export.csv_url_name if format == "csv" else export.json_url_name)


# Every export


def test_the_registry_holds_an_export_of_every_overview():
    assert {export.url_name for export in exports.registered()} >= EXPECTED


def test_every_export_gives_the_same_rows_as_csv_and_as_json(client, content):
    for export in exports.registered():
        csv_response = client.get(_urls(export, "csv"))
        json_response = client.get(_urls(export, "json"))

        assert csv_response.status_code == json_response.status_code == 200, export.url_name
        assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
        assert f'filename="{export.filename}.csv"' in csv_response["Content-Disposition"]
        assert f'filename="{export.filename}.json"' in json_response["Content-Disposition"]
        assert csv_response["Link"] == json_response["Link"] == f'<{LICENCE_URL}>; rel="license"'
        rows = read_csv(csv_response)
        data = read_json(json_response)
        assert rows[0] == [str(column.label) for column in export.columns], export.url_name
        assert data["licence"] == "CC BY 4.0" and data["licence_url"] == LICENCE_URL
        assert data["source"] == "http://testserver" + reverse(export.overview)
        assert len(data[export.key]) == len(rows) - 1 >= 1, export.url_name
        for row, item in zip(rows[1:], data[export.key], strict=True):
            assert list(item) == [column.key for column in export.columns]
            assert row[0].lstrip("'") == item[export.columns[0].key]
            assert item["url"].startswith("http://testserver/")


def test_every_export_answers_head_without_a_body(client, content):
    for export in exports.registered():
        for format in exports.FORMATS:
            get, head = client.get(_urls(export, format)), client.head(_urls(export, format))
            assert head.status_code == get.status_code == 200
            assert head["Content-Type"] == get["Content-Type"]
            assert head.content == b""


def test_no_cell_of_any_export_starts_a_formula(client, content):
    for export in exports.registered():
        rows = read_csv(client.get(_urls(export, "csv")))
        cells = [cell for row in rows for cell in row]
        assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)], export.url_name
        # The organisation's name is in every dataset, guarded (in JSON as it is).
        assert any(cell.startswith(f"'{FORMULA}") for cell in cells), export.url_name
        assert json.dumps(FORMULA) in client.get(_urls(export, "json")).content.decode()


def test_no_export_holds_a_draft_or_a_draft_organisation(client, content):
    for export in exports.registered():
        for format in exports.FORMATS:
            body = client.get(_urls(export, format)).content.decode()
            assert not [word for word in HIDDEN if word in body], (export.url_name, format)


def test_an_invalid_filter_value_is_refused_with_what_was_wrong(client, content):
    for export in exports.registered():
        if export.filterset is None:  # (the routes: the finder's answers are not filters)
            continue
        as_csv = client.get(_urls(export, "csv"), {"sector": "bestaat-niet"})
        as_json = client.get(_urls(export, "json"), {"sector": "bestaat-niet"})

        assert as_csv.status_code == as_json.status_code == 400, export.url_name
        assert as_csv["Content-Type"] == "text/plain; charset=utf-8"
        text = as_csv.content.decode()
        assert "Een filter had een ongeldige waarde" in text and "sector:" in text
        assert "bestaat-niet" in text  # the error names the value
        data = read_json(as_json)
        assert "ongeldige waarde" in data["error"] and list(data["filters"]) == ["sector"]


def test_unknown_parameters_and_a_page_number_are_left_alone(client, content):
    for export in exports.registered():
        plain = client.get(_urls(export, "csv"))
        other = client.get(_urls(export, "csv"), {"pagina": "3", "onbekend": "x"})
        assert other.status_code == 200
        assert read_csv(other) == read_csv(plain)


# Each export follows its overview's filters


def _names(client, url_name, **query):
    data = read_json(client.get(reverse(f"{url_name}_json"), query))
    (key,) = [key for key in data if isinstance(data[key], list)]
    return [row.get("name") or row.get("title") for row in data[key]]


def test_the_organisation_export_follows_the_directory_filters(client, content):
    assert _names(client, "alliances:organization_export", soort="hbo") == ["HAN Pabo"]
    assert _names(client, "alliances:organization_export", sector="vo", zoek="nijmegen") == [
        "Stichting Delta"
    ]
    assert "HAN Pabo" in _names(client, "alliances:organization_export", alliantie="ra-zon")

    url = reverse("alliances:organization_export_json")
    data = read_json(client.get(url, {"soort": "hbo", "pagina": "2"}))
    (han,) = data["organizations"]
    assert han == {
        "name": "HAN Pabo",
        "short_name": "HAN",
        "kind": "Lerarenopleiding (hbo)",
        "sectors": ["PO"],
        "city": "",
        "alliances": ["RA-ZON"],
        "website": "",
        "url": "http://testserver" + Organization.objects.get(name="HAN Pabo").get_absolute_url(),
    }
    assert data["source"] == "http://testserver/organisaties/?soort=hbo"  # the filters alone


def test_the_region_export_follows_the_filters_and_lists_published_members(client, content):
    assert _names(client, "regions:education_region_export", fase="gevormd") == ["Regio Oost"]
    assert _names(client, "regions:education_region_export") == ["Regio Noord", "Regio Oost"]
    assert _names(client, "regions:education_region_export", provincie="Limburg") == ["Regio Oost"]

    data = read_json(client.get(reverse("regions:education_region_export_json")))
    oost = data["education_regions"][1]
    assert oost["phase"] == "Gevormd"
    assert oost["provinces"] == ["Gelderland", "Limburg"]
    assert oost["municipalities"] == ["Arnhem", "Venlo"]
    assert oost["members"] == [FORMULA, "Stichting Delta"]  # not the draft
    assert oost["started_on"] is None

    rows = read_csv(client.get(reverse("regions:education_region_export_csv")))
    assert rows[2][rows[0].index("Gemeenten")] == "Arnhem\nVenlo"  # a list: a line each


def test_the_rap_export_follows_the_filters_and_names_only_published_organisations(client, content):
    assert _names(client, "regions:rap_project_export", status="lopend") == ["Project Oost"]
    assert _names(client, "regions:rap_project_export", sector="vo") == ["Project Oost"]
    organisation = {"organisatie": content["delta"].slug}
    assert _names(client, "regions:rap_project_export", **organisation) == ["Project West"]

    data = read_json(client.get(reverse("regions:rap_project_export_json")))
    oost, west = data["rap_projects"]
    assert oost["lead_organization"] is None  # a draft
    assert oost["partners"] == [FORMULA]
    assert oost["education_region"] == "Regio Oost"
    assert (oost["start_year"], oost["end_year"]) == (2022, None)
    assert (west["lead_organization"], west["end_year"]) == ("Stichting Delta", 2023)


def test_the_partnership_export_follows_the_filters(client, content):
    assert _names(client, "partnerships:export", sector="vo-mbo") == ["Opleidingsschool VO"]
    data = read_json(client.get(reverse("partnerships:export_json"), {"sector": "po-vso"}))
    (row,) = data["partnerships"]
    assert row["education_region"] == "Regio Oost"
    assert (row["boards"], row["institutes"]) == ([FORMULA], ["HAN Pabo"])
    assert row["member_count"] == 2  # the draft board is not counted


def test_the_agenda_export_lists_the_upcoming_events_or_a_years_archive(client, content):
    assert _names(client, "events:export") == ["Regiodag", "Webinar Oost"]
    assert _names(client, "events:export", soort="webinar") == ["Webinar Oost"]
    assert _names(client, "events:export", jaar="2024") == ["Terugblik 2024"]

    data = read_json(client.get(reverse("events:export_json"), {"jaar": "2024"}))
    (event,) = data["events"]
    assert event["starts_at"] == "2024-06-03T15:30:00+02:00"  # Dutch summer time
    assert event["online"] is False
    rows = read_csv(client.get(reverse("events:export_csv"), {"jaar": "2024"}))
    assert rows[1][rows[0].index("Begint om")] == "2024-06-03 15:30"
    assert rows[1][rows[0].index("Online")] == "nee"

    upcoming = read_json(client.get(reverse("events:export_json")))["events"][0]
    assert upcoming["organisers"] == [FORMULA]
    assert upcoming["partnerships"] == ["Pabo Partnerschap"]
    assert upcoming["sectors"] == ["VO"]
    body = client.get(reverse("events:export_json")).content.decode()
    assert "geheime-link" not in body  # the join link goes to participants only


def test_the_network_export_lists_every_pair_that_works_together(client, content):
    data = read_json(client.get(reverse("network:export_json")))
    (pair,) = data["ties"]  # the draft board is no one's partner
    assert (pair["organization"], pair["other"]) == (FORMULA, "HAN Pabo")
    assert (pair["partnerships"], pair["rap_projects"], pair["count"]) == (
        ["Pabo Partnerschap"],
        [],
        1,
    )
    assert pair["other_url"].startswith("http://testserver/organisaties/")
    assert read_json(client.get(reverse("network:export_json"), {"sector": "po"}))["ties"] == []


# The overviews link to their exports


@pytest.mark.parametrize(
    ("overview", "url_name", "query", "invalid"),
    [
        ("alliances:organizations", "alliances:organization_export", "soort=hbo", "sector"),
        ("regions:education_regions", "regions:education_region_export", "fase=gevormd", "sector"),
        ("regions:rap_projects", "regions:rap_project_export", "status=lopend", "sector"),
        ("partnerships:list", "partnerships:export", "sector=po-vso", "erkenning"),
        ("events:list", "events:export", "soort=webinar", "sector"),
        ("network:network", "network:export", "sector=vo", "regio"),
    ],
)
def test_an_overview_links_to_its_exports_with_its_valid_filters(
    client, content, overview, url_name, query, invalid
):
    url = reverse(overview)
    value = "x" * 201 if invalid == "regio" else "bestaat-niet"  # too long, or no choice
    page = client.get(f"{url}?{query}&pagina=1&{invalid}={value}&onbekend=1")
    page = page.content.decode()
    fragment = client.get(f"{url}?{query}", headers={"HX-Request": "true", "HX-Target": "results"})

    expected = f"?{query}"  # without the page, the invalid value and what is no filter
    assert f'href="{reverse(f"{url_name}_csv")}{expected}"' in page
    assert f'href="{reverse(f"{url_name}_json")}{expected}"' in page
    # The links follow each htmx update of the results.
    assert reverse(f"{url_name}_csv") + expected in fragment.content.decode()
    assert f'href="{reverse("open_data")}"' in page


# /open-data/


def test_the_open_data_page_lists_every_dataset_with_its_columns_and_licence(client, db):
    response = client.get(reverse("open_data"))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Open data" in page and 'rel="license"' in page and LICENCE_URL in page
    assert "CC BY 4.0" in page
    for export in exports.registered():
        assert str(export.title) in page
        assert f'href="{reverse(export.csv_url_name)}"' in page
        assert f'href="{reverse(export.json_url_name)}"' in page
        for column in export.columns:
            assert f"<code>{column.key}</code>" in page
            assert str(column.description) in page
    assert client.head(reverse("open_data")).status_code == 200


def test_every_page_links_to_the_open_data_page_in_its_footer(client, db):
    footer = client.get(reverse("privacy")).content.decode().split('class="site-footer"')[1]
    assert f'href="{reverse("open_data")}"' in footer


def test_the_open_data_page_is_in_the_sitemap(client, db):
    assert reverse("open_data") in client.get(reverse("sitemap")).content.decode()


# Page cache


def test_an_export_is_a_cached_page_renewed_by_what_it_shows(
    client, content, settings, django_assert_num_queries
):
    settings.RAZON_PAGE_CACHE = True
    url = reverse("alliances:organization_export_csv")
    client.get(url, {"sector": "vo"})
    with django_assert_num_queries(1):  # the topics' generations
        cached = client.get(url, {"sector": "vo"})
    assert "Stichting Delta" in cached.content.decode()

    delta = content["delta"]
    delta.name = "Stichting Epsilon"
    delta.save()

    assert "Stichting Epsilon" in client.get(url, {"sector": "vo"}).content.decode()


def test_an_export_is_stored_for_a_facet_value_with_results_but_never_for_search_words(
    client, content, settings, django_assert_max_num_queries
):
    settings.RAZON_PAGE_CACHE = True
    url = reverse("alliances:organization_export_json")
    for query in ({"alliantie": "ra-zon"}, {"zoek": "delta"}, {"alliantie": "bestaat-niet"}):
        client.get(url, query)

    with django_assert_max_num_queries(1):
        client.get(url, {"alliantie": "ra-zon"})
    for query in ({"zoek": "delta"}, {"alliantie": "bestaat-niet"}):
        with django_assert_max_num_queries(10) as queries:
            client.get(url, query)
        assert len(queries) > 1, query  # rendered again: not stored


def test_an_export_that_refused_a_filter_is_not_stored(client, content, settings):
    settings.RAZON_PAGE_CACHE = True
    url = reverse("regions:education_region_export_csv")
    assert client.get(url, {"fase": "x"}).status_code == 400
    assert client.get(url, {"fase": "x"}).status_code == 400


def test_the_partnership_export_lists_every_published_region_it_works_in(client, db):
    main = factories.education_region(name="Regio Arnhem")
    other = factories.education_region(name="Regio Achterhoek")
    draft = factories.education_region(name="Concept Regio", status=DRAFT)
    partnership = factories.partnership(name="Pabo Partnerschap", education_region=main)
    partnership.education_regions.add(other, draft)

    data = read_json(client.get(reverse("partnerships:export_json")))
    (key,) = [key for key in data if isinstance(data[key], list)]
    (row,) = data[key]
    assert row["education_region"] == "Regio Arnhem"
    assert row["education_regions"] == ["Regio Achterhoek", "Regio Arnhem"]
