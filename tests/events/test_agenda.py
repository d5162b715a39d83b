"""The agenda: upcoming first, the archive by year, filters, htmx, and a fixed query count."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event, EventKind
from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("events:list")


def days(n):
    return timezone.now() + timedelta(days=n)


def test_upcoming_events_are_listed_soonest_first_and_past_ones_only_in_the_archive(client):
    later = factories.event(title="Later", starts_at=days(40))
    sooner = factories.event(title="Binnenkort", starts_at=days(5))
    past = factories.event(title="Vorig jaar", starts_at=days(-400))

    html = client.get(URL).content.decode()

    assert html.index(sooner.title) < html.index(later.title)
    assert past.title not in html
    assert "2 komende bijeenkomsten" in html
    year = timezone.localtime(past.starts_at).year
    assert f"jaar={year}" in html  # the archive links to the past event's year


def test_the_archive_of_a_year_lists_its_past_events_newest_first(client):
    start = timezone.now().replace(month=1, day=10) - timedelta(days=800)
    year = timezone.localtime(start).year
    first = factories.event(title="Eerste", starts_at=start)
    second = factories.event(title="Tweede", starts_at=start + timedelta(days=30))
    factories.event(title="Ander jaar", starts_at=start - timedelta(days=400))

    html = client.get(URL, {"jaar": year}).content.decode()

    assert f"Archief {year}: 2 bijeenkomsten" in html
    assert html.index(second.title) < html.index(first.title)
    assert "Ander jaar" not in html


def test_drafts_and_scheduled_events_stay_off_the_agenda(client):
    factories.event(title="Concept", status=PublishStatus.DRAFT)
    factories.event(title="Gepland", publish_at=days(1))
    factories.event(title="Zichtbaar")

    html = client.get(URL).content.decode()

    assert "Zichtbaar" in html
    assert "Concept" not in html and "Gepland" not in html


def test_filters_by_kind_and_sector_with_counts(client):
    po = Sector.objects.ensure_all()["po"]
    webinar = factories.event(title="Webinar PO", kind=EventKind.WEBINAR)
    webinar.sectors.add(po)
    factories.event(title="Ontmoeting", kind=EventKind.NETWORK_MEETING)

    html = client.get(URL, {"soort": "webinar"}).content.decode()
    assert "Webinar PO" in html and "Ontmoeting" not in html

    html = client.get(URL, {"sector": "po"}).content.decode()
    assert "Webinar PO" in html and "Ontmoeting" not in html
    assert "Webinar (1)" in html  # the kind facet counts under the sector filter


@pytest.mark.parametrize(
    "params",
    [
        {"soort": "bestaat-niet"},
        {"sector": "x" * 5000},
        {"jaar": "abc"},
        {"jaar": "99999999999999999999"},
        {"pagina": "-1"},
        {"pagina": "9999"},
    ],
)
def test_bad_query_input_never_breaks_the_page(client, params):
    factories.event()
    response = client.get(URL, params)
    assert response.status_code == 200


def test_htmx_gets_only_the_results_fragment(client):
    factories.event(title="Fragment")
    response = client.get(
        URL, {"soort": "overig"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "Fragment" in html
    assert response["Vary"].count("HX-Request") == 1


def test_the_agenda_runs_a_fixed_number_of_queries_with_500_events(
    client, django_assert_num_queries
):
    sectors = list(Sector.objects.ensure_all().values())
    Event.objects.bulk_create(
        Event(
            title=f"Bijeenkomst {n}",
            slug=f"b-{n}",
            summary="Samenvatting",
            starts_at=days(n - 250),
            ends_at=days(n - 250) + timedelta(hours=2),
            status=PublishStatus.PUBLISHED,
        )
        for n in range(500)
    )
    through = Event.sectors.through
    through.objects.bulk_create(
        through(event_id=pk, sector_id=sectors[pk % len(sectors)].pk)
        for pk in Event.objects.values_list("pk", flat=True)
    )
    # 1 kind facet, 2 sector facet, 3 year facet, 4 count, 5 page of events,
    # 6 their sectors (prefetch).
    with django_assert_num_queries(6):
        response = client.get(URL, {"sector": "po"})
    assert response.status_code == 200
