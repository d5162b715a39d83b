"""/schaalniveau/vergelijken/: the published boards side by side (up to three, chosen with a
plain GET form), and a summary per function and level across all of them, as a table and a
heat map. A fixed number of queries whatever the number of boards, and a cached page.

Levels are a board's own, so boards are compared by the level's name: the default set's
names (`ScaleLevel`) come first in their order, then other names by how many activities they
hold; beyond `MAX_COLUMNS` the rest are summed in one column "Andere niveaus"."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from conversations import heatmap
from conversations.models import Board, BoardLevel, Card, Function, ScaleLevel
from razon import pagecache
from razon.partials import render_page

# Boards side by side: the form's fields (each given once, so the page cache can store it).
CHOICE_PARAMETERS = ("bord1", "bord2", "bord3")
MAX_COLUMNS = 8  # level names in the summary; the rest are summed as "Andere niveaus"
TOP_ACTIVITIES = 5  # activities named per cell of the summary (the most named first)
TOPICS = ["conversations", "regions"]


@dataclass
class SummaryCell:
    count: int = 0
    activities: list = field(default_factory=list)  # [(text, how many boards named it)]

    @property
    def more(self):
        return max(0, self.count - sum(times for _text, times in self.activities))


@dataclass
class SummaryRow:
    function: str
    label: str
    cells: list


def compared_boards():
    """The boards the page compares: the published ones and the example board (the 2024
    strategy session, the whole region's reference)."""
    return Board.objects.published() | Board.objects.examples()


def published_boards():
    """Every compared board for the form, with its region: one query."""
    return list(
        compared_boards()
        .select_related("region")
        .only("name", "slug", "closed_at", "is_example", "is_demo", "region__name")
        .order_by("region__name", "-closed_at", "name")
    )


def board_label(board):
    if board.region_id and board.region.name not in board.name:
        return f"{board.name} ({board.region.name})"
    return board.name


def chosen(request, boards):
    """The boards chosen in the form (by slug, each once, in the form's order), whether every
    choice was valid, and the fields' current values."""
    by_slug = {board.slug: board for board in boards}
    picked, valid, values = [], True, {}
    for name in CHOICE_PARAMETERS:
        slug = request.GET.get(name, "")
        values[name] = slug
        if not slug:
            continue
        board = by_slug.get(slug)
        if board is None or board in picked:
            valid = False
            continue
        picked.append(board)
    return picked, valid, values


def side_by_side(boards):
    """The chosen boards' rows: [(function label, [per board: [(level, [cards])]])], from
    their levels (one query) and visible cards with the +1 count (one query)."""
    levels = defaultdict(list)
    for level in BoardLevel.objects.filter(board__in=boards).only("board_id", "name"):
        levels[level.board_id].append(level)
    by_level = defaultdict(list)
    cards = (
        Card.objects.visible()
        .filter(board__in=boards)
        .annotate(agree_count=Count("agreements"))
        .only("board_id", "function", "level_id", "text")
        .order_by("-agree_count", "created_at", "pk")
    )
    for card in cards:
        by_level[(card.board_id, card.function, card.level_id)].append(card)
    return [
        (
            label,
            [
                [(level, by_level[(board.pk, function, level.pk)]) for level in levels[board.pk]]
                for board in boards
            ],
        )
        for function, label in Function.choices
    ]


def summary():
    """The summary across every published board: (level names, rows), counting the visible
    cards per function and level name (one GROUP BY), with the activities named most in each
    cell (one query: the same text on several boards counts once, with how many times)."""
    cards = Card.objects.visible().filter(board__in=compared_boards())
    counts = {
        (row["function"], row["level__name"]): row["count"]
        for row in cards.values("function", "level__name").annotate(count=Count("pk")).order_by()
    }
    defaults = list(ScaleLevel.objects.values_list("name", flat=True))
    totals = defaultdict(int)
    for (_function, name), count in counts.items():
        totals[name] += count
    others = sorted(
        (name for name in totals if name not in defaults), key=lambda n: (-totals[n], n)
    )
    names = list(defaults)  # every default level, so the grid keeps its familiar shape
    room = max(0, MAX_COLUMNS - len(names))
    if len(others) > room:
        room = max(0, room - 1)  # one column for the rest
    columns = names + others[:room]
    rest = set(others[room:])
    index = {name: i for i, name in enumerate(columns)}
    if rest:
        columns.append(str(_("Andere niveaus")))
    cells = defaultdict(SummaryCell)
    for (function, name), count in counts.items():
        column = index.get(name, len(columns) - 1)
        cells[(function, column)].count += count
    named = (
        cards.values("function", "level__name", "text")
        .annotate(times=Count("pk"))
        .order_by("function", "level__name", "-times", "text")
    )
    for row in named:
        name = row["level__name"]
        if name not in index:  # the rest column lists no activities, only its count
            continue
        activities = cells[(row["function"], index[name])].activities
        if len(activities) < TOP_ACTIVITIES:
            activities.append((row["text"], row["times"]))
    rows = [
        SummaryRow(value, label, [cells[(value, i)] for i in range(len(columns))])
        for value, label in Function.choices
    ]
    return columns, rows


def describe(function, level, count):
    text = ngettext("%(count)d activiteit", "%(count)d activiteiten", count) % {"count": count}
    return f"{function}, {level}: {text}"


@require_safe
@pagecache.cached_page(depends_on=TOPICS)
def compare(request):
    boards = published_boards()
    picked, valid, values = chosen(request, boards)
    if valid:
        pagecache.accept(request, *(name for name in CHOICE_PARAMETERS if values[name]))
    columns, rows = summary()
    counts = {(row.function, i): cell.count for row in rows for i, cell in enumerate(row.cells)}
    return render_page(
        request,
        "conversations/compare.html",
        {
            "boards": [(board, board_label(board)) for board in boards],
            "choices": [(name, i + 1, values[name]) for i, name in enumerate(CHOICE_PARAMETERS)],
            "picked": picked,
            "picked_rows": side_by_side(picked) if picked else [],
            "invalid_choice": not valid,
            "has_demo": any(board.is_demo for board in boards),
            "functions": Function.choices,
            "summary_columns": columns,
            "summary_rows": rows,
            "summary_total": sum(counts.values()),
            "heatmap": heatmap.draw(Function.choices, columns, counts, describe),
            "breadcrumbs": [
                (_("Schaalniveau-gesprek"), reverse("conversations:index")),
                (_("Vergelijken"), request.path),
            ],
        },
        partials=("side-by-side",),
    )
