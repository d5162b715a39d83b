"""What the alliances app adds to other pages (see razon/related.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, Organization
from razon.collation import by_name
from razon.related import RelatedItem, RelatedSection


def alliances_of(organization):
    """The published alliances an organisation leads or takes part in (one query)."""
    alliances = (
        Alliance.objects.published()
        .filter(Q(members=organization) | Q(lead_institutes=organization))
        .distinct()
        .order_by("-is_main", *by_name())
    )
    return RelatedSection(
        _("Allianties"),
        [RelatedItem(a.name, a.get_absolute_url(), a.short_name) for a in alliances],
    )


def board_of(organization):
    """For a school's page: its board, when published."""
    board = [o for o in _board_and_schools(organization) if o.pk == organization.parent_id]
    return RelatedSection(
        _("Bestuur"),
        [RelatedItem(b.name, b.get_absolute_url(), b.get_kind_display()) for b in board],
    )


def schools_of(organization):
    """For a board's page: the published schools under it, by name."""
    schools = [o for o in _board_and_schools(organization) if o.parent_id == organization.pk]
    return RelatedSection(
        _("Scholen van dit bestuur"),
        [RelatedItem(s.name, s.get_absolute_url(), s.city) for s in schools],
    )


def _board_and_schools(organization):
    """The published board and schools of an organisation, in one query for both sections
    (kept on the object), whether it is a board, a school or neither."""
    if "_board_and_schools" not in organization.__dict__:
        organization.__dict__["_board_and_schools"] = list(
            Organization.objects.published()
            .filter(Q(pk=organization.parent_id) | Q(parent=organization))
            .only("name", "slug", "kind", "city", "parent")
            .order_by(*by_name())
        )
    return organization.__dict__["_board_and_schools"]


def alliances_of_person(person):
    """Where a person appears (the site search): the published alliances they are a
    contact of, the main alliance first (one query)."""
    alliances = (
        Alliance.objects.published()
        .filter(alliancecontact__person=person)
        .distinct()
        .order_by("-is_main", *by_name())
    )
    return RelatedSection(
        _("Contactpersoon van alliantie"),
        [RelatedItem(a.name, a.get_absolute_url()) for a in alliances],
    )
