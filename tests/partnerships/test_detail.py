import pytest
from django.urls import reverse

from partnerships.models import Membership, Partnership
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_partnership_page_groups_members_by_role(client, demo):
    page = client.get(reverse("partnerships:detail", args=["osnl"])).content.decode()

    assert "Opleidingsschool Noord-Limburg" in page
    assert page.index("<h3>Lerarenopleiding <span") < page.index("Hogeschool van Arnhem")
    assert "<h3>Opleidingsschool <span" in page and "Valuascollege" in page
    assert "Erkend (2020)" in page
    assert "Horst aan de Maas" in page


def test_the_profile_is_shown(client, demo):
    page = client.get(
        reverse("partnerships:detail", args=["partners-in-opleiding-en-ontwikkeling"])
    ).content.decode()

    assert "Bevlogen, Betrokken en Bekwame leerkrachten" in page


def test_a_draft_partnership_is_neither_shown_nor_linked(client, db):
    organization = factories.organization(slug="bestuur")
    draft = Partnership.objects.create(
        name="Geheim partnerschap", slug="geheim", sector_group="po-vso", status=PublishStatus.DRAFT
    )
    Membership.objects.create(partnership=draft, organization=organization)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Geheim partnerschap" not in client.get(organization.get_absolute_url()).content.decode()


def test_the_organisation_page_lists_its_partnerships(client, demo):
    page = client.get(reverse("alliances:organization", args=["ogvo"])).content.decode()

    assert "Partnerschappen Samen Opleiden" in page and "Opleidingsschool Noord-Limburg" in page
