"""Draws the site's own pictures with Pillow: the image shared when a page has none of its own
(static/img/share.png, 1200 x 630) and the demo content's illustrations
(razon/demo_files/illustrations/*.png). Simple geometric shapes in RA-ZON's colours, made here,
so no licence question. The files are committed; run this only to change them:

    .venv/bin/python bin/draw_illustrations.py
"""

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 630
SCALE = 2  # drawn at twice the size and scaled down: smooth edges

SURFACE = "#f3f6f9"
PRIMARY = "#1a4f7a"
PRIMARY_DARK = "#123a5a"
ACCENT = "#a8480c"
# The regiokaart's palette (regions/maps.py), light tints of it for backgrounds.
COLOURS = ["#2f6f9f", "#b5541c", "#3d7d3a", "#8a4f9e", "#0f7b78", "#7a6a12", "#5a5fb0"]
TINTS = ["#dce8f2", "#f6e3d6", "#e0eedf", "#ece1f1", "#d9eeed", "#eeead6"]


def canvas(background=SURFACE):
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
    return image, ImageDraw.Draw(image, "RGBA")


def finish(image, path, colours=96):
    image = image.resize((WIDTH, HEIGHT), Image.LANCZOS)
    # A palette keeps the flat shapes' files small; the edges keep enough shades.
    image = image.quantize(colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "PNG", optimize=True)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


def s(*values):
    return [round(v * SCALE) for v in values]


def circle(draw, x, y, r, fill):
    draw.ellipse(s(x - r, y - r, x + r, y + r), fill=fill)


def alpha(colour, opacity):
    colour = colour.lstrip("#")
    return (*(int(colour[i : i + 2], 16) for i in (0, 2, 4)), round(opacity * 255))


def mark(draw, x, y, r, opacity=0.8):
    """RA-ZON's mark: three overlapping circles."""
    for dx, dy, colour in ((-0.42, -0.3, PRIMARY), (0.42, -0.3, ACCENT), (0, 0.42, PRIMARY_DARK)):
        circle(draw, x + dx * r * 1.2, y + dy * r * 1.2, r, alpha(colour, opacity))


def font(size, bold=True):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    path = Path("/usr/share/fonts/truetype/dejavu") / name
    if path.exists():
        return ImageFont.truetype(str(path), size * SCALE)
    return ImageFont.load_default(size * SCALE)


def share():
    image, draw = canvas(PRIMARY_DARK)
    for i, colour in enumerate(COLOURS[:5]):
        circle(
            draw,
            1010 + 60 * math.cos(i * 1.3),
            470 + 50 * math.sin(i * 1.3),
            190 - 25 * i,
            alpha(colour, 0.35),
        )
    mark(draw, 190, 200, 70, opacity=0.9)
    draw.text(s(330, 130), "RA-ZON", font=font(96), fill="#ffffff")
    draw.text(s(80, 330), "Regionale Alliantie", font=font(54), fill="#ffffff")
    draw.text(s(80, 400), "Zuidoost-Nederland", font=font(54), fill="#ffffff")
    draw.text(
        s(80, 510),
        "Samen leraren opleiden in Zuidoost-Nederland",
        font=font(30, bold=False),
        fill="#dce8f2",
    )
    draw.rectangle(s(0, HEIGHT - 14, WIDTH, HEIGHT), fill=ACCENT)
    finish(image, ROOT / "static/img/share.png", colours=128)


def tables(rng):
    """A meeting: round tables with people around them."""
    image, draw = canvas(TINTS[0])
    for i, (x, y) in enumerate([(260, 230), (600, 360), (940, 220), (330, 500), (900, 500)]):
        colour = COLOURS[i % len(COLOURS)]
        circle(draw, x, y, 78, alpha("#ffffff", 1))
        circle(draw, x, y, 62, alpha(colour, 0.85))
        seats = rng.randint(5, 7)
        for seat in range(seats):
            angle = 2 * math.pi * seat / seats + rng.random()
            circle(
                draw,
                x + 108 * math.cos(angle),
                y + 108 * math.sin(angle),
                18,
                alpha(COLOURS[(i + seat + 1) % len(COLOURS)], 0.9),
            )
    return image


def route(rng):
    """A route: steps rising to a goal."""
    image, draw = canvas(TINTS[1])
    x, y = 120, 520
    for i in range(7):
        colour = COLOURS[i % len(COLOURS)]
        draw.rounded_rectangle(
            s(x, y, x + 150, HEIGHT), radius=12 * SCALE, fill=alpha(colour, 0.85)
        )
        x, y = x + 140, y - 60
    circle(draw, 1090, y - 20, 46, alpha(ACCENT, 1))
    circle(draw, 1090, y - 20, 20, alpha("#ffffff", 1))
    return image


def regions(rng):
    """Regions: a field of hexagons, some of them coloured."""
    image, draw = canvas(SURFACE)
    r = 62
    for row in range(-1, 8):
        for col in range(-1, 13):
            cx = col * r * 1.75 + (row % 2) * r * 0.875
            cy = row * r * 1.52
            points = [
                (
                    cx + r * math.cos(math.pi / 6 + k * math.pi / 3),
                    cy + r * math.sin(math.pi / 6 + k * math.pi / 3),
                )
                for k in range(6)
            ]
            chosen = rng.random()
            fill = alpha(COLOURS[rng.randrange(len(COLOURS))], 0.8) if chosen < 0.3 else "#ffffff"
            draw.polygon(
                [tuple(s(px, py)) for px, py in points],
                fill=fill,
                outline=alpha("#c9d1db", 1),
                width=3 * SCALE,
            )
    return image


def conversation(rng):
    """A conversation: speech bubbles of several colours."""
    image, draw = canvas(TINTS[2])
    bubbles = [
        (120, 110, 520, 270, 0),
        (620, 190, 1080, 350, 1),
        (200, 360, 640, 520, 3),
        (760, 420, 1100, 560, 4),
    ]
    for x0, y0, x1, y1, c in bubbles:
        colour = COLOURS[c]
        draw.rounded_rectangle(s(x0, y0, x1, y1), radius=40 * SCALE, fill=alpha(colour, 0.88))
        tail_x = x0 + 60 if c % 2 == 0 else x1 - 60
        draw.polygon(
            [
                tuple(s(tail_x - 20, y1 - 2)),
                tuple(s(tail_x + 20, y1 - 2)),
                tuple(s(tail_x - (30 if c % 2 == 0 else -30), y1 + 40)),
            ],
            fill=alpha(colour, 0.88),
        )
        for line in range(3):
            ly = y0 + 40 + line * 36
            if ly + 14 < y1 - 20:
                length = (x1 - x0 - 100) * (1 - 0.25 * line * rng.random())
                draw.rounded_rectangle(
                    s(x0 + 50, ly, x0 + 50 + length, ly + 14),
                    radius=7 * SCALE,
                    fill=alpha("#ffffff", 0.85),
                )
    return image


def growth(rng):
    """Figures: bars of growing height beside a circle diagram."""
    image, draw = canvas(TINTS[3])
    for i in range(6):
        height = 120 + i * 60 + rng.randint(0, 40)
        draw.rounded_rectangle(
            s(110 + i * 100, 560 - height, 180 + i * 100, 560),
            radius=10 * SCALE,
            fill=alpha(COLOURS[i % len(COLOURS)], 0.9),
        )
    draw.rectangle(s(90, 560, 720, 568), fill=alpha(PRIMARY_DARK, 1))
    start = -90
    for i, share_ in enumerate([0.38, 0.27, 0.2, 0.15]):
        end = start + 360 * share_
        draw.pieslice(s(800, 150, 1100, 450), start, end, fill=alpha(COLOURS[i + 2], 0.9))
        start = end
    circle(draw, 950, 300, 70, alpha(TINTS[3], 1))
    return image


def network(rng):
    """A network: dots tied by lines."""
    image, draw = canvas(SURFACE)
    points = [(rng.randint(90, 1110), rng.randint(80, 550)) for _ in range(22)]
    for x, y in points:
        near = sorted(points, key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)[1:4]
        for px, py in near:
            draw.line(s(x, y, px, py), fill=alpha("#8795a5", 0.7), width=4 * SCALE)
    for i, (x, y) in enumerate(points):
        radius = 34 if i < 3 else rng.randint(14, 24)
        circle(draw, x, y, radius + 5, alpha("#ffffff", 1))
        circle(draw, x, y, radius, alpha(COLOURS[i % len(COLOURS)], 0.95))
    return image


def calendar(rng):
    """An agenda: a grid of days with a few marked."""
    image, draw = canvas(TINTS[4])
    marked = {rng.randrange(35) for _ in range(6)}
    for day in range(35):
        row, col = divmod(day, 7)
        x, y = 150 + col * 132, 90 + row * 100
        fill = alpha(COLOURS[day % len(COLOURS)], 0.9) if day in marked else "#ffffff"
        draw.rounded_rectangle(s(x, y, x + 112, y + 82), radius=12 * SCALE, fill=fill)
    draw.rounded_rectangle(s(150, 40, 1050, 70), radius=12 * SCALE, fill=alpha(PRIMARY, 0.9))
    return image


def reading(rng):
    """Reading: a stack of books and an open page."""
    image, draw = canvas(TINTS[5])
    y = 560
    for i in range(6):
        height = rng.randint(40, 60)
        inset = rng.randint(0, 60)
        draw.rounded_rectangle(
            s(140 + inset, y - height, 560 + inset, y),
            radius=8 * SCALE,
            fill=alpha(COLOURS[i % len(COLOURS)], 0.9),
        )
        y -= height + 6
    draw.rounded_rectangle(s(680, 120, 1080, 540), radius=16 * SCALE, fill="#ffffff")
    for line in range(8):
        length = 300 - (60 if line % 3 == 2 else 0)
        draw.rounded_rectangle(
            s(730, 170 + line * 42, 730 + length, 184 + line * 42),
            radius=7 * SCALE,
            fill=alpha(PRIMARY, 0.35),
        )
    return image


ILLUSTRATIONS = {
    "bijeenkomst": tables,
    "route": route,
    "regio": regions,
    "gesprek": conversation,
    "cijfers": growth,
    "netwerk": network,
    "agenda": calendar,
    "lezen": reading,
}


def main():
    share()
    folder = ROOT / "razon/demo_files/illustrations"
    for seed, (name, draw) in enumerate(ILLUSTRATIONS.items()):
        finish(draw(random.Random(seed)), folder / f"{name}.png")


if __name__ == "__main__":
    main()
