"""A small map of an item's municipalities on its page: their outlines only (already loaded
with the page's prefetch, so no query), on the regiokaart's grid (regions/maps.py), without
the provinces around; the names as tooltips and in the text beside it."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from razon.collation import sort_key
from regions import maps

register = template.Library()


@register.simple_tag
def small_map(municipalities):
    """An inline SVG of the municipalities' outlines, nothing when none has a shape."""
    shapes = [(m.name, m.outline) for m in municipalities if m.outline]
    box = maps.bounds([outline for _name, outline in shapes])
    if box is None:
        return ""
    margin = max(box[2] - box[0], box[3] - box[1], 10) * 0.04
    view_box = (
        round(box[0] - margin),
        round(box[1] - margin),
        round(box[2] - box[0] + 2 * margin),
        round(box[3] - box[1] + 2 * margin),
    )
    names = sorted((name for name, _outline in shapes), key=sort_key)
    return format_html(
        '<svg class="small-map" viewBox="{}" role="img" aria-label="{}">{}</svg>',
        " ".join(str(value) for value in view_box),
        _("Kaart van de gemeenten: %(names)s") % {"names": ", ".join(names)},
        format_html_join(
            "", '<path d="{}"><title>{}</title></path>', ((maps.path(o), n) for n, o in shapes)
        ),
    )
