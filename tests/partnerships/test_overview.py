import csv
import io
import json

import pytest
from django.urls import reverse

from partnerships.models import Membership, Partnership
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("partnerships:list")


def names(response):
    return [p.name for p in response.context["page"].object_list]


def partnership(name, group="po-vso", **fields):
    n = Partnership.objects.count()
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return Partnership.objects.create(name=name, slug=f"p-{n}", sector_group=group, **fields)


@pytest.fixture
def field():
    han = factories.organization(name="HAN", slug="han", kind="hbo")
    board = factories.organization(name="Stichting Delta", slug="delta", kind="bestuur")
    hidden = factories.organization(
        name="Concept bestuur", slug="concept", kind="bestuur", status=PublishStatus.DRAFT
    )
    pabo = partnership("Pabo Partnerschap", accreditation="erkend")
    Membership.objects.create(partnership=pabo, organization=han, role="lerarenopleiding")
    Membership.objects.create(partnership=pabo, organization=board, role="bestuur")
    Membership.objects.create(partnership=pabo, organization=hidden, role="bestuur")
    vo = partnership("Opleidingsschool VO", group="vo-mbo", accreditation="aspirant")
    Membership.objects.create(partnership=vo, organization=han, role="lerarenopleiding")
    partnership("Concept Partnerschap", status=PublishStatus.DRAFT)
    return {"pabo": pabo, "vo": vo}


def test_the_overview_lists_published_partnerships(client, field):
    response = client.get(URL)

    page = response.content.decode()
    assert names(response) == ["Opleidingsschool VO", "Pabo Partnerschap"]
    assert "Concept Partnerschap" not in page and "Concept bestuur" not in page
    assert 'PO/(V)SO <span class="tabs__count">(1)</span>' in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "po-vso"}, ["Pabo Partnerschap"]),
        ({"sector": "vo-mbo"}, ["Opleidingsschool VO"]),
        ({"bestuur": "delta"}, ["Pabo Partnerschap"]),
        ({"bestuur": "concept"}, []),  # a draft organisation filters nothing in
        ({"opleiding": "han"}, ["Opleidingsschool VO", "Pabo Partnerschap"]),
        ({"erkenning": "aspirant"}, ["Opleidingsschool VO"]),
        ({"zoek": "pabo"}, ["Pabo Partnerschap"]),
        ({"sorteer": "-grootte"}, ["Pabo Partnerschap", "Opleidingsschool VO"]),
    ],
)
def test_filters_and_sorting(client, field, query, expected):
    assert names(client.get(URL, query)) == expected


def test_member_counts_leave_out_draft_organisations(client, field):
    response = client.get(URL, {"zoek": "pabo"})

    assert response.context["page"].object_list[0].member_count == 2


def test_htmx_filtering_returns_the_results_with_updated_facets(client, field):
    response = client.get(
        URL, {"sector": "po-vso"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<section id="results"')
    assert "<html" not in fragment and 'id="filters"' not in fragment
    assert 'id="facet-bestuur" data-hx-swap-oob="true"' in fragment
    assert 'id="facet-erkenning" data-hx-swap-oob="true"' in fragment
    assert ">Erkend (1)</option>" in fragment


def test_htmx_tabs_return_the_whole_directory(client, field):
    response = client.get(
        URL, {"sector": "vo-mbo"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="directory"
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="directory"')
    assert 'name="sector" value="vo-mbo"' in fragment
    assert "hx-swap-oob" not in fragment.split('id="filters"')[0]


def test_bad_input_is_explained(client, field):
    response = client.get(URL, {"sorteer": "bogus", "erkenning": "<x>", "pagina": "zz"})

    assert response.status_code == 200
    assert "Een filter had een ongeldige waarde" in response.content.decode()


def test_an_empty_result_offers_to_clear_the_filters(client, field):
    page = client.get(URL, {"zoek": "bestaat niet"}).content.decode()

    assert "Geen partnerschappen gevonden met deze filters" in page
    assert "Wis alle filters en toon alle partnerschappen" in page


def test_csv_export_opens_in_excel_and_follows_the_filters(client, field):
    field["pabo"].name = '=HYPERLINK("x")'
    field["pabo"].save()

    response = client.get(reverse("partnerships:export_csv"), {"sector": "po-vso"})

    body = response.content.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][0] == "Naam"
    assert len(rows) == 2
    assert rows[1][0] == '\'=HYPERLINK("x")'  # no formula runs in a spreadsheet
    assert rows[1][6] == "Stichting Delta"  # the draft board is not exported


def test_json_export_has_the_same_rows(client, field):
    response = client.get(reverse("partnerships:export_json"), {"opleiding": "han"})

    data = json.loads(response.content)["partnerships"]
    assert [row["name"] for row in data] == ["Opleidingsschool VO", "Pabo Partnerschap"]
    assert data[1]["boards"] == ["Stichting Delta"]
    assert data[1]["url"].startswith("http://testserver/partnerschappen/")
    assert "Concept Partnerschap" not in response.content.decode()


def test_overview_and_export_run_a_fixed_number_of_queries_with_1000_partnerships(
    client, django_assert_num_queries
):
    organizations = [factories.organization(kind="bestuur") for _ in range(50)]
    institute = factories.organization(slug="inst", kind="hbo")
    region = factories.education_region()
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            name=f"Partnerschap {n:04}",
            slug=f"ps-{n}",
            sector_group=["po-vso", "vo-mbo"][n % 2],
            education_region=region,
            status="published",
        )
        for n in range(1000)
    )
    Membership.objects.bulk_create(
        [
            Membership(partnership=p, organization=organizations[(i + k) % 50], role="bestuur")
            for i, p in enumerate(partnerships)
            for k in range(4)
        ]
        + [
            Membership(partnership=p, organization=institute, role="lerarenopleiding")
            for p in partnerships
        ]
    )

    # 1 count, 2 page (with size and region), 3 institutes and boards of the page, then
    # 4 the accreditation facet and 5 the sector tabs; the facets with many options count
    # only their chosen value: 6 the board's.
    with django_assert_num_queries(6):
        response = client.get(
            URL, {"sector": "po-vso", "sorteer": "-grootte", "bestuur": organizations[0].slug}
        )
    assert response.context["page"].paginator.count == 40
    # 1 partnerships, 2 their institutes and boards, 3 their municipalities, 4 their regions.
    with django_assert_num_queries(4):
        response = client.get(reverse("partnerships:export_csv"))
    assert len(list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))) == 1001
