"""Helpers for the demo content that each app loads from its own `demo.py`.

`sync` writes a row only when it differs from what is stored, so loading the demo twice
changes nothing (not even a modification time)."""

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
