"""A board as a grid: the five functions as rows, the board's levels as columns, each cell
the visible cards placed there. One shape for the board page, the exports and comparisons."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from conversations.models import Card, Comment, Function


@dataclass
class Cell:
    function: str
    level: object  # BoardLevel
    cards: list = field(default_factory=list)


@dataclass
class Row:
    function: str
    label: str
    cells: list


@dataclass
class Grid:
    levels: list
    rows: list
    card_count: int


def board_grid(board, *, participant=None):
    """The grid of `board` in three queries (levels; visible cards with their +1 count, and
    `agreed` for a participant's key hash; their visible comments, as `card.comment_list`).
    A card whose level is gone from `levels` cannot exist (levels are PROTECTed)."""
    levels = list(board.levels.all())
    comments = Prefetch(
        "comments",
        queryset=Comment.objects.visible().order_by("created_at", "pk"),
        to_attr="comment_list",
    )
    cards = Card.objects.filter(board=board).for_board(participant).prefetch_related(comments)
    cells = {
        (function, level.pk): Cell(function, level)
        for function in Function.values
        for level in levels
    }
    count = 0
    for card in cards:
        cell = cells.get((card.function, card.level_id))
        if cell is not None:
            cell.cards.append(card)
            count += 1
    rows = [
        Row(function, label, [cells[(function, level.pk)] for level in levels])
        for function, label in Function.choices
    ]
    return Grid(levels, rows, count)
