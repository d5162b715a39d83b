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
