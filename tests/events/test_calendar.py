"""The calendar files: RFC 5545 as icalendar reads it, times in Europe/Amsterdam."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_the_agenda_feed_lists_published_events_in_amsterdam_time(client):
    year = timezone.localdate().year + 1  # upcoming, so always in the feed's window
    winter = factories.event(
        title="Winter",
        starts_at=datetime(year, 11, 22, 14, 30, tzinfo=AMSTERDAM),
        ends_at=datetime(year, 11, 22, 16, 30, tzinfo=AMSTERDAM),
    )
    factories.event(
        title="Zomer",
        starts_at=datetime(year, 6, 28, 13, 30, tzinfo=AMSTERDAM),
        ends_at=datetime(year, 6, 28, 17, 0, tzinfo=AMSTERDAM),
    )
    factories.event(title="Concept", status=PublishStatus.DRAFT)

    response = client.get(reverse("events:calendar"))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert "\r\n" in text and "VERSION:2.0" in text and "PRODID:" in text
    calendar = Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Winter", "Zomer"}
    assert f"DTSTART;TZID=Europe/Amsterdam:{year}1122T143000" in text
    assert f"DTSTART;TZID=Europe/Amsterdam:{year}0628T133000" in text
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


def test_the_agenda_feed_is_a_window_not_the_archive(client, monkeypatch):
    """Events of the past year and all upcoming ones, at most CALENDAR_FEED_SIZE (the latest
    kept): the file does not grow with the archive."""
    now = timezone.now()
    for title, days in [("Lang geleden", -400), ("Vorige maand", -30)] + [
        (f"Straks {day}", 10 + day) for day in range(3)
    ]:
        starts_at = now + timedelta(days=days)
        factories.event(title=title, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))

    def titles():
        response = client.get(reverse("events:calendar"))
        return {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}

    assert titles() == {"Vorige maand", "Straks 0", "Straks 1", "Straks 2"}
    monkeypatch.setattr("events.models.CALENDAR_FEED_SIZE", 3)
    assert titles() == {"Straks 0", "Straks 1", "Straks 2"}


def test_text_is_escaped_and_long_lines_folded_as_icalendar_reads_them(client):
    """The file is written line by line (events/calendar.py): commas, semicolons, backslashes
    and line breaks escaped, lines folded before 75 octets without splitting a character."""
    title = "Eén, twee; drie\\vier " + "ë" * 60 + " " + "x" * 80
    summary = "Regel 1\nRegel 2, met; tekens\r\nen meer"
    event = factories.event(title=title, summary=summary, location="Zaal 1, Nijmegen")
    content = client.get(reverse("events:event_calendar", args=[event.slug])).content
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))  # octets, with the fold
    assert "SUMMARY:Eén\\, twee\\; drie\\\\vier" in content.decode()
    (entry,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == title
    assert str(entry["DESCRIPTION"]).startswith("Regel 1\nRegel 2, met; tekens\nen meer\n\nhttp")
    assert str(entry["LOCATION"]) == "Zaal 1, Nijmegen"
