import json
import re
from pathlib import Path

from regions import maps
from regions.maps import PALETTE, SEQUENTIAL

SHAPES = Path(maps.__file__).parent / "data" / "gemeenten.geojson"


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_area_colour_stands_out_against_white_by_3_to_1():
    for colour in PALETTE + SEQUENTIAL:
        ratio = 1.05 / (relative_luminance(colour) + 0.05)
        assert ratio >= 3, colour


def test_the_count_classes_grow_darker():
    luminances = [relative_luminance(colour) for colour in SEQUENTIAL]
    assert luminances == sorted(luminances, reverse=True)


def test_the_stylesheet_has_a_class_for_every_colour():
    css = (Path(maps.__file__).parents[1] / "static" / "css" / "razon.css").read_text()
    for prefix, colours in (("c", PALETTE), ("q", SEQUENTIAL)):
        for index, colour in enumerate(colours):
            assert f".{prefix}{index} {{ fill: {colour}; background: {colour}; }}" in css


def square(lon, lat, size=0.1):
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def test_the_projection_keeps_north_up_on_a_100_metre_grid():
    (x0, y0), (x1, y1) = maps.project(5, 51), maps.project(6, 52)
    assert x1 > x0 and y1 < y0  # east is right, north is up
    assert y0 - y1 in (1113, 1114)  # a degree of latitude: 111 km in units of 100 m (rounded)
    assert 680 < x1 - x0 < 690  # a degree of longitude at 52°N is shorter


def test_an_outline_drops_repeated_and_collinear_points():
    geometry = {
        "type": "Polygon",
        "coordinates": [
            [[5, 51], [5.05, 51], [5.1, 51], [5.1, 51.1], [5.10001, 51.1], [5, 51.1], [5, 51]]
        ],
    }

    (ring,) = maps.outline(geometry)

    assert len(ring) == 4  # the midpoint on a side and the point 1 m away are gone


def test_a_path_is_an_absolute_move_then_relative_integer_steps():
    rings = [[[10, 20], [15, 20], [15, 12], [10, 12]]]

    assert maps.path(rings) == "M10 20l5 0 0-8-5 0z"


def test_neighbours_dissolve_into_one_outline():
    left, right = maps.outline(square(5, 51)), maps.outline(square(5.1, 51))

    (ring,) = maps.dissolve([left, right])

    xs = {x for x, _y in ring}
    assert min(xs) == left[0][0][0] and max(xs) == max(x for x, _y in right[0])
    assert len(ring) == 6  # the shared side is gone; its ends stay as (collinear) corners


def test_the_national_shapes_come_to_a_small_drawing_without_gaps():
    features = json.loads(SHAPES.read_text())["features"]
    outlines = [maps.outline(feature["geometry"]) for feature in features]

    paths = "".join(maps.path(rings) for rings in outlines)
    # Every municipality of the country in about 35 KB of path data (125 KB at 0.1 px).
    assert len(paths) < 40_000
    assert re.fullmatch(r"[Mlz0-9 -]+", paths)
    # Neighbours still share their borders after rounding: the country dissolves into its
    # outline (and its islands), not into hundreds of slivers.
    assert len(maps.dissolve(outlines)) < 40


def test_simplify_drops_points_within_the_tolerance_and_keeps_the_corners():
    # A square whose sides wobble by one unit, and a ring too small to keep.
    wobbly = [[0, 0], [50, 1], [100, 0], [99, 50], [100, 100], [50, 99], [0, 100], [1, 50]]
    tiny = [[0, 0], [1, 0], [1, 1]]

    (ring,) = maps.simplify([wobbly, tiny], tolerance=2)

    assert sorted(map(tuple, ring)) == [(0, 0), (0, 100), (100, 0), (100, 100)]
    assert maps.simplify([wobbly], tolerance=0.5) == [wobbly]
