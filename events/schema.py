"""schema.org `Event` markup for an event page, so search engines can show its date and place."""

import re

from django.templatetags.static import static

from events.models import RegistrationState

# A Dutch postal code at the start of a place's last part: "6525 AJ Nijmegen".
POSTAL_CODE = re.compile(r"^(\d{4}\s?[A-Z]{2})\s+(.+)$")


def postal_address(location):
    """The free-text location ("Naam, straat 1, 1234 AB Plaats") as a schema.org
    `PostalAddress`: the last part is the place (with its postal code, when it starts with
    one), the parts between the venue's name and the place are the street; a location of one
    part is the place."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    address = {"@type": "PostalAddress", "addressCountry": "NL"}
    if not parts:
        return address
    locality = parts[-1]
    if match := POSTAL_CODE.match(locality):
        address["postalCode"], locality = match.groups()
    address["addressLocality"] = locality
    if street := ", ".join(parts[1:-1]):
        address["streetAddress"] = street
    return address


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
        locations.append(
            {
                "@type": "Place",
                "name": event.location.split(",")[0].strip(),
                "address": postal_address(event.location),
            }
        )
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
        "image": [absolute_url(event.image.url if event.image else static("img/share.png"))],
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
