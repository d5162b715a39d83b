"""The organisation directory's open data (razon/exports.py): one row per organisation."""

from django.utils.translation import gettext_lazy as _

from alliances.filters import OrganizationFilter
from alliances.models import Organization, OrganizationKind
from razon.exports import Column, Export, choice, page_column, sectors

ORGANIZATIONS = Export(
    key="organizations",
    filename="organisaties",
    title=_("Organisaties"),
    description=_(
        "De lerarenopleidingen, schoolbesturen, scholen en partners in het netwerk: soort, "
        "sectoren, plaats en allianties."
    ),
    overview="alliances:organizations",
    url_name="alliances:organization_export",
    path="organisaties/export",
    filterset=OrganizationFilter,
    queryset=lambda: Organization.objects.published().for_export(),
    columns=[
        Column("name", _("Naam"), _("De volledige officiële naam."), "name"),
        Column("short_name", _("Korte naam"), _("De afkorting, zoals HAN of RU."), "short_name"),
        Column(
            "kind",
            _("Soort"),
            _("Lerarenopleiding, schoolbestuur, school, mbo-instelling, enzovoort."),
            choice("kind", OrganizationKind),
        ),
        Column(
            "sectors",
            _("Sectoren"),
            _("De onderwijssectoren waarin de organisatie actief is (een lijst)."),
            sectors,
        ),
        Column("city", _("Plaats"), _("De vestigingsplaats."), "city"),
        Column(
            "alliances",
            _("Allianties"),
            _("De allianties waarin de organisatie meedoet (een lijst)."),
            lambda organization: [
                alliance.short_name for alliance in organization.public_alliances
            ],
        ),
        Column("website", _("Website"), _("De eigen website van de organisatie."), "website"),
        page_column(),
    ],
    depends_on=["alliances", "sectors"],
)
