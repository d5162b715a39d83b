"""Spreadsheet downloads that open well in Excel with Dutch settings."""

import csv
import io

from django.http import HttpResponse


def csv_response(filename, columns, rows):
    """`columns` is [(key, label)], `rows` an iterable of dicts. UTF-8 with a byte-order mark
    and semicolons, so Excel (Dutch settings) opens it with the right characters in the
    right columns."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([str(label) for _key, label in columns])
    for row in rows:
        writer.writerow([cell(row[key]) for key, _label in columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell(value):
    if isinstance(value, list):
        return ", ".join(value)
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text
