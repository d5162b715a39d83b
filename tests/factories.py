"""Small factories for the tests: plain functions with sensible defaults."""

from itertools import count

from alliances.models import Alliance, FocusPoint, Organization, Person
from razon.models import PublishStatus

_serial = count(1)


def organization(**fields):
    n = next(_serial)
    fields.setdefault("name", f"Organisatie {n}")
    fields.setdefault("slug", f"organisatie-{n}")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return Organization.objects.create(**fields)


def person(**fields):
    fields.setdefault("name", f"Persoon {next(_serial)}")
    return Person.objects.create(**fields)


def alliance(**fields):
    n = next(_serial)
    fields.setdefault("name", f"Alliantie {n}")
    fields.setdefault("short_name", f"A{n}")
    fields.setdefault("slug", f"alliantie-{n}")
    fields.setdefault("intro", "Een alliantie.")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return Alliance.objects.create(**fields)


def focus_point(alliance, **fields):
    fields.setdefault("title", f"Speerpunt {next(_serial)}")
    return FocusPoint.objects.create(alliance=alliance, **fields)


def municipality(**fields):
    from regions.models import Municipality

    n = next(_serial)
    fields.setdefault("code", f"GM{n:04}")
    fields.setdefault("name", f"Gemeente {n}")
    fields.setdefault("province", "Gelderland")
    fields.setdefault(
        "geometry",
        {"type": "Polygon", "coordinates": [[[5.8, 51.8], [5.9, 51.8], [5.9, 51.9], [5.8, 51.8]]]},
    )
    return Municipality.objects.create(**fields)


def education_region(**fields):
    from regions.models import EducationRegion

    n = next(_serial)
    fields.setdefault("name", f"Onderwijsregio {n}")
    fields.setdefault("slug", f"onderwijsregio-{n}")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return EducationRegion.objects.create(**fields)


def rap_project(**fields):
    from regions.models import RAPProject

    n = next(_serial)
    fields.setdefault("name", f"RAP-project {n}")
    fields.setdefault("slug", f"rap-project-{n}")
    fields.setdefault("start_year", 2022)
    fields.setdefault("status", PublishStatus.PUBLISHED)
    if "lead_organization" not in fields:
        fields["lead_organization"] = organization()
    return RAPProject.objects.create(**fields)


# Events
def event(**fields):
    from datetime import timedelta

    from django.utils import timezone

    from events.models import Event

    n = next(_serial)
    starts_at = fields.setdefault("starts_at", timezone.now() + timedelta(days=30))
    fields.setdefault("ends_at", starts_at + timedelta(hours=2))
    fields.setdefault("title", f"Bijeenkomst {n}")
    fields.setdefault("slug", f"bijeenkomst-{n}")
    fields.setdefault("summary", "Een bijeenkomst.")
    fields.setdefault("location", "Nijmegen")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return Event.objects.create(**fields)


def registration(event, **fields):
    from events.models import Registration

    n = next(_serial)
    fields.setdefault("name", f"Deelnemer {n}")
    fields.setdefault("email", f"deelnemer{n}@school.example")
    return Registration.objects.create(event=event, **fields)


# News
def post(**fields):
    """A published post; many-to-many fields (sectors, events, partnerships, regions,
    rap_projects, organizations, related_posts) may be given as lists."""
    from datetime import date

    from news.models import Post

    n = next(_serial)
    many = ["sectors", "events", "partnerships", "regions", "organizations", "related_posts"]
    many.append("rap_projects")
    relations = {name: fields.pop(name) for name in many if name in fields}
    fields.setdefault("title", f"Bericht {n}")
    fields.setdefault("slug", f"bericht-{n}")
    fields.setdefault("date", date(2024, 1, 1))
    fields.setdefault("intro", f"Inleiding van bericht {n}.")
    fields.setdefault("body", "Tekst van het bericht.")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    created = Post.objects.create(**fields)
    for name, items in relations.items():
        getattr(created, name).set(items)
    return created


def partnership(**fields):
    """A published partnership (for the pages posts appear on)."""
    from partnerships.models import Partnership

    n = next(_serial)
    fields.setdefault("name", f"Partnerschap {n}")
    fields.setdefault("slug", f"partnerschap-{n}")
    fields.setdefault("sector_group", "po-vso")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    contacts = fields.pop("contacts", [])
    partnership = Partnership.objects.create(**fields)
    for position, person in enumerate(contacts):
        partnership.partnershipcontact_set.create(person=person, position=position)
    return partnership
