"""The heat map of the compare page: how many activities each function and level holds across
the published boards, as a grid of squares drawn on the server (inline SVG, no script).

Colour is never the only carrier: every square shows its number and has an outline (7:1
against the page), the picture has a title and a description, and the table beside it holds
the same figures with the activities. The number on each square has at least 4.5:1 against
its shade (`tests/conversations/test_heatmap.py` computes it)."""

from dataclasses import dataclass

# From no activity to the most: (fill, text colour). The first is the page's own white with
# a grey outline; the blues are the site's primary colour lightened and darkened.
SHADES = [
    ("#ffffff", "#1c2430"),
    ("#c6dbef", "#1c2430"),
    ("#7ba7cc", "#1c2430"),
    ("#2f6b9a", "#ffffff"),
    ("#123a5a", "#ffffff"),
]
OUTLINE = "#4d5867"  # the site's muted text colour: 7:1 against white
LABEL_WIDTH = 170
CELL_WIDTH = 120
CELL_HEIGHT = 44
HEADER_HEIGHT = 48
GAP = 4
MAX_LABEL = 18  # characters of a level's name shown above its column (the rest on hover)


@dataclass(frozen=True)
class Square:
    x: int
    y: int
    count: int
    fill: str
    text: str
    label: str  # "Werven, regionaal: 3 activiteiten", on hover and for the picture's list


@dataclass(frozen=True)
class Heading:
    x: int
    y: int
    text: str
    full: str


def shade(count, most):
    """The index of a count's shade: 0 for none, then four steps up to the most."""
    if count <= 0 or most <= 0:
        return 0
    return min(len(SHADES) - 1, 1 + (count * (len(SHADES) - 1) - 1) // most)


def draw(rows, columns, counts, describe):
    """The geometry of the heat map: `rows` [(key, label)], `columns` [label], `counts`
    {(row key, column index): count}, `describe(row label, column label, count)` → the text
    of a square. Returns a dict for the template."""
    most = max(counts.values(), default=0)
    squares, headings, row_labels = [], [], []
    for column, label in enumerate(columns):
        short = label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
        headings.append(
            Heading(
                LABEL_WIDTH + column * CELL_WIDTH + CELL_WIDTH // 2,
                HEADER_HEIGHT - 14,
                short,
                label,
            )
        )
    for row, (key, row_label) in enumerate(rows):
        y = HEADER_HEIGHT + row * CELL_HEIGHT
        row_labels.append(Heading(0, y + CELL_HEIGHT // 2 + 5, row_label, row_label))
        for column, column_label in enumerate(columns):
            count = counts.get((key, column), 0)
            fill, text = SHADES[shade(count, most)]
            squares.append(
                Square(
                    LABEL_WIDTH + column * CELL_WIDTH,
                    y,
                    count,
                    fill,
                    text,
                    describe(row_label, column_label, count),
                )
            )
    return {
        "width": LABEL_WIDTH + len(columns) * CELL_WIDTH,
        "height": HEADER_HEIGHT + len(rows) * CELL_HEIGHT,
        "cell_width": CELL_WIDTH - GAP,
        "cell_height": CELL_HEIGHT - GAP,
        "half_width": (CELL_WIDTH - GAP) // 2,
        "half_height": (CELL_HEIGHT - GAP) // 2 + 5,
        "squares": squares,
        "headings": headings,
        "row_labels": row_labels,
        "outline": OUTLINE,
        "legend": legend(most),
        "most": most,
    }


def legend(most):
    """[(fill, text colour, range text)] of the shades in use, for the legend under the map."""
    if most <= 0:
        return []
    steps = {}
    for count in range(1, most + 1):
        steps.setdefault(shade(count, most), []).append(count)
    found = [(SHADES[0][0], SHADES[0][1], "0")]
    for index, values in sorted(steps.items()):
        low, high = values[0], values[-1]
        found.append((*SHADES[index], str(low) if low == high else f"{low}–{high}"))
    return found
