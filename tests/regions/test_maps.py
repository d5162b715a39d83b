import re

from regions.maps import PALETTE, Projection


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_region_colour_stands_out_against_white_by_3_to_1():
    for colour in PALETTE:
        ratio = 1.05 / (relative_luminance(colour) + 0.05)
        assert ratio >= 3, colour


def test_the_projection_fits_the_width_and_keeps_north_up():
    square = {"type": "Polygon", "coordinates": [[[5, 51], [6, 51], [6, 52], [5, 52], [5, 51]]]}
    projection, height = Projection.fitting([square], width=800)

    path = projection.path(square)
    points = [tuple(map(float, p.split())) for p in re.findall(r"[\d.]+ [\d.]+", path)]
    assert path.startswith("M") and path.endswith("Z")
    assert max(x for x, _ in points) == 800.0
    # One degree of latitude is longer than one of longitude at 52°N: taller than wide.
    assert height > 800
    # (5, 51) is the south-west corner: left, at the bottom.
    assert points[0][0] == 0.0 and abs(points[0][1] - height) <= 1
    assert points[2][1] == 0.0  # (6, 52) is the north-east corner: at the top
