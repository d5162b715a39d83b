"""What the alliances app adds to other pages (see razon/related.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance
from razon.related import RelatedItem, RelatedSection


def alliances_of(organization):
    """The published alliances an organisation leads or takes part in (one query)."""
    alliances = (
        Alliance.objects.published()
        .filter(Q(members=organization) | Q(lead_institutes=organization))
        .distinct()
        .order_by("-is_main", "name")
    )
    return RelatedSection(
        _("Allianties"),
        [RelatedItem(a.name, a.get_absolute_url(), a.short_name) for a in alliances],
    )


def alliances_of_person(person):
    """Where a person appears (the site search): the published alliances they are a
    contact of, the main alliance first (one query)."""
    alliances = (
        Alliance.objects.published()
        .filter(alliancecontact__person=person)
        .distinct()
        .order_by("-is_main", "name")
    )
    return RelatedSection(
        _("Contactpersoon van alliantie"),
        [RelatedItem(a.name, a.get_absolute_url()) for a in alliances],
    )
