"""Helpers for the demo content that each app loads from its own `demo.py`.

`sync` writes a row only when it differs from what is stored, so loading the demo twice
changes nothing (not even a modification time)."""

import datetime

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


def illustration(width=1200, height=600):
    """A picture for demo content, drawn here (no third-party image, no licence question):
    the three circles of the RA-ZON mark on a light background, as PNG bytes."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "#f3f6f9")
    layer = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    radius = height // 4
    centres = [(-radius // 2, -radius // 3), (radius // 2, -radius // 3), (0, radius // 2)]
    colours = [(26, 79, 122, 170), (168, 72, 12, 150), (18, 58, 90, 140)]
    for (dx, dy), colour in zip(centres, colours, strict=True):
        x, y = width // 2 + dx, height // 2 + dy
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    image.paste(layer, mask=layer)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


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
