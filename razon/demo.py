"""Helpers for the demo content that each app loads from its own `demo.py`.

`sync` writes a row only when it differs from what is stored, so loading the demo twice
changes nothing (not even a modification time)."""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import models


def sync(model, lookup, values=None, m2m=None):
    """Create or update the row found by `lookup` so it holds `values` and the many-to-many
    sets in `m2m` ({field name: iterable of objects}). Returns (object, changed)."""
    values = values or {}
    obj = model.objects.filter(**lookup).first()
    changed = obj is None
    if obj is None:
        obj = model(**lookup, **values)
    else:
        for field, value in values.items():
            if _stored_value(obj, field) != _comparable(value):
                setattr(obj, field, value)
                changed = True
    if changed:
        obj.save()
    for field, related in (m2m or {}).items():
        manager = getattr(obj, field)
        wanted = {item.pk for item in related}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(wanted)
            changed = True
    return obj, changed


def _stored_value(obj, field):
    value = getattr(obj, field)
    return value.pk if isinstance(value, models.Model) else value


def _comparable(value):
    return value.pk if isinstance(value, models.Model) else value


# The demo's illustrations: simple shapes in RA-ZON's colours, drawn for the project by
# bin/draw_illustrations.py (no third-party image, no licence question).
ILLUSTRATIONS = Path(__file__).parent / "demo_files" / "illustrations"
# {(model label, field, illustration): {stored name: bytes}}: what storing an illustration
# wrote (the original and its renditions), kept per process, so that a second load into
# an empty media folder (each test has its own) writes the files instead of encoding again.
_stored_files = {}
# What each illustration shows, for its description (alt text).
ILLUSTRATION_ALTS = {
    "bijeenkomst": "Illustratie: ronde tafels met gekleurde stippen eromheen, als mensen in gesprek.",
    "route": "Illustratie: gekleurde treden die oplopen naar een doel.",
    "regio": "Illustratie: een veld van zeshoeken waarvan een deel gekleurd is, als regio's.",
    "gesprek": "Illustratie: vier tekstballonnen in verschillende kleuren.",
    "cijfers": "Illustratie: een staafdiagram dat oploopt naast een ringdiagram.",
    "netwerk": "Illustratie: gekleurde stippen die met lijnen verbonden zijn, als een netwerk.",
    "agenda": "Illustratie: een kalender waarin enkele dagen gekleurd zijn.",
    "lezen": "Illustratie: een stapel boeken naast een beschreven pagina.",
}


def illustration_for(slug, themes, default):
    """The illustration for a demo item: the first of `themes` ([(word, illustration)]) whose
    word is in its address, else `default`."""
    return next((name for word, name in themes if word in slug), default)


def illustrate(obj, field, name, alt_field):
    """Gives `obj` the illustration `name` (razon/demo_files/illustrations/<name>.png) in
    its image field `field`, with its description in `alt_field`, unless it holds an image already
    (so a reload changes nothing). Items of one model showing the same illustration share
    one stored file (razon.uploads keeps a file while a row points at it). Returns 1 when it
    changed `obj`, else 0."""
    current = getattr(obj, field)
    if current and current.storage.exists(current.name):
        return 0
    model = type(obj)
    key = (model._meta.label, field, name)
    model_field = model._meta.get_field(field)
    storage = model_field.storage
    if stored := _stored_files.get(key):
        for stored_name, content in stored.items():
            if not storage.exists(stored_name):
                storage.save(stored_name, ContentFile(content))
        setattr(obj, field, next(iter(stored)))
    else:
        image = (ILLUSTRATIONS / f"{name}.png").read_bytes()
        setattr(obj, field, ContentFile(image, f"{name}.png"))
    setattr(obj, alt_field, ILLUSTRATION_ALTS[name])
    obj.save()
    if key not in _stored_files:
        _stored_files[key] = {}
        for path in model_field.files_of(getattr(obj, field).name):
            if storage.exists(path):
                with storage.open(path, "rb") as handle:
                    _stored_files[key][path] = handle.read()
    return 1


def easter_sunday(year):
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and
    Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def dutch_public_holidays(year):
    """The Dutch public holidays of a year (Goede Vrijdag included: many schools are closed)."""
    easter = easter_sunday(year)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # on a Sunday, Koningsdag moves to the Saturday before
        kings_day -= datetime.timedelta(days=1)
    after_easter = [-2, 0, 1, 39, 49, 50]  # Goede Vrijdag, Pasen, Hemelvaart, Pinksteren
    return {
        datetime.date(year, 1, 1),
        *(easter + datetime.timedelta(days=offset) for offset in after_easter),
        kings_day,
        datetime.date(year, 5, 5),  # Bevrijdingsdag
        datetime.date(year, 12, 25),
        datetime.date(year, 12, 26),
    }


def is_meeting_day(day):
    """Whether a demo meeting may fall on `day`: a weekday, no public holiday, and not between
    Christmas Eve and New Year's Day."""
    between_the_years = (day.month, day.day) >= (12, 24) or (day.month, day.day) == (1, 1)
    return (
        day.weekday() < 5 and not between_the_years and day not in dutch_public_holidays(day.year)
    )


def meeting_day(day):
    """`day`, or the first day after it on which a demo meeting may fall."""
    while not is_meeting_day(day):
        day += datetime.timedelta(days=1)
    return day
