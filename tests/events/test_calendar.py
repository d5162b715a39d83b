"""The calendar files: RFC 5545 as icalendar reads it, times in Europe/Amsterdam."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_agenda_feed_lists_published_events_in_amsterdam_time(client):
    winter = factories.event(
        title="Winter",
        starts_at=datetime(2031, 11, 22, 14, 30, tzinfo=AMSTERDAM),
        ends_at=datetime(2031, 11, 22, 16, 30, tzinfo=AMSTERDAM),
    )
    factories.event(
        title="Zomer",
        starts_at=datetime(2031, 6, 28, 13, 30, tzinfo=AMSTERDAM),
        ends_at=datetime(2031, 6, 28, 17, 0, tzinfo=AMSTERDAM),
    )
    factories.event(title="Concept", status=PublishStatus.DRAFT)

    response = client.get(reverse("events:calendar"))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert "\r\n" in text and "VERSION:2.0" in text and "PRODID:" in text
    calendar = Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Winter", "Zomer"}
    assert "DTSTART;TZID=Europe/Amsterdam:20311122T143000" in text
    assert "DTSTART;TZID=Europe/Amsterdam:20310628T133000" in text
    (timezone_,) = calendar.walk("VTIMEZONE")
    assert str(timezone_["TZID"]) == "Europe/Amsterdam"
    for entry in events.values():
        assert entry["UID"] and entry["DTSTAMP"]
        assert str(entry["URL"]).startswith("http://testserver/agenda/")
    assert events["Winter"].decoded("DTSTART") == winter.starts_at


def test_one_event_as_a_calendar_file(client):
    event = factories.event(title="Eén")
    response = client.get(reverse("events:event_calendar", args=[event.slug]))
    assert 'filename="' in response["Content-Disposition"]
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")] == [
        "Eén"
    ]


def test_a_draft_has_no_calendar_file(client):
    draft = factories.event(status=PublishStatus.DRAFT)
    assert client.get(reverse("events:event_calendar", args=[draft.slug])).status_code == 404
