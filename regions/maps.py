"""Inline SVG maps drawn on the server from the municipality shapes: no tiles, no requests
to anyone else. Equirectangular, scaled by the cosine of 52° (practically RD New at this
scale), with coordinates rounded to 0.1 px."""

import math
from dataclasses import dataclass

COS_LATITUDE = math.cos(math.radians(52))
ZUIDOOST_PROVINCES = ("Gelderland", "Noord-Brabant", "Limburg")


def _rings(geometry):
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    else:
        for polygon in geometry["coordinates"]:
            yield from polygon


@dataclass(frozen=True)
class Projection:
    """Maps lon/lat onto a `width`-wide picture of the given bounds."""

    min_lon: float
    max_lat: float
    scale: float

    @classmethod
    def fitting(cls, geometries, width):
        lons, lats = [], []
        for geometry in geometries:
            for ring in _rings(geometry):
                for lon, lat in ring:
                    lons.append(lon)
                    lats.append(lat)
        if not lons:
            return cls(0, 0, 1), 1
        scale = width / (((max(lons) - min(lons)) * COS_LATITUDE) or 1)
        height = (max(lats) - min(lats)) * scale
        return cls(min(lons), max(lats), scale), math.ceil(height)

    def path(self, geometry):
        """An SVG path: one closed subpath per ring."""
        parts = []
        for ring in _rings(geometry):
            points = [
                f"{(lon - self.min_lon) * COS_LATITUDE * self.scale:.1f} "
                f"{(self.max_lat - lat) * self.scale:.1f}"
                for lon, lat in ring
            ]
            parts.append("M" + "L".join(points) + "Z")
        return "".join(parts)


# Fills for regions on the map: distinct hues, each at least 3:1 against white and light
# enough for the dark municipality borders to show (WCAG 1.4.11, non-text contrast).
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


def colour(index):
    return PALETTE[index % len(PALETTE)]
