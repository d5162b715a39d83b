"""Calendar files (RFC 5545) for one event or all of them, in Europe/Amsterdam time."""

from datetime import UTC
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone
from icalendar import Event as CalendarEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Europe/Amsterdam as every client reads it: the EU rule (since 1996) as two yearly RRULEs
# without an end. Each DTSTART is the local time at the change, before it: summer time starts
# on the last Sunday of March at 02.00 CET and ends on the last Sunday of October at 03.00
# CEST, both 01.00 UTC. (icalendar's add_missing_timezones() wrote the changes an hour late,
# up to 2037, as RDATE lists that vobject and ical.js read only in part.)
VTIMEZONE = Timezone.from_ical(
    "\r\n".join(
        [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Amsterdam",
            "BEGIN:DAYLIGHT",
            "TZNAME:CEST",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "DTSTART:19960331T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZNAME:CET",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "DTSTART:19961027T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
        ]
    )
)


def calendar_for(events, absolute_url, *, name=None):
    """The iCalendar text for `events`; `absolute_url(path)` makes the links absolute.

    Times are written as local Amsterdam times with their VTIMEZONE, so calendars show the
    hour the event was announced with, also across a change to or from summer time."""
    calendar = Calendar()
    calendar.add("prodid", "-//RA-ZON//Agenda//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", "Europe/Amsterdam")
    calendar.add_component(VTIMEZONE)
    stamp = timezone.now()
    host = settings.RAZON_SITE_URL.split("://", 1)[-1].strip("/")
    for event in events:
        url = absolute_url(event.get_absolute_url())
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", _local(event.starts_at))
        entry.add("dtend", _local(event.ends_at))
        entry.add("summary", event.title)
        entry.add("description", "\n\n".join(filter(None, [event.summary, url])))
        entry.add("location", event.location or event.online_platform or "Online")
        entry.add("url", url)
        entry.add("last-modified", event.updated_at)
        calendar.add_component(entry)
    return calendar.to_ical().decode()


def _local(moment):
    """The moment in Amsterdam time; in UTC when that local time happens twice (the second
    02.00-03.00 hour in October), because a local time there means the first (RFC 5545)."""
    local = moment.astimezone(AMSTERDAM).replace(microsecond=0)
    return local.astimezone(UTC) if local.fold else local
