"""The open data of the onderwijsregio's and the RAP projects (razon/exports.py)."""

from django.utils.translation import gettext_lazy as _

from razon.exports import Column, Export, choice, page_column, sectors
from regions.filters import EducationRegionFilter, RAPProjectFilter
from regions.models import EducationRegion, Programme, ProjectStatus, RAPProject, RegionStatus

DEPENDS_ON = ["alliances", "regions", "sectors"]  # as the overviews


def _published_name(item):
    """The name of a related item, only when it is published (None otherwise)."""
    return item.name if item is not None and item.is_published else None


def _names(items):
    return [item.name for item in items]


def _municipalities(item):
    return _names(item.municipalities.all())


def _provinces(item):
    return sorted({municipality.province for municipality in item.municipalities.all()})


SECTORS = Column("sectors", _("Sectoren"), _("De onderwijssectoren (een lijst)."), sectors)
PROVINCES = Column(
    "provinces",
    _("Provincies"),
    _("De provincies van de gemeenten (een lijst)."),
    _provinces,
)

EDUCATION_REGIONS = Export(
    key="education_regions",
    filename="onderwijsregios",
    title=_("Onderwijsregio's"),
    description=_("De onderwijsregio's: fase, sectoren, gemeenten en de organisaties die meedoen."),
    overview="regions:education_regions",
    url_name="regions:education_region_export",
    path="onderwijsregios/export",
    filterset=EducationRegionFilter,
    queryset=lambda: EducationRegion.objects.published().for_export(),
    columns=[
        Column("name", _("Naam"), _("De naam van de onderwijsregio."), "name"),
        Column(
            "phase",
            _("Fase"),
            _("Verkenning, voorloper of gevormd."),
            choice("phase", RegionStatus),
        ),
        Column(
            "started_on",
            _("Gestart op"),
            _("De startdatum (JJJJ-MM-DD; leeg als onbekend)."),
            "started_on",
        ),
        SECTORS,
        PROVINCES,
        Column(
            "municipalities",
            _("Gemeenten"),
            _("De gemeenten die de regio beslaat (een lijst)."),
            _municipalities,
        ),
        Column(
            "members",
            _("Deelnemers"),
            _("De organisaties die meedoen (een lijst)."),
            lambda region: [m.organization.name for m in region.public_memberships],
        ),
        Column("website", _("Website"), _("De eigen website van de regio."), "website"),
        page_column(),
    ],
    depends_on=DEPENDS_ON,
)

RAP_PROJECTS = Export(
    key="rap_projects",
    filename="rap-projecten",
    title=_("RAP-projecten"),
    description=_(
        "De projecten van de Regionale Aanpak Personeelstekorten (RAP) en de Regionale "
        "Aanpak Lerarentekort (RAL): looptijd, penvoerder, partners en gemeenten."
    ),
    overview="regions:rap_projects",
    url_name="regions:rap_project_export",
    path="rap-projecten/export",
    filterset=RAPProjectFilter,
    queryset=lambda: RAPProject.objects.published().for_export(),
    columns=[
        Column("name", _("Naam"), _("De naam van het project."), "name"),
        Column("programme", _("Regeling"), _("RAP of RAL."), choice("programme", Programme)),
        Column(
            "progress",
            _("Stand van zaken"),
            _("Gepland, lopend of afgerond."),
            choice("progress", ProjectStatus),
        ),
        Column("start_year", _("Startjaar"), _("Het jaar waarin het project begon."), "start_year"),
        Column(
            "end_year",
            _("Eindjaar"),
            _("Het jaar waarin het project eindigde (leeg zolang het loopt)."),
            "end_year",
        ),
        Column(
            "lead_organization",
            _("Penvoerder"),
            _("Het bestuur of de lerarenopleiding die de subsidie aanvroeg."),
            lambda project: _published_name(project.lead_organization),
        ),
        Column(
            "partners",
            _("Partners"),
            _("De andere organisaties die meedoen (een lijst)."),
            lambda project: _names(project.public_partners),
        ),
        Column(
            "education_region",
            _("Onderwijsregio"),
            _("De onderwijsregio van het project."),
            lambda project: _published_name(project.education_region),
        ),
        SECTORS,
        PROVINCES,
        Column(
            "municipalities",
            _("Gemeenten"),
            _("De gemeenten waar het project werkt (een lijst)."),
            _municipalities,
        ),
        Column("link", _("Meer informatie"), _("Een pagina elders over het project."), "link"),
        page_column(),
    ],
    depends_on=DEPENDS_ON,
)
