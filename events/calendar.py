"""Calendar files (RFC 5545) for one event or all of them, in Europe/Amsterdam time."""

from datetime import UTC
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Timezone

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


# The lines of the VTIMEZONE above, as icalendar writes them (once per process).
VTIMEZONE_LINES = VTIMEZONE.to_ical().decode().rstrip("\r\n").split("\r\n")
FOLD_AT = 75  # octets: a content line is folded before it reaches them (RFC 5545, 3.1)


def calendar_for(events, absolute_url, *, name=None):
    """The iCalendar text for `events`; `absolute_url(path)` makes the links absolute.

    Times are written as local Amsterdam times with their VTIMEZONE, so calendars show the
    hour the event was announced with, also across a change to or from summer time.

    Written line by line, exactly as icalendar wrote it (properties in its order, its TEXT
    escaping and folding; the tests read the result back with icalendar): building a
    component per event cost about 2,500 function calls each, 100 events per feed."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//RA-ZON//Agenda//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines += [f"X-WR-CALNAME:{_text(name)}", "X-WR-TIMEZONE:Europe/Amsterdam"]
    lines += VTIMEZONE_LINES
    stamp = _utc(timezone.now())
    host = _text(settings.RAZON_SITE_URL.split("://", 1)[-1].strip("/"))
    for event in events:
        url = absolute_url(event.get_absolute_url())
        description = "\n\n".join(filter(None, [event.summary, url]))
        lines += [
            "BEGIN:VEVENT",
            f"SUMMARY:{_text(event.title)}",
            f"DTSTART{_date_time(event.starts_at)}",
            f"DTEND{_date_time(event.ends_at)}",
            f"DTSTAMP:{stamp}",
            f"UID:event-{event.pk}@{host}",
            f"DESCRIPTION:{_text(description)}",
            f"LAST-MODIFIED:{_utc(event.updated_at)}",
            f"LOCATION:{_text(event.location or event.online_platform or 'Online')}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{_fold(line)}\r\n" for line in lines)


def _local(moment):
    """The moment in Amsterdam time; in UTC when that local time happens twice (the second
    02.00-03.00 hour in October), because a local time there means the first (RFC 5545)."""
    local = moment.astimezone(AMSTERDAM).replace(microsecond=0)
    return local.astimezone(UTC) if local.fold else local


def _date_time(moment):
    """A DTSTART or DTEND after its name: a local Amsterdam time with its TZID, or UTC."""
    local = _local(moment)
    if local.tzinfo is UTC:
        return f":{_utc(local)}"
    return f";TZID=Europe/Amsterdam:{local:%Y%m%dT%H%M%S}"


def _utc(moment):
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _text(value):
    """A TEXT value escaped as RFC 5545 (3.3.11) asks, in icalendar's order."""
    return (
        str(value)
        .replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line):
    """The content line folded as icalendar folds it: before a line would reach FOLD_AT
    octets, going on after CRLF and a space, never splitting an escape (a backslash or a
    caret is carried over to the next line)."""
    if line.isascii():
        if len(line) < FOLD_AT:
            return line
        parts, start = [], 0
        while len(line) - start >= FOLD_AT:
            end = start + FOLD_AT - 1
            if line[end - 1] in "\\^":
                end -= 1
            parts.append(line[start:end])
            start = end
        parts.append(line[start:])
        return "\r\n ".join(parts)
    parts, current, size = [], [], 0
    for char in line:
        length = len(char.encode())
        if current and size + length >= FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                parts.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                parts.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += length
    parts.append("".join(current))
    return "\r\n ".join(parts)
