"""What the alliances app adds to other pages (see razon/related.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, Organization
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


def board_of(organization):
    """For a school's page: its board, when published (a query only when it has one)."""
    boards = []
    if organization.parent_id:
        boards = Organization.objects.published().filter(pk=organization.parent_id)
    return RelatedSection(
        _("Bestuur"),
        [RelatedItem(b.name, b.get_absolute_url(), b.get_kind_display()) for b in boards],
    )


def schools_of(organization):
    """For a board's page: the published schools under it, by name (one query)."""
    schools = Organization.objects.published().filter(parent=organization).order_by("name")
    return RelatedSection(
        _("Scholen van dit bestuur"),
        [RelatedItem(s.name, s.get_absolute_url(), s.city) for s in schools],
    )
