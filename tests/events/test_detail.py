"""The event page: everything a visitor needs, schema.org markup, drafts hidden, fixed queries."""

import json
import re
from datetime import time, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import ProgrammeItem
from razon.models import Document, DocumentKind, PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db


def schema_of(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_the_page_shows_date_place_programme_audience_and_organisers(client):
    organiser = factories.organization(name="Platform Samen Opleiden")
    event = factories.event(
        title="Informatiebijeenkomst",
        location="",
        online=True,
        online_platform="MS Teams",
        audience="Programmamanagers en bestuurders.",
        body="## Achtergrond\n\nHet **bestuursakkoord**.",
    )
    event.organisers.add(organiser)
    event.sectors.add(Sector.objects.ensure_all()["mbo"])
    ProgrammeItem.objects.create(event=event, position=0, starts_at=time(14, 30), title="Welkom")

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Informatiebijeenkomst" in html
    assert "Online" in html and "via MS Teams" in html
    assert "Programmamanagers en bestuurders." in html
    assert "14.30" in html and "Welkom" in html
    assert "Platform Samen Opleiden" in html and "MBO" in html
    assert "<h2>Achtergrond</h2>" in html and "<strong>bestuursakkoord</strong>" in html


def test_after_the_event_the_report_documents_and_follow_up_are_shown(client):
    follow_up = factories.event(title="Tweede sessie")
    event = factories.event(
        title="Eerste sessie",
        starts_at=timezone.now() - timedelta(days=10),
        report="Ruim 60 deelnemers.",
        follow_up=follow_up,
    )
    document = Document(title="Presentatie", slug="presentatie", kind=DocumentKind.PRESENTATION)
    document.file.save("presentatie.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.content_type, document.size = "application/pdf", 2048
    document.save()
    event.documents.add(document)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Verslag" in html and "Ruim 60 deelnemers." in html
    assert "Presentatie" in html and "(PDF, 2,0\xa0KB)" in html
    assert "Tweede sessie" in html
    download = client.get(document.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 demo"


def test_a_draft_follow_up_is_not_linked(client):
    draft = factories.event(title="Geheime vervolgsessie", status=PublishStatus.DRAFT)
    event = factories.event(follow_up=draft)
    assert "Geheime vervolgsessie" not in client.get(event.get_absolute_url()).content.decode()


def test_schema_org_event_markup(client):
    organiser = factories.organization(name="HAN")
    event = factories.event(title="Netwerk", location="Nijmegen", registration_enabled=True)
    event.organisers.add(organiser)

    schema = schema_of(client.get(event.get_absolute_url()).content.decode())

    assert schema["@type"] == "Event"
    assert schema["name"] == "Netwerk"
    assert schema["startDate"] == event.starts_at.isoformat()
    assert schema["location"]["name"] == "Nijmegen"
    assert schema["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert schema["organizer"][0]["name"] == "HAN"
    assert schema["offers"]["availability"].endswith("InStock")


def test_markup_cannot_be_closed_by_a_title(client):
    event = factories.event(title="</script><script>alert(1)</script>")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert schema_of(html)["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    "fields", [{"status": PublishStatus.DRAFT}, {"publish_at": timezone.now() + timedelta(hours=1)}]
)
def test_drafts_and_scheduled_events_are_not_found(client, fields):
    event = factories.event(**fields)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    event = factories.event(registration_enabled=True, capacity=100)
    for n in range(30):
        factories.registration(event)
        ProgrammeItem.objects.create(event=event, position=n, title=f"Onderdeel {n}")
        event.organisers.add(factories.organization())
        event.partnerships.add(factories.partnership())
    event.sectors.set(Sector.objects.ensure_all().values())
    # 1 event with its registration counts, 2 sectors, 3 programme, 4 documents,
    # 5 organisers, 6 partnerships; related sections add their own (one query per registered
    # provider).
    from razon import related

    providers = len(related._providers["event"])
    with django_assert_num_queries(6 + providers):
        response = client.get(event.get_absolute_url())
    assert "Nog 70 plaatsen vrij." in response.content.decode()


def test_the_registration_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    from django.urls import reverse

    event = factories.event(registration_enabled=True, capacity=100)
    for _ in range(50):
        factories.registration(event)
    event.sectors.set(Sector.objects.ensure_all().values())
    # 1 event with its registration counts, 2 sectors, 3 programme, 4 documents,
    # 5 organisers, 6 partnerships (the page's shared prefetches).
    with django_assert_num_queries(6):
        response = client.get(reverse("events:register", args=[event.slug]))
    assert "Nog 50 plaatsen vrij." in response.content.decode()


def test_the_page_names_its_published_partnerships(client):
    event = factories.event()
    event.partnerships.add(
        factories.partnership(name="SO&P Gelderland"),
        factories.partnership(name="Geheim partnerschap", status=PublishStatus.DRAFT),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert "SO&amp;P Gelderland" in html
    assert "Geheim partnerschap" not in html


@pytest.mark.parametrize("is_demo", [True, False])
def test_a_demo_event_says_so_on_its_page(client, is_demo):
    event = factories.event(is_demo=is_demo)

    page = client.get(event.get_absolute_url()).content.decode()

    assert ("voorbeeldinhoud van de demo" in page) == is_demo
