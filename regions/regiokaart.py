"""The regiokaart: municipalities coloured by onderwijsregio or RAP project, as inline SVG.

Drawing 138 outlines takes a few tens of milliseconds, so the finished markup is cached.
The cache key carries a fingerprint of what is published on the layer (count and latest
change), so an edit or a scheduled publication shows on the map at once, without a job."""

from django.core.cache import cache
from django.db.models import Count, Max
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from regions.maps import ZUIDOOST_PROVINCES, Projection, colour
from regions.models import EducationRegion, Municipality, RAPProject

MAP_WIDTH = 800
SHAPES_VERSION_KEY = "regiokaart:shapes-version"

LAYERS = {
    "onderwijsregios": (_("Onderwijsregio's"), EducationRegion),
    "rap": (_("RAP-projecten"), RAPProject),
}
DEFAULT_LAYER = "onderwijsregios"


def layer_or_default(value):
    return value if value in LAYERS else DEFAULT_LAYER


def map_markup(layer):
    """The map of a layer (SVG, legend and text alternative) as HTML, from the cache when
    nothing changed. One query to check, a few more when it has to be drawn."""
    model = LAYERS[layer][1]
    fingerprint = model.objects.published().aggregate(n=Count("pk"), latest=Max("updated_at"))
    key = "regiokaart:{}:{}:{}:{}:{}".format(
        layer,
        get_language(),
        cache.get(SHAPES_VERSION_KEY, 0),
        fingerprint["n"],
        fingerprint["latest"].timestamp() if fingerprint["latest"] else 0,
    )
    markup = cache.get(key)
    if markup is None:
        markup = _draw(layer, model)
        cache.set(key, markup, timeout=24 * 3600)
    return markup


def shapes_changed():
    """Call after importing municipalities: every cached map is drawn again."""
    try:
        cache.incr(SHAPES_VERSION_KEY)
    except ValueError:
        cache.set(SHAPES_VERSION_KEY, 1, timeout=None)


def _draw(layer, model):
    municipalities = list(
        Municipality.objects.filter(province__in=ZUIDOOST_PROVINCES).only(
            "code", "name", "geometry"
        )
    )
    projection, height = Projection.fitting([m.geometry for m in municipalities], MAP_WIDTH)
    paths = {m.code: projection.path(m.geometry) for m in municipalities}
    items = model.objects.published().prefetch_related("municipalities").order_by("name")
    groups = [
        {
            "name": item.name,
            "slug": item.slug,
            "url": item.get_absolute_url(),
            "colour": colour(index),
            "municipalities": [m for m in item.municipalities.all() if m.code in paths],
            "paths": [paths[m.code] for m in item.municipalities.all() if m.code in paths],
        }
        for index, item in enumerate(items)
    ]
    return render_to_string(
        "regions/_regiokaart.html",
        {
            "layer": layer,
            "layer_label": LAYERS[layer][0],
            "width": MAP_WIDTH,
            "height": height,
            "base": [(m.name, paths[m.code]) for m in municipalities],
            "groups": [group for group in groups if group["paths"]],
        },
    )
