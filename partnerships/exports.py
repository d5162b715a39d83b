"""The filtered overview as CSV (for Excel) and JSON, one row per partnership."""

import json

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from razon.exports import csv_response

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
    return csv_response("partnerschappen.csv", COLUMNS, rows(request, partnerships))


def as_json(request, partnerships):
    data = {"partnerships": list(rows(request, partnerships))}
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="partnerschappen.json"'
    return response
