import pytest
from django.urls import reverse

from razon.models import PublishStatus
from regions.models import RegionMembership
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_regio_overview_tells_how_it_fits_together_with_live_counts(client, demo):
    page = client.get(reverse("regions:overview")).content.decode()

    assert "40% van het curriculum" in page
    assert "8 onderwijsregio&#x27;s" in page or "8 onderwijsregio's" in page
    assert "7 projecten" in page
    assert reverse("regions:map") in page


def test_a_region_page_lists_members_municipalities_and_projects(client, demo):
    response = client.get(reverse("regions:education_region", args=["nijmegen"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Onderwijsregio Rijk van Nijmegen" in page
    assert "Stichting Conexus" in page and "Penvoerder" in page
    assert "Mook en Middelaar" in page
    assert "RAP Nijmegen" in page
    assert "Alliantie VO &amp; Notre Dame" in page  # its partnerships, from that app
    assert "voorbeeldinhoud" in page  # demo data says so


def test_a_project_page_lists_lead_partners_and_period(client, demo):
    page = client.get(reverse("regions:rap_project", args=["rap-achterhoek-vo"])).content.decode()

    assert "Stichting Achterhoek VO" in page and "Penvoerder" in page
    assert "Radboud Universiteit" in page
    assert "2022–2023" in page
    assert "voorbeeldinhoud" not in page  # from a public source, not invented


def test_drafts_are_not_public_anywhere(client, municipalities):
    lead = factories.organization()
    draft_region = factories.education_region(slug="concept", status=PublishStatus.DRAFT)
    draft_project = factories.rap_project(
        slug="concept-project",
        status=PublishStatus.DRAFT,
        lead_organization=lead,
        education_region=draft_region,
    )
    RegionMembership.objects.create(region=draft_region, organization=lead)

    assert client.get(draft_region.get_absolute_url()).status_code == 404
    assert client.get(draft_project.get_absolute_url()).status_code == 404
    org_page = client.get(lead.get_absolute_url()).content.decode()
    assert draft_region.name not in org_page and draft_project.name not in org_page


def test_a_draft_lead_organisation_is_named_nowhere_its_project_shows(client, municipalities):
    lead = factories.organization(name="Conceptstichting Penvoerder", status=PublishStatus.DRAFT)
    project = factories.rap_project(lead_organization=lead)
    project.municipalities.set(list(municipalities.values())[:1])
    pages = {
        "overview": client.get(reverse("regions:rap_projects")),
        "page": client.get(project.get_absolute_url()),
        "map panel": client.get(reverse("regions:map"), {"laag": "rap", "regio": project.slug}),
    }

    for name, response in pages.items():
        page = response.content.decode()
        assert response.status_code == 200, name
        assert project.name in page, name  # the walk reaches the project
        assert lead.name not in page, name
        assert lead.get_absolute_url() not in page, name


def test_the_organization_page_lists_its_regions_and_projects(client, demo):
    page = client.get(reverse("alliances:organization", args=["han"])).content.decode()

    assert "Onderwijsregio&#x27;s" in page or "Onderwijsregio's" in page
    assert "Onderwijsregio Arnhem en de Liemers" in page
    assert "RAP Nijmegen" in page


def test_region_page_runs_a_fixed_number_of_queries(
    client, municipalities, django_assert_num_queries
):
    region = factories.education_region(contact=factories.person())
    region.municipalities.add(*list(municipalities.values())[:100])
    for _ in range(30):
        RegionMembership.objects.create(region=region, organization=factories.organization())
        factories.rap_project(education_region=region)
        factories.post(regions=[region])

    # 1 region with contact, 2 sectors, 3 municipalities, 4 members, 5 projects, then the
    # sections other apps add: 6 its partnerships, 7 posts about it, 8 its published
    # scale-level boards.
    with django_assert_num_queries(8):
        client.get(region.get_absolute_url())
