"""The home page (portal/views.py): who RA-ZON is, the sections, the latest posts and the
next events; only published content, in a fixed number of queries."""

import pytest
from django.urls import reverse

from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db


def test_home_tells_who_razon_is_in_dutch(client, demo):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "portal/home.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert "Onze vier speerpunten" in html
    assert "Versterken en verbinden van de samenwerkingsverbanden" in html
    assert "Hogeschool van Arnhem en Nijmegen" in html
    assert "Jaap Rohof" in html
    assert "Suggesties, opmerkingen en/of vragen?" in html


def test_home_ignores_the_browsers_language_and_stays_dutch(client, demo):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert '<html lang="nl">' in response.content.decode()


def test_language_switch_shows_english_on_the_same_page(client, demo):
    response = client.post(
        reverse("set_language"), {"language": "en", "next": "/?a=1"}, follow=True
    )

    assert response.redirect_chain[0][0] == "/?a=1"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    # Dutch content keeps its language on English pages.
    assert '<p class="lead" lang="nl">' in html


def test_home_is_empty_safe_without_content(client, db):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Er is nog geen inhoud gepubliceerd." in response.content.decode()


def test_a_draft_alliance_does_not_reach_the_home_page(client, db):
    factories.alliance(is_main=True, intro="Geheime conceptinleiding", status=PublishStatus.DRAFT)

    response = client.get(reverse("home"))

    assert "Geheime conceptinleiding" not in response.content.decode()


def test_draft_institutes_and_hidden_people_are_not_shown(client, db):
    alliance = factories.alliance(is_main=True)
    alliance.lead_institutes.add(
        factories.organization(name="Zichtbare Hogeschool"),
        factories.organization(name="Concept Hogeschool", status=PublishStatus.DRAFT),
    )
    alliance.contacts.add(
        factories.person(name="Openbare Persoon"),
        factories.person(name="Verborgen Persoon", is_public=False),
    )

    html = client.get(reverse("home")).content.decode()

    assert "Zichtbare Hogeschool" in html and "Openbare Persoon" in html
    assert "Concept Hogeschool" not in html and "Verborgen Persoon" not in html


def test_home_runs_a_fixed_number_of_queries_whatever_the_data(
    client, db, django_assert_num_queries
):
    alliance = factories.alliance(is_main=True)
    institutes = [factories.organization() for _ in range(60)]
    alliance.lead_institutes.add(*institutes)
    alliance.contacts.add(*[factories.person(organization=institutes[i]) for i in range(40)])
    for _ in range(30):
        point = factories.focus_point(alliance)
        for _ in range(5):
            factories.focus_point(alliance, parent=point)
    for _ in range(20):
        factories.post(sectors=Sector.objects.all())
        factories.event()

    # 1 alliance, 2 lead institutes, 3 contacts with their organisation,
    # 4 top focus points, 5 their sub-points, 6 the latest posts, 7 upcoming events.
    with django_assert_num_queries(7):
        response = client.get(reverse("home"))
    assert response.content.decode().count("<strong>Persoon") == 40
    assert response.content.decode().count('class="card__meta"') == 6


def test_home_shows_the_next_events_soonest_first_and_no_past_or_draft_ones(client, db):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    factories.event(title="Over een maand", starts_at=now + timedelta(days=30))
    factories.event(title="Volgende week", starts_at=now + timedelta(days=7))
    factories.event(title="Vorige week", starts_at=now - timedelta(days=7))
    factories.event(title="Concept", status=PublishStatus.DRAFT)

    html = client.get(reverse("home")).content.decode()

    assert html.index("Volgende week") < html.index("Over een maand")
    assert "Vorige week" not in html and "Concept" not in html
