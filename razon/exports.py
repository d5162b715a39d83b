"""Spreadsheet downloads that open well in Excel with Dutch settings."""

import csv
import io
from decimal import Decimal

from django.http import HttpResponse

# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): such a cell
# gets a leading apostrophe, so it is read as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Between the items of a list column (a partnership's municipalities or schools). Names may
# hold commas, semicolons and slashes ("Stichting X, locatie Y"), but never a line break:
# text inputs cannot hold one and the forms remove them. Excel shows the list as lines in one
# cell, and a program reading the file splits it without doubt.
LIST_SEPARATOR = "\n"


def csv_response(filename, columns, rows):
    """`columns` is [(key, label)], `rows` an iterable of dicts. UTF-8 with a byte-order mark
    and semicolons, so Excel (Dutch settings) opens it with the right characters in the
    right columns."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([cell(label) for _key, label in columns])
    for row in rows:
        writer.writerow([cell(row[key]) for key, _label in columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell(value):
    """The text of one cell, never a formula. Numbers stay numbers (a minus sign there is no
    formula); lists become one cell, guarded as a whole."""
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(str(item) for item in value)
    else:
        text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
