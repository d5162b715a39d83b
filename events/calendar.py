"""Calendar files (RFC 5545) for one event or all of them, in Europe/Amsterdam time."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


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
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def _local(moment):
    return moment.astimezone(AMSTERDAM).replace(microsecond=0)
