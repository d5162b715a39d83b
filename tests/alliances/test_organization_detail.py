import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from partnerships.models import Membership
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

    for days in range(-12, 12, 2):
        factories.event(starts_at=timezone.now() + timedelta(days=days)).organisers.add(
            organization
        )

    # 1 organisation, 2 its sectors, then one per registered collaboration provider:
    # 3 its board and schools (one for both), 4 alliances, 5 onderwijsregio's, 6 RAP
    # projects, 7 partnerships, 8 events (upcoming and past in one), 9 posts about it,
    # 10 the routes it offers.
    with django_assert_num_queries(10):
        response = client.get(organization.get_absolute_url())
    assert response.content.decode().count("Alliantie ") >= 25
    assert response.content.decode().count("Bericht ") == 8


@pytest.mark.parametrize("is_demo", [True, False])
def test_a_demo_organisation_says_so_on_its_page(client, is_demo):
    organization = factories.organization(is_demo=is_demo)

    page = client.get(organization.get_absolute_url()).content.decode()

    assert ("voorbeeldinhoud van de demo" in page) == is_demo


def event_titles(page, heading):
    """The event titles listed under `heading` on the page, in order."""
    section = page.split(f"<h3>{heading}", 1)[1].split("</ul>", 1)[0]  # (a count may follow)
    return re.findall(r'<a href="/agenda/[^"]+/">([^<]+)</a>', section)


def test_the_page_shows_its_events_upcoming_first_then_the_archive(client, db):
    organization = factories.organization(slug="school")
    partnership = factories.partnership(name="Opleidingsschool Oost")
    Membership.objects.create(partnership=partnership, organization=organization)
    draft_partnership = factories.partnership(status=PublishStatus.DRAFT)
    Membership.objects.create(partnership=draft_partnership, organization=organization)
    now = timezone.now()

    def event(title, days, **fields):
        return factories.event(title=title, starts_at=now + timedelta(days=days), **fields)

    event("Later", 20).organisers.add(organization)
    event("Binnenkort", 3).partnerships.add(partnership)
    event("Gisteren", -1).organisers.add(organization)
    event("Vorig jaar", -300).partnerships.add(partnership)
    event("Concept", 5, status=PublishStatus.DRAFT).organisers.add(organization)
    event("Via een concept", 6).partnerships.add(draft_partnership)
    event("Van een ander", 7).organisers.add(factories.organization())
    running = event("Bezig", 0, ends_at=now + timedelta(hours=1))
    running.starts_at = now - timedelta(hours=1)
    running.save()
    running.organisers.add(organization)

    page = client.get(organization.get_absolute_url()).content.decode()

    assert event_titles(page, "Komende bijeenkomsten") == ["Bezig", "Binnenkort", "Later"]
    assert event_titles(page, "Eerdere bijeenkomsten") == ["Gisteren", "Vorig jaar"]
    assert page.index("Komende bijeenkomsten") < page.index("Eerdere bijeenkomsten")
    assert "organisator" in page and "via een partnerschap" in page
    assert "Concept" not in page and "Van een ander" not in page
    assert "Meer bijeenkomsten in de agenda" not in page


def test_the_events_are_bounded_with_a_link_to_the_agenda(client, db):
    organization = factories.organization(slug="school")
    now = timezone.now()
    for n in range(8):
        factories.event(title=f"Komend {n}", starts_at=now + timedelta(days=n + 1))
        factories.event(title=f"Eerder {n}", starts_at=now - timedelta(days=400 + 30 * n))
    for event in Event.objects.all():
        event.organisers.add(organization)

    page = client.get(organization.get_absolute_url()).content.decode()

    assert event_titles(page, "Komende bijeenkomsten") == [f"Komend {n}" for n in range(5)]
    assert event_titles(page, "Eerdere bijeenkomsten") == [f"Eerder {n}" for n in range(5)]
    first_hidden_year = timezone.localtime(now - timedelta(days=400 + 30 * 5)).year
    assert '<a href="/agenda/">Meer bijeenkomsten in de agenda</a>' in page
    assert f'<a href="/agenda/?jaar={first_hidden_year}">' in page
