"""Inline SVG maps drawn on the server from the municipality shapes: no tiles, no requests
to anyone else.

The shapes are projected once, when they are imported (`outline()`, stored on each
Municipality): equirectangular over the whole country, scaled by the cosine of 52°
(practically RD New at this scale), on a grid of UNIT_METRES. Rounding to the grid is the
simplification: the CBS shapes have a vertex every few hundred metres, so points that round
onto the previous one, or onto the line between their neighbours, are dropped. Neighbours
share their boundary vertices, so they round alike and no gap opens between them. A map is
then a viewBox on that grid, with paths in relative integer steps (`path()`)."""

import math

COS_LATITUDE = math.cos(math.radians(52))
ZUIDOOST_PROVINCES = ("Gelderland", "Noord-Brabant", "Limburg")

# The grid: one unit is 100 m; the origin lies north-west of the Netherlands.
UNIT_METRES = 100
METRES_PER_DEGREE = 111_320
ORIGIN_LON, ORIGIN_LAT = 3.0, 54.0
UNITS_PER_DEGREE = METRES_PER_DEGREE / UNIT_METRES


def _rings(geometry):
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    else:
        for polygon in geometry["coordinates"]:
            yield from polygon


def project(lon, lat):
    return (
        round((lon - ORIGIN_LON) * COS_LATITUDE * UNITS_PER_DEGREE),
        round((ORIGIN_LAT - lat) * UNITS_PER_DEGREE),
    )


def outline(geometry):
    """The rings of a GeoJSON (multi)polygon on the map grid, as lists of [x, y] without the
    closing point: repeated and collinear points dropped, rings that collapse left out."""
    rings = []
    for ring in _rings(geometry):
        points = []
        for lon, lat in ring:
            point = list(project(lon, lat))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        points = _without_collinear(points)
        if len(points) >= 3:
            rings.append(points)
    return rings


def _without_collinear(points):
    """Drop the points that lie on the straight line between their neighbours (the shape
    stays the same, to the unit)."""
    changed = True
    while changed and len(points) >= 3:
        changed = False
        kept = []
        n = len(points)
        for i, (x, y) in enumerate(points):
            (ax, ay), (bx, by) = kept[-1] if kept else points[i - 1], points[(i + 1) % n]
            if (bx - ax) * (y - ay) == (by - ay) * (x - ax) and (
                min(ax, bx) <= x <= max(ax, bx) and min(ay, by) <= y <= max(ay, by)
            ):
                changed = True
                continue
            kept.append([x, y])
        points = kept
    return points


def bounds(outlines):
    """(min x, min y, max x, max y) of a collection of outlines; None for none."""
    xs = [x for rings in outlines for ring in rings for x, _y in ring]
    ys = [y for rings in outlines for ring in rings for _x, y in ring]
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def path(rings):
    """An SVG path of rings on the grid: an absolute move, then relative integer steps (a
    minus sign needs no separator)."""
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        steps = [f"M{x0} {y0}l"]
        previous = ring[0]
        numbers = []
        for x, y in ring[1:]:
            numbers += [x - previous[0], y - previous[1]]
            previous = (x, y)
        text = ""
        for number in numbers:
            text += f" {number}" if text and number >= 0 else str(number)
        steps.append(text)
        steps.append("z")
        parts.append("".join(steps))
    return "".join(parts)


def simplify(rings, tolerance):
    """The rings with the points dropped that lie within `tolerance` grid units of the
    line their neighbours keep (Ramer-Douglas-Peucker); rings that shrink below three points
    are left out. For small renditions: neighbours are simplified each on their own, so
    their shared border may part by up to `tolerance`."""
    result = []
    for ring in rings:
        if len(ring) < 4:
            continue
        far = max(range(len(ring)), key=lambda i: _distance2(ring[i], ring[0]))
        points = (
            _rdp(ring[: far + 1], tolerance)[:-1] + _rdp([*ring[far:], ring[0]], tolerance)[:-1]
        )
        if len(points) >= 3:
            result.append(points)
    return result


def _distance2(a, b):
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def _rdp(points, tolerance):
    """Ramer-Douglas-Peucker on an open line, without recursion (rings have thousands of
    points)."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    limit = tolerance * tolerance
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, worst_index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length2:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / length2
            else:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            if d2 > worst:
                worst, worst_index = d2, i
        if worst_index is not None and worst > limit:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def dissolve(outlines):
    """The outer boundary of several neighbouring shapes (their union), as rings: the edges
    that only one of them has, chained. Neighbours share their vertices exactly (see the
    module), so a shared border cancels out."""
    edges = {}
    for rings in outlines:
        for ring in rings:
            for i, start in enumerate(ring):
                end = ring[(i + 1) % len(ring)]
                edge, reverse = (tuple(start), tuple(end)), (tuple(end), tuple(start))
                if reverse in edges:
                    del edges[reverse]
                else:
                    edges[edge] = True
    following = {}
    for start, end in edges:
        following.setdefault(start, []).append(end)
    rings = []
    while following:
        start = next(iter(following))
        ring = [start]
        point = start
        while True:
            ends = following.get(point)
            if not ends:
                break
            nxt = ends.pop()
            if not ends:
                del following[point]
            if nxt == start:
                break
            ring.append(nxt)
            point = nxt
        if len(ring) >= 3:
            rings.append([list(p) for p in ring])
    return rings


def centre(rings):
    """The centroid of the largest ring (by area): where a label of the shape goes."""
    best, best_area = None, -1
    for ring in rings:
        area = cx = cy = 0
        for i, (x0, y0) in enumerate(ring):
            x1, y1 = ring[(i + 1) % len(ring)]
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and abs(area) > best_area:
            best_area = abs(area)
            best = (cx / (3 * area), cy / (3 * area))
    return best, best_area / 2 if best_area > 0 else 0


# Fills for areas on the map: distinct hues, each at least 3:1 against white and light
# enough for the dark municipality borders to show (WCAG 1.4.11, non-text contrast). The
# stylesheet has a class per colour (`.c0` … `.c9`), the overlap patterns use the values.
PALETTE = [
    "#2f6f9f",
    "#b5541c",
    "#3d7d3a",
    "#8a4f9e",
    "#a6326b",
    "#0f7b78",
    "#7a6a12",
    "#5a5fb0",
    "#9a3f2e",
    "#3c6e57",
]

# Fills of the classes of a count (the partnerships layer), light to dark, each at least
# 3:1 against white (`.q0` … `.q4`).
SEQUENTIAL = ["#5f8fb8", "#3f77a8", "#2b5f95", "#1d4477", "#132b52"]


def colour(index):
    return PALETTE[index % len(PALETTE)]
