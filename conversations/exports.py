"""The facilitator's exports of a board: a CSV (one row per card), a printable page, and a
Word document shaped like the alliance's format (the question, then the five functions by
the board's levels as a table). Only through the management link: anyone else is sent to the
board with a word why (`views._facilitator_page`, as every facilitator's page does).

What goes out: the visible cards (hidden ones stay out, merged ones count with the card they
were merged into) with their +1 count; the CSV also the visible comments. Participants'
names stay on the board: the outcome is the activities, not who named them.

The Word document is written with python-docx, imported when one is asked for (it loads
lxml: no app process pays for it before a facilitator exports)."""

import io
import re

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from conversations.grid import board_grid
from conversations.views import _facilitator_page
from razon.exports import csv_response

# The question of the 2024 strategy session (seed 003), which the alliance's format asks.
QUESTION = (
    "Als het gaat over werven, matchen, opleiden, begeleiden en professionaliseren: "
    "welke activiteiten zou je op welk schaalniveau willen adresseren?"
)
# What XML 1.0 (and so a .docx) cannot hold: control characters, lone surrogates. Forms
# remove them already; the admin or an old row might not have.
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _filename(board, extension):
    return f"schaalniveau-{slugify(board.name)[:60] or board.code.lower()}.{extension}"


def csv_rows(grid):
    """One row per visible card: function, level, activity, +1s, comments (one per line)."""
    for row in grid.rows:
        for cell in row.cells:
            for card in cell.cards:
                yield {
                    "function": row.label,
                    "level": cell.level.name,
                    "text": card.text,
                    "agree": card.agree_count,
                    "comments": [comment.text for comment in card.comment_list],
                }


CSV_COLUMNS = [
    ("function", gettext_lazy("Functie")),
    ("level", gettext_lazy("Schaalniveau")),
    ("text", gettext_lazy("Activiteit")),
    ("agree", gettext_lazy("Eens (+1)")),
    ("comments", gettext_lazy("Reacties")),
]


@require_safe
def export_csv(request, code):
    board, elsewhere = _facilitator_page(request, code)
    if elsewhere:
        return elsewhere
    grid = board_grid(board)
    columns = [(key, str(label)) for key, label in CSV_COLUMNS]
    response = csv_response(_filename(board, "csv"), columns, csv_rows(grid))
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def print_page(request, code):
    """The board as a page to print (or save as PDF): the question, the table, the date."""
    board, elsewhere = _facilitator_page(request, code)
    if elsewhere:
        return elsewhere
    return render(
        request,
        "conversations/print.html",
        {
            "board": board,
            "grid": board_grid(board),
            "question": QUESTION,
            "printed_on": timezone.localdate(),
        },
    )


@require_safe
def export_docx(request, code):
    board, elsewhere = _facilitator_page(request, code)
    if elsewhere:
        return elsewhere
    site = request.build_absolute_uri(reverse("conversations:index"))
    content = word_document(board, board_grid(board), timezone.localdate(), site)
    response = HttpResponse(content, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(board, "docx")}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _clean(text):
    return XML_UNSAFE.sub("", str(text))


def word_document(board, grid, day, site):
    """The board as a Word document (bytes): landscape A4, the board's name as the title,
    the date, the question, and a table with the functions as rows and the board's levels as
    columns, each cell listing its activities (with their +1s), the header row repeated on
    every page."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(1.5))
    properties = document.core_properties
    properties.title = _clean(board.name)
    properties.subject = _("Schaalniveau-gesprek")
    properties.language = "nl-NL"
    properties.author = "RA-ZON"

    document.add_heading(_clean(board.name), level=1)
    place = [date_format(day, "j F Y")]
    if board.region_id:
        place.append(_clean(board.region.name))
    document.add_paragraph(" · ".join(place))
    document.add_paragraph().add_run(QUESTION).italic = True

    table = document.add_table(rows=1 + len(grid.rows), cols=1 + len(grid.levels))
    table.style = "Table Grid"
    header = table.rows[0]
    repeat = OxmlElement("w:tblHeader")  # a screen reader and every page know the header row
    repeat.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(repeat)
    for index, text in enumerate([_("Functie"), *(level.name for level in grid.levels)]):
        header.cells[index].paragraphs[0].add_run(_clean(text)).bold = True
    bullet = document.styles["List Bullet"]
    for row, grid_row in zip(table.rows[1:], grid.rows, strict=True):
        row.cells[0].paragraphs[0].add_run(_clean(grid_row.label)).bold = True
        for cell, grid_cell in zip(row.cells[1:], grid_row.cells, strict=True):
            for number, card in enumerate(grid_cell.cards):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                paragraph.style = bullet
                text = _clean(card.text)
                if card.agree_count:
                    text += f" (+{card.agree_count})"
                paragraph.add_run(text)
    document.add_paragraph()
    document.add_paragraph(
        _("Gemaakt met het schaalniveau-gesprek van RA-ZON (%(url)s).") % {"url": site}
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
