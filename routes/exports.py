"""The routes' open data (razon/exports.py): one row per published route."""

from django.utils.translation import gettext_lazy as _

from razon.exports import Column, Export, choice, page_column
from routes.models import Language, Qualification, Route, RouteKind


def _labels(name):
    return lambda route: route._meta.get_field(name).labels(getattr(route, name))


ROUTES = Export(
    key="routes",
    filename="opleidingsroutes",
    title=_("Opleidingsroutes"),
    description=_(
        "De routes naar het leraarschap van de lerarenopleidingen: soort, bevoegdheid, vakken, "
        "vorm, toelating, duur, plaatsen en de bron van de gegevens."
    ),
    overview="routes:finder",
    url_name="routes:export",
    path="opleidingsroutes/export",
    queryset=lambda: Route.objects.published().for_finder(),
    columns=[
        Column("name", _("Naam"), _("De naam van de route."), "name"),
        Column(
            "institutes",
            _("Lerarenopleidingen"),
            _("De instituten die de route aanbieden (een lijst)."),
            lambda route: [i.name for i in route.public_institutes],
        ),
        Column(
            "kind", _("Soort"), _("Pabo, tweedegraads, zij-instroom…"), choice("kind", RouteKind)
        ),
        Column(
            "qualification",
            _("Leidt tot"),
            _("De bevoegdheid of het getuigschrift."),
            choice("qualification", Qualification),
        ),
        Column(
            "levels",
            _("Lesgeven op"),
            _("Waar je daarna les mag geven (een lijst)."),
            _labels("levels"),
        ),
        Column("subjects", _("Vakken"), _("Leeg: alle vakken (een lijst)."), _labels("subjects")),
        Column(
            "forms", _("Vorm"), _("Voltijd, deeltijd, werkend leren (een lijst)."), _labels("forms")
        ),
        Column(
            "admits", _("Toelaatbaar met"), _("De vooropleidingen (een lijst)."), _labels("admits")
        ),
        Column(
            "requires_school_job",
            _("Baan op school nodig"),
            _("Of je tijdens de route op een school moet werken."),
            "requires_school_job",
        ),
        Column("duration", _("Duur"), _("Zoals het instituut het zegt."), "duration"),
        Column("study_load", _("Studielast"), _("In EC, als bekend."), "study_load"),
        Column(
            "start_moments", _("Startmomenten"), _("Wanneer je kunt beginnen."), "start_moments"
        ),
        Column("places", _("Plaatsen"), _("Waar je studeert (een lijst)."), _labels("places")),
        Column("language", _("Taal"), _("De voertaal."), choice("language", Language)),
        Column(
            "institute_url",
            _("Pagina instituut"),
            _("De pagina bij het instituut."),
            "institute_url",
        ),
        Column("source", _("Bron"), _("Waar de gegevens vandaan komen."), "source"),
        Column("is_demo", _("Demo"), _("Ja: voorbeeldinhoud, (deels) verzonnen."), "is_demo"),
        page_column(),
    ],
    depends_on=["alliances", "routes"],
)
