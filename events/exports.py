"""The agenda's open data (razon/exports.py): one row per event, as the agenda lists them
(the upcoming events, or with `jaar` the archive of that year)."""

from django.utils.translation import gettext_lazy as _

from events.filters import EventFilter
from events.models import Event, EventKind
from razon.exports import Column, Export, choice, page_column, sectors

AGENDA = Export(
    key="events",
    filename="agenda",
    title=_("Agenda"),
    description=_(
        "De komende bijeenkomsten (of met een jaar uit het archief die van dat jaar): wanneer, "
        "waar, voor welke sectoren en wie ze organiseren."
    ),
    overview="events:list",
    url_name="events:export",
    path="agenda/export",
    filterset=EventFilter,
    queryset=lambda: Event.objects.published().for_export(),
    items=lambda filterset: filterset.events(),
    columns=[
        Column("title", _("Titel"), _("De titel van de bijeenkomst."), "title"),
        Column(
            "kind",
            _("Soort"),
            _("Strategiesessie, informatiebijeenkomst, webinar, enzovoort."),
            choice("kind", EventKind),
        ),
        Column(
            "starts_at",
            _("Begint om"),
            _("Datum en tijd in Nederlandse tijd (in JSON met de afwijking van UTC)."),
            "starts_at",
        ),
        Column("ends_at", _("Eindigt om"), _("Datum en tijd in Nederlandse tijd."), "ends_at"),
        Column(
            "location", _("Locatie"), _("Naam en adres van de plek (leeg: online)."), "location"
        ),
        Column("online", _("Online"), _("Of de bijeenkomst (ook) online is."), "online"),
        Column(
            "online_platform",
            _("Online via"),
            _("Het platform van de online bijeenkomst, zoals MS Teams."),
            "online_platform",
        ),
        Column(
            "summary", _("Samenvatting"), _("Een of twee zinnen over de bijeenkomst."), "summary"
        ),
        Column(
            "sectors",
            _("Sectoren"),
            _("De onderwijssectoren (een lijst)."),
            sectors,
        ),
        Column(
            "organisers",
            _("Organisatoren"),
            _("De organisaties die de bijeenkomst organiseren (een lijst)."),
            lambda event: [organisation.name for organisation in event.public_organisers],
        ),
        Column(
            "partnerships",
            _("Partnerschappen"),
            _("De partnerschappen die haar (mede) organiseren (een lijst)."),
            lambda event: [partnership.name for partnership in event.public_partnerships],
        ),
        Column(
            "registration",
            _("Aanmelden via de site"),
            _("Of je je via de pagina van de bijeenkomst kunt aanmelden."),
            "registration_enabled",
        ),
        page_column(),
    ],
    depends_on=["alliances", "events", "partnerships", "sectors"],
)
