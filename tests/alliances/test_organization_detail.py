import pytest
from django.urls import reverse

from razon import related
from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_organization_page_shows_what_it_is_and_its_alliances(client, demo):
    response = client.get(reverse("alliances:organization", args=["han"]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Hogeschool van Arnhem en Nijmegen (HAN)" in page
    assert "Lerarenopleiding (hbo)" in page
    assert "<li>PO</li>" in page
    assert "Regionale Alliantie Zuidoost-Nederland" in page  # a collaboration


def test_a_draft_organization_is_not_public(client, db):
    factories.organization(slug="concept", status=PublishStatus.DRAFT)

    assert client.get(reverse("alliances:organization", args=["concept"])).status_code == 404


def test_a_draft_alliance_is_not_listed_as_a_collaboration(client, db):
    organization = factories.organization(slug="school")
    factories.alliance(name="Geheime Alliantie", status=PublishStatus.DRAFT).members.add(
        organization
    )

    page = client.get(organization.get_absolute_url()).content.decode()

    assert "Geheime Alliantie" not in page
    assert "nog geen samenwerkingen" in page


def test_other_apps_plug_their_collaborations_into_the_page(client, db):
    organization = factories.organization(slug="bestuur")

    def projects(org):
        item = related.RelatedItem(f"Project van {org.name}", "/p/")
        return related.RelatedSection("Testprojecten", [item])

    related.register("organization", projects)
    try:
        page = client.get(organization.get_absolute_url()).content.decode()
    finally:
        related.unregister("organization", projects)

    assert "Testprojecten" in page and f"Project van {organization.name}" in page


def test_the_organization_page_runs_a_fixed_number_of_queries(
    client, db, django_assert_num_queries
):
    organization = factories.organization(slug="groot")
    organization.sectors.add(*Sector.objects.all())
    for _ in range(25):
        factories.alliance().members.add(organization)
    for _ in range(8):
        factories.post(organizations=[organization])

    # 1 organisation, 2 its sectors, then one per registered collaboration provider:
    # 3 alliances, 4 onderwijsregio's, 5 RAP projects, 6 partnerships, 7 posts about it.
    with django_assert_num_queries(7):
        response = client.get(organization.get_absolute_url())
    assert response.content.decode().count("Alliantie ") >= 25
    assert response.content.decode().count("Bericht ") == 8


@pytest.mark.parametrize("is_demo", [True, False])
def test_a_demo_organisation_says_so_on_its_page(client, is_demo):
    organization = factories.organization(is_demo=is_demo)

    page = client.get(organization.get_absolute_url()).content.decode()

    assert ("voorbeeldinhoud van de demo" in page) == is_demo
