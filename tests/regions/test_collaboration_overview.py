"""/regio/ shows how the kinds of collaboration relate: live counts of each (the partnerships
per sector group too), and per onderwijsregio how many partnerships and RAP projects work
there."""

import pytest
from django.urls import reverse

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("regions:overview")


@pytest.fixture
def world():
    arnhem = factories.education_region(name="Regio Arnhem", slug="arnhem")
    tiel = factories.education_region(name="Regio Tiel", slug="tiel")
    factories.education_region(name="Regio Leeg", slug="leeg")
    pabo = factories.partnership(name="Pabo", education_region=arnhem)
    pabo.education_regions.add(tiel)
    factories.partnership(name="VO", sector_group="vo-mbo", education_region=tiel)
    factories.partnership(name="Concept", status=PublishStatus.DRAFT, education_region=tiel)
    factories.rap_project(education_region=tiel)
    factories.rap_project(education_region=tiel, status=PublishStatus.DRAFT)
    return {"arnhem": arnhem, "tiel": tiel}


def rows(response):
    return {
        row["region"].slug: [count for count, _url in row["counts"]]
        for row in response.context["region_rows"]
    }


def test_the_page_counts_each_kind_and_the_partnerships_per_sector_group(client, world):
    response = client.get(URL)

    totals = response.context["totals"]
    assert totals["partnerships"].count == 2
    assert [(p.label, p.count) for p in totals["partnerships"].parts] == [
        ("PO/(V)SO", 1),
        ("VO/MBO", 1),
    ]
    assert totals["rap_projects"].count == 1
    page = response.content.decode()
    assert "2 partnerschappen" in page and "1 project" in page
    assert f"{reverse('partnerships:list')}?sector=vo-mbo" in page


def test_the_table_counts_per_region_every_partnership_working_there(client, world):
    response = client.get(URL)

    assert [kind.key for kind in response.context["kinds"]] == ["partnerships", "rap_projects"]
    assert rows(response) == {"arnhem": [1, 0], "tiel": [2, 1]}  # no row for an empty region
    assert response.context["regions_with_all"] == 1
    page = response.content.decode()
    assert f"{reverse('partnerships:list')}?regio=tiel" in page
    assert "Regio Leeg" not in page


def test_the_page_runs_the_same_queries_with_more_regions(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(n):
        for _ in range(n):
            region = factories.education_region()
            factories.partnership(education_region=region)
            factories.rap_project(education_region=region)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, {"n": n}).status_code == 200
        return len(captured)

    assert queries(1) == queries(4)


def test_a_partnership_change_refreshes_the_cached_page(client, world, settings):
    settings.RAZON_PAGE_CACHE = True
    assert rows(client.get(URL))["arnhem"] == [1, 0]

    factories.partnership(name="Nieuw", education_region=world["arnhem"])

    link = f'<a href="{reverse("partnerships:list")}?regio=arnhem">2</a>'
    assert link in client.get(URL).content.decode()
