"""schema.org `Event` markup for an event page, so search engines can show its date and place."""

from events.models import RegistrationState

ATTENDANCE_ONLINE = "https://schema.org/OnlineEventAttendanceMode"
ATTENDANCE_OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ATTENDANCE_MIXED = "https://schema.org/MixedEventAttendanceMode"


def event_schema(event, absolute_url):
    url = absolute_url(event.get_absolute_url())
    if event.online and event.location:
        mode = ATTENDANCE_MIXED
    else:
        mode = ATTENDANCE_ONLINE if event.online or not event.location else ATTENDANCE_OFFLINE
    locations = []
    if event.location:
        locations.append({"@type": "Place", "name": event.location, "address": event.location})
    if event.online or not event.location:
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "url": url,
        "inLanguage": "nl",
        "organizer": [
            {
                "@type": "Organization",
                "name": organiser.name,
                "url": absolute_url(organiser.get_absolute_url()),
            }
            for organiser in event.organisers.all()
        ]
        or {"@type": "Organization", "name": "RA-ZON", "url": absolute_url("/")},
    }
    if event.registration_enabled:
        state = event.current_registration_state
        data["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": absolute_url(event.get_absolute_url()),
            "availability": "https://schema.org/InStock"
            if state == RegistrationState.OPEN
            else "https://schema.org/SoldOut",
        }
    return data
