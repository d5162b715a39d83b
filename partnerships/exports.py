"""The partnership overview's open data (razon/exports.py): one row per partnership."""

from django.utils.translation import gettext_lazy as _

from partnerships.filters import PartnershipFilter
from partnerships.models import Accreditation, Partnership, Role, SectorGroup
from razon.exports import Column, Export, choice, page_column


def _region(partnership):
    """The onderwijsregio's name, when published (the one place that reads the region)."""
    region = partnership.education_region
    return region.name if region and region.is_published else None


def _members(role):
    def names(partnership):
        return [m.organization.name for m in partnership.key_memberships if m.role == role]

    return names


PARTNERSHIPS = Export(
    key="partnerships",
    filename="partnerschappen",
    title=_("Partnerschappen Samen Opleiden"),
    description=_(
        "De partnerschappen Samen Opleiden & Professionaliseren: sectorgroep, regio, "
        "gemeenten, lerarenopleidingen, besturen en erkenning."
    ),
    overview="partnerships:list",
    url_name="partnerships:export",
    path="partnerschappen/export",
    filterset=PartnershipFilter,
    queryset=lambda: Partnership.objects.published().for_export(),
    columns=[
        Column("name", _("Naam"), _("De naam van het partnerschap."), "name"),
        Column(
            "sector_group",
            _("Sectorgroep"),
            _("PO/(V)SO of VO/MBO."),
            choice("sector_group", SectorGroup),
        ),
        Column(
            "education_region",
            _("Onderwijsregio"),
            _("De hoofdregio: de onderwijsregio waar het partnerschap thuishoort."),
            _region,
        ),
        Column(
            "education_regions",
            _("Werkt in onderwijsregio's"),
            _("Alle onderwijsregio's waar het partnerschap werkt, met de hoofdregio (een lijst)."),
            lambda partnership: [region.name for region in partnership.public_regions],
        ),
        Column(
            "municipalities",
            _("Gemeenten"),
            _("De gemeenten waar het partnerschap werkt (een lijst)."),
            lambda partnership: [m.name for m in partnership.municipalities.all()],
        ),
        Column(
            "institutes",
            _("Lerarenopleidingen"),
            _("De lerarenopleidingen die meedoen (een lijst)."),
            _members(Role.INSTITUTE),
        ),
        Column(
            "boards",
            _("Schoolbesturen"),
            _("De schoolbesturen die meedoen (een lijst)."),
            _members(Role.BOARD),
        ),
        Column(
            "member_count",
            _("Aantal deelnemers"),
            _("Hoeveel organisaties meedoen, alle rollen samen."),
            "member_count",
        ),
        Column(
            "accreditation",
            _("Erkenning"),
            _("Erkend, aspirant of geen erkenning."),
            choice("accreditation", Accreditation),
        ),
        Column(
            "accreditation_year",
            _("Erkend sinds"),
            _("Het jaar van de erkenning (leeg als onbekend)."),
            "accreditation_year",
        ),
        Column(
            "student_count",
            _("Studenten per jaar"),
            _("Hoeveel studenten het partnerschap per jaar opleidt (leeg als onbekend)."),
            "student_count",
        ),
        Column("website", _("Website"), _("De eigen website van het partnerschap."), "website"),
        page_column(),
    ],
    depends_on=["alliances", "partnerships", "regions"],
)
