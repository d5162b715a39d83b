"""The home page (portal/views.py): who RA-ZON is, the sections, the latest posts and the
next events; only published content, in a fixed number of queries."""

import re

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
    assert '<section aria-labelledby="focus-title" lang="nl">' in html


def test_home_is_empty_safe_without_content(client, db):
    response = client.get(reverse("home"))

    assert response.status_code == 200
    assert "Er is nog geen inhoud gepubliceerd." in response.content.decode()


def test_a_draft_alliance_does_not_reach_the_home_page(client, db):
    factories.alliance(is_main=True, intro="Geheime conceptinleiding", status=PublishStatus.DRAFT)

    response = client.get(reverse("home"))

    assert "Geheime conceptinleiding" not in response.content.decode()


def test_draft_institutes_are_not_shown(client, db):
    alliance = factories.alliance(is_main=True)
    alliance.lead_institutes.add(
        factories.organization(name="Zichtbare Hogeschool"),
        factories.organization(name="Concept Hogeschool", status=PublishStatus.DRAFT),
    )

    html = client.get(reverse("home")).content.decode()

    assert "Zichtbare Hogeschool" in html
    assert "Concept Hogeschool" not in html


def test_home_runs_a_fixed_number_of_queries_whatever_the_data(
    client, db, django_assert_num_queries
):
    alliance = factories.alliance(is_main=True)
    institutes = [factories.organization() for _ in range(60)]
    for institute in institutes:
        institute.sectors.set(Sector.objects.all())
    alliance.lead_institutes.add(*institutes)
    for _ in range(30):
        point = factories.focus_point(alliance)
        for _ in range(5):
            factories.focus_point(alliance, parent=point)
    for _ in range(20):
        factories.post(sectors=Sector.objects.all())
        factories.event()
        factories.partnership()

    # 1 alliance with the key figures, 2 lead institutes with their main sector, 3 top
    # focus points, 4 the latest posts, 5 upcoming events; the map thumbnail: 6 the page
    # cache's generations, on a miss 7 the municipalities, 8 the onderwijsregio's, 9 the
    # next scheduled publication.
    with django_assert_num_queries(9):
        response = client.get(reverse("home"))
    html = response.content.decode()
    assert html.count('class="org-mark org-mark--monogram"') == 60
    assert html.count('class="card__meta"') == 6
    # Drawn once, the thumbnail is kept: one query to check it.
    with django_assert_num_queries(6):
        client.get(reverse("home"))


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


def test_home_and_alliance_page_have_their_own_title_and_intro(client, demo):
    home = client.get(reverse("home")).content.decode()
    alliance = client.get(reverse("alliances:alliance")).content.decode()

    def title(html):
        return html.split("<title>")[1].split("</title>")[0]

    def lead(html):
        return html.split('class="lead"')[1].split("</p>")[0]

    assert title(home) != title(alliance)
    assert lead(home) != lead(alliance)
    assert "Samen genoeg goede leraren in Zuidoost-Nederland" in title(home)


def test_home_shows_key_figures_of_published_content_only(client, db):
    factories.alliance(is_main=True)
    factories.partnership()
    factories.partnership()
    factories.partnership(status=PublishStatus.DRAFT)
    factories.education_region()
    factories.event()
    factories.event(status=PublishStatus.DRAFT)

    html = client.get(reverse("home")).content.decode()
    figures = html.split('class="key-figures"')[1].split("</ul>")[0]

    assert "<strong>2</strong> partnerschappen Samen Opleiden" in figures
    assert "<strong>1</strong> onderwijsregio</a>" in figures
    assert "<strong>1</strong> bijeenkomst op de agenda" in figures
    assert 'href="/partnerschappen/"' in figures and 'href="/agenda/"' in figures


def test_home_repeats_no_menu_as_cards(client, demo):
    page = client.get(reverse("home")).content.decode()
    html = page[page.index("<main") : page.index("</main>")]  # the footer has its links

    assert "Snel naar" not in html
    assert "Wie we zijn, onze ambities en speerpunten." not in html


def test_home_has_a_small_regiokaart_that_leads_to_the_map(client, demo):
    html = client.get(reverse("home")).content.decode()
    figure = html.split('class="map-thumbnail-figure"')[1].split("</figure>")[0]

    assert '<a class="map-thumbnail" href="/regio/kaart/">' in figure
    assert 'aria-hidden="true"' in figure  # the drawing is decorative; the link has text
    assert "Bekijk de regiokaart" in figure and "CBS" in figure
    assert figure.count('<path class="c') == 8  # the demo's eight onderwijsregio's
    assert len(figure) < 12_000


def test_home_shows_pictures_of_events_and_posts(client, demo):
    html = client.get(reverse("home")).content.decode()

    assert html.count('class="card__image"') == 6
    for image in re.findall(r'<img [^>]*class="card__image"[^>]*>', html):
        assert 'loading="lazy"' in image and "srcset=" in image
        assert 'width="' in image and 'height="' in image
        assert re.search(r'alt="Illustratie: [^"]+"', image)


def test_home_shows_the_institutes_with_logo_or_monogram(client, demo):
    html = client.get(reverse("home")).content.decode()
    institutes = html.split('id="institutes-title"')[1].split("</section>")[0]

    assert institutes.count('class="org-mark') == 3
    assert ">HAN</text>" in institutes and ">ArtEZ</text>" in institutes
