"""Calendar files give every client the right moment: read by an independent client library
(vobject, which builds its time zone from the file's own VTIMEZONE), each event starts when
`zoneinfo` says it does, in summer and winter, around both changes of the clock, and after
2038."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def last_sunday(year, month):
    day = datetime(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def moments(year):
    """Moments (UTC) in winter, summer and autumn, and just around both changes of the
    clock (at 01:00 UTC): 02.30 on the last Sunday of October happens twice, once in CEST and
    once in CET."""
    spring = last_sunday(year, 3).replace(hour=1, tzinfo=UTC)
    autumn = last_sunday(year, 10).replace(hour=1, tzinfo=UTC)
    around = [timedelta(minutes=minutes) for minutes in (-90, -30, 30, 90)]
    return [
        datetime(year, 1, 15, 9, 30, tzinfo=UTC),
        datetime(year, 6, 28, 11, 30, tzinfo=UTC),  # 13.30 CEST
        datetime(year, 11, 22, 13, 30, tzinfo=UTC),  # 14.30 CET
        *(spring + offset for offset in around),
        *(autumn + offset for offset in around),
    ]


def events_at(starts):
    """{uid: start} of new events starting at `starts`."""
    events = [
        factories.event(starts_at=start, ends_at=start + timedelta(hours=2)) for start in starts
    ]
    return {f"event-{event.pk}": event.starts_at for event in events}


def read_with_vobject(response):
    """{uid: start in UTC} as vobject reads the calendar file."""
    assert response.status_code == 200
    calendar = vobject.readOne(response.content.decode())
    return {
        entry.uid.value.split("@")[0]: entry.dtstart.value.astimezone(UTC)
        for entry in calendar.vevent_list
    }


def read_own_files(client, uids):
    starts = {}
    for event in Event.objects.filter(pk__in=[uid.removeprefix("event-") for uid in uids]):
        starts |= read_with_vobject(client.get(reverse("events:event_calendar", args=[event.slug])))
    return starts


def test_the_session_of_28_june_2024_at_half_past_one_starts_at_half_past_eleven_utc(client):
    (uid,) = events_at([datetime(2024, 6, 28, 13, 30, tzinfo=AMSTERDAM)])

    assert read_own_files(client, [uid]) == {uid: datetime(2024, 6, 28, 11, 30, tzinfo=UTC)}


@pytest.mark.parametrize("year", [2024, 2037, 2038, 2045, 2099])
def test_each_events_own_file_gives_the_moment_zoneinfo_gives(client, year):
    expected = events_at(moments(year))

    assert read_own_files(client, expected) == expected


@pytest.mark.parametrize("years_ahead", [1, 13, 20])
def test_the_agenda_feed_gives_the_moments_zoneinfo_gives(client, years_ahead):
    expected = events_at(moments(timezone.now().year + years_ahead))

    assert read_with_vobject(client.get(reverse("events:calendar"))) == expected


def test_the_time_zone_has_yearly_rules_without_an_end(client):
    factories.event()

    calendar = vobject.readOne(client.get(reverse("events:calendar")).content.decode())

    (zone,) = calendar.vtimezone_list
    changes = [child for child in zone.getChildren() if child.name in ("STANDARD", "DAYLIGHT")]
    assert {change.name for change in changes} == {"STANDARD", "DAYLIGHT"}
    for change in changes:
        assert "FREQ=YEARLY" in change.rrule.value and "UNTIL" not in change.rrule.value
