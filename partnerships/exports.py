"""The filtered overview as CSV (for Excel) and JSON, one row per partnership."""

import csv
import io
import json

from django.http import HttpResponse
from django.utils.translation import gettext as _

COLUMNS = [
    ("name", _("Naam")),
    ("sector_group", _("Sectorgroep")),
    ("education_region", _("Onderwijsregio")),
    ("municipalities", _("Gemeenten")),
    ("institutes", _("Lerarenopleidingen")),
    ("boards", _("Schoolbesturen")),
    ("member_count", _("Aantal deelnemers")),
    ("accreditation", _("Erkenning")),
    ("accreditation_year", _("Erkend sinds")),
    ("student_count", _("Studenten per jaar")),
    ("website", _("Website")),
    ("url", _("Pagina")),
]


def rows(request, partnerships):
    for partnership in partnerships:
        members = partnership.key_memberships
        yield {
            "name": partnership.name,
            "sector_group": partnership.get_sector_group_display(),
            "education_region": partnership.education_region.name
            if partnership.education_region and partnership.education_region.is_published
            else "",
            "municipalities": [m.name for m in partnership.municipalities.all()],
            "institutes": [m.organization.name for m in members if m.role == "lerarenopleiding"],
            "boards": [m.organization.name for m in members if m.role == "bestuur"],
            "member_count": partnership.member_count,
            "accreditation": partnership.get_accreditation_display(),
            "accreditation_year": partnership.accreditation_year,
            "student_count": partnership.student_count,
            "website": partnership.website,
            "url": request.build_absolute_uri(partnership.get_absolute_url()),
        }


def as_csv(request, partnerships):
    """UTF-8 with a byte-order mark and semicolons, so that Excel (Dutch settings) opens it
    with the right characters in the right columns."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([label for _key, label in COLUMNS])
    for row in rows(request, partnerships):
        writer.writerow([_cell(row[key]) for key, _label in COLUMNS])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partnerschappen.csv"'
    return response


def as_json(request, partnerships):
    data = {"partnerships": list(rows(request, partnerships))}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="partnerschappen.json"'
    return response


def _cell(value):
    if isinstance(value, list):
        return ", ".join(value)
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return f"'{text}" if text[:1] in {"=", "+", "-", "@"} else text
