"""The regiokaart: every municipality the relational region works in, coloured by a layer,
as inline SVG drawn on the server.

- **What is drawn**: each municipality that a published onderwijsregio, RAP project or
  partnership names (the sources register themselves: `register_source`), on the
  provinces around them as quiet context (dissolved from their municipalities, without
  inner borders). The frame is the same on every layer, so switching layers keeps the map.
- **Layers**: areas (onderwijsregio's, RAP projects: one link per area, with its name on
  the map) or municipalities (how many partnerships work there; the reach of one
  organisation or partnership: one link per municipality). A higher app adds its layer or
  its ties with `register_layer` / `register_ties` / `register_subject`, so dependencies
  keep pointing one way (regions does not import partnerships).
- **Overlap**: a municipality in several areas of a layer is striped in their colours in
  each of them, and listed under the legend with its areas.
- **Small**: each municipality's path is written once (`<path id="GM0268">`), the areas
  `<use>` it; fills are CSS classes; coordinates are integer steps on a 100 m grid,
  projected and simplified once on import (regions.maps).
- **Cached**: the drawing is kept under the page cache's generations of what the map shows
  (one query to check), until the next scheduled change, like the facet counts."""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Q, Value, When
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from alliances.models import Organization
from razon import pagecache
from razon.collation import by_name, sort_key
from razon.models import PublishStatus
from regions import maps
from regions.models import EducationRegion, Municipality, RAPProject, RegionMembership

SHAPES_VERSION_KEY = "regiokaart:shapes-version"
MARKUP_VERSION = 5  # raise when the drawing's markup changes: a release draws anew
TOPICS = ["alliances", "regions", "partnerships"]
MAX_LABELS = 40  # more areas than this: their names are in the legend and on hover only
MAX_PATTERNS = 24  # more combinations of overlapping areas: one neutral pattern for all
MAX_TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Area:
    """An area of a layer: a named link over its municipalities (CBS codes)."""

    key: str
    name: str
    url: str
    codes: tuple
    panel_url: str = ""
    label: str = ""
    note: str = ""


@dataclass(frozen=True)
class Tie:
    """A collaboration an organisation takes part in, with the municipalities it works in."""

    kind: str
    name: str
    url: str
    codes: tuple


@dataclass(frozen=True)
class Subject:
    """What the reach layer can show: `param` names it in the URL (`?organisatie=han`)."""

    param: str
    label: str
    find: object  # slug → the published item or None
    ties: object  # item → [Tie]
    options: object  # () → [(slug, name, group)]


@dataclass(frozen=True)
class Layer:
    key: str
    label: object
    order: int
    kind: str  # "areas" or "counts" or "reach"
    areas: object = None  # () → [Area]
    counts: object = None  # () → ({code: count}, item label singular, plural)
    model: object = None  # the model whose items the panel shows (`?regio=`)
    description: object = ""


_layers = {}
_sources = []
_ties = []
_subjects = {}
_scheduled = [EducationRegion, RAPProject, Organization]


def register_layer(layer):
    _layers[layer.key] = layer


def register_source(source):
    """`source()` → a queryset of the pks of the municipalities some published item names."""
    if source not in _sources:
        _sources.append(source)


def register_ties(provider):
    """`provider(organization)` → [Tie]: what the organisation works in, for its reach."""
    if provider not in _ties:
        _ties.append(provider)


def register_subject(subject):
    _subjects[subject.param] = subject


def register_scheduled(model):
    """A Publishable model the map shows: its scheduled publications end a cached drawing."""
    if model not in _scheduled:
        _scheduled.append(model)


def _next_scheduled():
    """The timestamp of the next scheduled publication of anything the map shows, or None
    (one query): a drawing is kept until then, as the page cache keeps pages."""
    now = timezone.now()
    first, *others = [
        model.objects.filter(status=PublishStatus.PUBLISHED, publish_at__gt=now)
        .order_by()
        .values_list("publish_at")
        for model in _scheduled
    ]
    moments = [moment for (moment,) in first.union(*others).order_by()]
    return min(moments).timestamp() if moments else None


def layers():
    return sorted(_layers.values(), key=lambda layer: layer.order)


def layer_or_default(value):
    return value if value in _layers else layers()[0].key


def get_layer(key):
    return _layers[key]


def subjects():
    return list(_subjects.values())


# --- The regions app's own layers, sources and ties ----------------------------------


def _areas_of(model, through_field, layer_key):
    """The published items of a model with their municipalities, as Areas (one query)."""
    rows = (
        model.municipalities.through.objects.filter(
            **{f"{through_field}__in": model.objects.published()}
        )
        .order_by(f"{through_field}__name", "municipality__code")
        .values_list(f"{through_field}__name", f"{through_field}__slug", "municipality__code")
    )
    grouped = defaultdict(list)
    for name, slug, code in rows:
        grouped[(name, slug)].append(code)
    return [
        Area(
            key=slug,
            name=name,
            url=model(slug=slug).get_absolute_url(),
            codes=tuple(codes),
            panel_url=f"?laag={layer_key}&regio={slug}",
            label=name.removeprefix("Onderwijsregio ").strip(),
        )
        for (name, slug), codes in grouped.items()
    ]


def education_region_areas():
    return _areas_of(EducationRegion, "educationregion", "onderwijsregios")


def rap_project_areas():
    return _areas_of(RAPProject, "rapproject", "rap")


def _named_in(model):
    return model.municipalities.through.objects.filter(
        **{f"{model._meta.model_name}__in": model.objects.published()}
    ).values("municipality_id")


def region_ties(organization):
    """The published onderwijsregio's the organisation is a member of, and the RAP projects
    it leads or takes part in, with their municipalities (two queries)."""
    ties = []
    regions = EducationRegion.municipalities.through.objects.filter(
        educationregion__in=EducationRegion.objects.published().filter(
            pk__in=RegionMembership.objects.filter(organization=organization).values("region")
        )
    ).values_list("educationregion__name", "educationregion__slug", "municipality__code")
    projects = RAPProject.municipalities.through.objects.filter(
        rapproject__in=RAPProject.objects.published().filter(
            Q(lead_organization=organization) | Q(partners=organization)
        )
    ).values_list("rapproject__name", "rapproject__slug", "municipality__code")
    for kind, rows, model in [
        (_("Onderwijsregio"), regions, EducationRegion),
        (_("RAP-project"), projects, RAPProject),
    ]:
        grouped = defaultdict(list)
        for name, slug, code in rows.order_by("municipality__code"):
            grouped[(name, slug)].append(code)
        ties += [
            Tie(kind, name, model(slug=slug).get_absolute_url(), tuple(codes))
            for (name, slug), codes in sorted(grouped.items(), key=_by_name_and_slug)
        ]
    return ties


def _organization_options():
    return [
        (slug, name, _("Lerarenopleidingen") if kind in TEACHER_TRAINING else _("Besturen"))
        for slug, name, kind in Organization.objects.published()
        .filter(kind__in=[*TEACHER_TRAINING, "bestuur"])
        .order_by(*by_name())
        .values_list("slug", "name", "kind")
    ]


TEACHER_TRAINING = ("hbo", "wo", "kunst")

register_layer(
    Layer(
        "onderwijsregios",
        gettext_lazy("Onderwijsregio's"),
        10,
        "areas",
        areas=education_region_areas,
        model=EducationRegion,
    )
)
register_layer(
    Layer(
        "rap", gettext_lazy("RAP-projecten"), 20, "areas", areas=rap_project_areas, model=RAPProject
    )
)
register_layer(Layer("bereik", gettext_lazy("Bereik"), 90, "reach"))
register_source(lambda: _named_in(EducationRegion))
register_source(lambda: _named_in(RAPProject))
register_ties(region_ties)
register_subject(
    Subject(
        "organisatie",
        gettext_lazy("Organisatie"),
        find=lambda slug: Organization.objects.published().filter(slug=slug).first(),
        ties=lambda organization: [tie for provider in _ties for tie in provider(organization)],
        options=_organization_options,
    )
)


# --- Drawing -------------------------------------------------------------------------


def map_markup(layer_key, subject=None, item=None):
    """The map of a layer (SVG, legend and text alternative) as HTML, from the cache while
    nothing it shows changed (one query to check). `subject`/`item`: the reach layer's
    choice (a Subject and its item)."""
    chosen = f"{subject.param}={item.slug}" if item else ""
    return _cached(f"{layer_key}:{chosen}", lambda: _draw(get_layer(layer_key), subject, item))


def thumbnail_markup():
    """A small, light rendition of the map for the home page: the onderwijsregio's in their
    map colours on the provinces around, without borders, names or links (the page links it
    to the map), its outlines simplified to what a few hundred pixels show. Cached like the
    map."""
    return _cached("thumbnail:", _draw_thumbnail)


def _cached(name, draw):
    """`draw()`'s markup, kept under the page cache's generations of the map's topics (one
    query to check) until the next scheduled publication."""
    generations = pagecache.current_generations(TOPICS)
    key = None
    if generations is not None:
        stamp = hashlib.sha256(repr(sorted(generations.items())).encode()).hexdigest()[:24]
        shapes = pagecache.cache.get(SHAPES_VERSION_KEY, 0)
        key = f"regiokaart:{MARKUP_VERSION}:{name}:{get_language()}:{shapes}:{stamp}"
        markup = pagecache.cache.get(key)
        if markup is not None:
            return markup
    markup = draw()
    if key:
        scheduled = _next_scheduled()
        timeout = pagecache.seconds_until(scheduled) if scheduled else MAX_TIMEOUT
        if timeout > 0:
            pagecache.cache.set(key, markup, min(timeout, MAX_TIMEOUT))
    return markup


def shapes_changed():
    """Call after importing municipalities: every cached map is drawn again."""
    try:
        pagecache.cache.incr(SHAPES_VERSION_KEY)
    except ValueError:
        pagecache.cache.set(SHAPES_VERSION_KEY, 1, timeout=None)


@dataclass
class _Frame:
    """The drawn municipalities and the provinces around them."""

    municipalities: dict  # code → Municipality (with `outline`)
    view_box: tuple
    provinces: list = field(default_factory=list)  # (name, path, label point or None)
    province_rings: list = field(default_factory=list)  # the provinces' outlines, as rings

    @property
    def unit(self):
        """About one pixel at the usual width of the map (800 px), in grid units."""
        return max(self.view_box[2] / 800, 0.5)


def _frame():
    """One query: every municipality with a flag whether a published item names it."""
    touched = Q()
    for source in _sources:
        touched |= Q(pk__in=source())
    flag = Case(When(touched, then=True), default=False) if touched else Value(False)
    everything = list(
        Municipality.objects.annotate(touched=flag).only("code", "name", "province", "outline")
    )
    drawn = {m.code: m for m in everything if m.touched}
    box = maps.bounds([m.outline for m in drawn.values()]) or maps.bounds(
        [m.outline for m in everything]
    )
    if box is None:
        return _Frame({}, (0, 0, 1, 1))
    margin = max(box[2] - box[0], box[3] - box[1]) * 0.03
    x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
    frame = _Frame(drawn, (round(x0), round(y0), round(x1 - x0), round(y1 - y0)))
    by_province = defaultdict(list)
    for municipality in everything:
        by_province[municipality.province].append(municipality)
    provinces = []
    for name, members in sorted(by_province.items()):
        px0, py0, px1, py1 = maps.bounds([m.outline for m in members])
        if px1 < x0 or px0 > x1 or py1 < y0 or py0 > y1:
            continue  # outside the picture
        rings = maps.dissolve([m.outline for m in members])
        point = None
        if not any(m.code in drawn for m in members):
            # Only provinces without drawn municipalities are named: the others' names
            # would sit under the areas.
            point, _area = maps.centre(rings)
            if point and not (x0 < point[0] < x1 and y0 < point[1] < y1):
                point = None
        provinces.append((name, maps.path(rings), point))
        frame.province_rings.append(rings)
    frame.provinces = provinces
    return frame


def _draw(layer, subject=None, item=None):
    frame = _frame()
    context = {
        "layer": layer,
        "view_box": " ".join(str(v) for v in frame.view_box),
        "unit": frame.unit,
        "provinces": [
            (name, d, (round(p[0]), round(p[1])) if p else None) for name, d, p in frame.provinces
        ],
        "font_size": round(frame.unit * 13),
        "province_font_size": round(frame.unit * 12),
        "drawn_names": sorted((m.name for m in frame.municipalities.values()), key=sort_key),
    }
    if layer.kind == "areas":
        context |= _area_layer(frame, layer.areas())
    elif layer.kind == "counts":
        context |= _count_layer(frame, *layer.counts())
    else:
        context |= _reach_layer(frame, subject, item)
        context["pickers"] = [
            {
                "subject": candidate,
                "chosen": item.slug if item and candidate == subject else "",
                "groups": _grouped(candidate.options()),
            }
            for candidate in subjects()
        ]
    coloured = context.pop("coloured")
    context["base"] = [
        (m.code, m.name if m.code not in coloured else "", maps.path(m.outline))
        for m in sorted(frame.municipalities.values(), key=lambda m: m.code)
    ]
    return render_to_string("regions/_regiokaart.html", context)


# The thumbnail's outlines are simplified to this many pixels at its usual width.
THUMBNAIL_TOLERANCE_PX = 1.5
THUMBNAIL_WIDTH_PX = 480


def _draw_thumbnail():
    """The onderwijsregio's as one shape per colour (their municipalities dissolved; a
    municipality in several regions takes the first one's colour), on the provinces."""
    frame = _frame()
    tolerance = frame.view_box[2] / THUMBNAIL_WIDTH_PX * THUMBNAIL_TOLERANCE_PX
    areas = [a for a in education_region_areas() if any(c in frame.municipalities for c in a.codes)]
    colour_of = {}
    for index, area in enumerate(areas):
        for code in area.codes:
            if code in frame.municipalities:
                colour_of.setdefault(code, index % len(maps.PALETTE))
    groups = defaultdict(list)
    for code, municipality in frame.municipalities.items():
        groups[colour_of.get(code)].append(municipality.outline)

    def simplified(rings):
        return maps.path(maps.simplify(rings, tolerance))

    return render_to_string(
        "regions/_regiokaart_thumbnail.html",
        {
            "view_box": " ".join(str(v) for v in frame.view_box),
            "provinces": [simplified(rings) for rings in frame.province_rings],
            "base": simplified(maps.dissolve(groups.pop(None, []))),
            "areas": [
                (colour, simplified(maps.dissolve(outlines)))
                for colour, outlines in sorted(groups.items())
            ],
            "count": len(areas),
        },
    )


# Above this many choices the reach layer's picker of a kind is left out: the search field
# finds them by name (a select of a thousand partnerships would outweigh the map).
MAX_PICKER_OPTIONS = 150


def _grouped(options):
    """[(group, [(slug, name)])] of the options, or none when there are too many."""
    if len(options) > MAX_PICKER_OPTIONS:
        return []
    groups = {}
    for slug, name, group in options:
        groups.setdefault(group, []).append((slug, name))
    return list(groups.items())


def _names(frame, codes):
    return sorted(
        (frame.municipalities[code].name for code in codes if code in frame.municipalities),
        key=sort_key,
    )


class _Patterns:
    """The stripe patterns of overlapping areas, one per combination of colours."""

    def __init__(self, unit):
        self.unit = unit
        self.patterns = {}

    def fill(self, colours):
        colours = tuple(sorted(set(colours), key=maps.PALETTE.index))
        if len(colours) == 1:
            return ""
        if colours not in self.patterns and len(self.patterns) >= MAX_PATTERNS:
            colours = ("#1c2430", "#ffffff")
        if colours not in self.patterns:
            self.patterns[colours] = "ov" + str(len(self.patterns))
        return f"url(#{self.patterns[colours]})"

    def context(self):
        stripe = max(2, round(self.unit * 4))  # integers: the template localises floats
        return [
            {
                "id": pattern_id,
                "size": stripe * len(colours),
                "stripes": [(stripe * i, colour) for i, colour in enumerate(colours)],
                "width": stripe,
            }
            for colours, pattern_id in self.patterns.items()
        ]


def _area_layer(frame, areas):
    """Areas as links; each municipality in several areas striped in all their colours."""
    areas = [area for area in areas if any(code in frame.municipalities for code in area.codes)]
    colour_of = {area.key: index % len(maps.PALETTE) for index, area in enumerate(areas)}
    areas_of = defaultdict(list)
    for area in areas:
        for code in area.codes:
            if code in frame.municipalities:
                areas_of[code].append(area)
    patterns = _Patterns(frame.unit)
    drawn = []
    labels = _Labels(frame)
    for area in sorted(areas, key=lambda area: -len(area.codes)):
        uses = []
        for code in area.codes:
            if code not in frame.municipalities:
                continue
            others = areas_of[code]
            fill = patterns.fill([maps.PALETTE[colour_of[a.key]] for a in others])
            uses.append((code, fill))
        drawn.append(
            {
                "area": area,
                "colour": colour_of[area.key],
                "uses": uses,
                "names": _names(frame, area.codes),
                "label": labels.place(area.label or area.name, area.codes)
                if len(areas) <= MAX_LABELS
                else None,
            }
        )
    drawn.sort(key=lambda entry: sort_key(entry["area"].name))
    overlaps = sorted(
        (frame.municipalities[code].name, [a.name for a in found])
        for code, found in areas_of.items()
        if len(found) > 1
    )
    return {
        "areas": drawn,
        "patterns": patterns.context(),
        "overlaps": overlaps,
        "coloured": set(areas_of),
    }


class _Labels:
    """Names on the map: at the middle of an area, skipped where they would cover another."""

    def __init__(self, frame):
        self.frame = frame
        self.placed = []
        self.size = frame.unit * 13

    def place(self, text, codes):
        outlines = [
            self.frame.municipalities[c].outline for c in codes if c in self.frame.municipalities
        ]
        point, _area = maps.centre(maps.dissolve(outlines))
        if point is None:
            return None
        width, height = len(text) * self.size * 0.64, self.size * 1.2  # bold
        # Inside the picture, even at the larger size of a narrow screen (the stylesheet).
        left, _top, view_width, _height = self.frame.view_box
        half = min(width * 1.7 / 2, view_width / 2)
        x = min(max(point[0], left + half), left + view_width - half)
        y = point[1]
        for dy in (0, height, -height, 2 * height, -2 * height):
            box = (x - width / 2, y + dy - height, x + width / 2, y + dy)
            if not any(
                box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]
                for other in self.placed
            ):
                self.placed.append(box)
                # (text x, baseline y, and the dark box behind it: x, y, width, height, radius)
                pad = self.size * 0.3
                return (
                    round(x),
                    round(y + dy - height * 0.25),
                    round(box[0] - pad),
                    round(box[1] - pad / 2),
                    round(width + 2 * pad),
                    round(height + pad),
                    round(pad),
                )
        return None


# The classes of the partnerships layer: (lowest count, highest or None).
COUNT_CLASSES = [(1, 1), (2, 2), (3, 5), (6, 10), (11, None)]


def count_class(count):
    for index, (low, high) in enumerate(COUNT_CLASSES):
        if count >= low and (high is None or count <= high):
            return index
    return None


def _count_layer(frame, counts, singular, plural, layer_key="partnerschappen"):
    cells = []
    classes = [
        {"index": i, "low": low, "high": high, "names": []}
        for i, (low, high) in enumerate(COUNT_CLASSES)
    ]
    for code, count in sorted(counts.items()):
        municipality = frame.municipalities.get(code)
        if municipality is None or not count:
            continue
        index = count_class(count)
        noun = singular if count == 1 else plural
        cells.append(
            {
                "code": code,
                "class": f"q{index}",
                "title": f"{municipality.name}: {count} {noun}",
                "url": f"?laag={layer_key}&gemeente={code}",
            }
        )
        classes[index]["names"].append(f"{municipality.name} ({count})")
    for entry in classes:
        entry["names"].sort(key=sort_key)
    return {"cells": cells, "classes": classes, "coloured": {cell["code"] for cell in cells}}


def _reach_layer(frame, subject, item):
    """The municipalities one organisation or partnership works in, each a link to what
    works there; coloured by how many of its ties reach it."""
    if item is None:
        return {"cells": [], "ties": [], "coloured": set(), "reach_classes": []}
    ties = subject.ties(item)
    per_code = defaultdict(list)
    for tie in ties:
        for code in tie.codes:
            per_code[code].append(tie)
    cells = []
    for code, found in sorted(per_code.items()):
        municipality = frame.municipalities.get(code)
        if municipality is None:
            continue
        index = count_class(len(found))
        cells.append(
            {
                "code": code,
                "class": f"q{index}",
                "title": "{}: {}".format(municipality.name, ", ".join(t.name for t in found)),
                "url": f"?laag=bereik&{subject.param}={item.slug}&gemeente={code}",
            }
        )
    counts = defaultdict(list)
    for code, found in per_code.items():
        if code in frame.municipalities:
            counts[count_class(len(found))].append(frame.municipalities[code].name)
    reach_classes = [
        {"index": i, "low": low, "high": high, "names": sorted(counts[i], key=sort_key)}
        for i, (low, high) in enumerate(COUNT_CLASSES)
        if counts[i]
    ]
    return {
        "cells": cells,
        "ties": [(tie, _names(frame, tie.codes)) for tie in ties],
        "coloured": {cell["code"] for cell in cells},
        "reach_classes": reach_classes,
        "reach_count": len(cells),
        "reach_summary": ngettext(
            "%(name)s werkt in %(count)s gemeente",
            "%(name)s werkt in %(count)s gemeenten",
            len(cells),
        )
        % {"name": item.name, "count": len(cells)},
    }


def _by_name_and_slug(item):
    (name, slug), _codes = item
    return sort_key(name), slug
