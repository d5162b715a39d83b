"""What the partnerships app adds to other pages (see razon/related.py)."""

from django.db.models import Count
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from partnerships.models import Membership, Partnership, SectorGroup
from razon.collation import by_name, sort_key
from razon.related import RelatedItem, RelatedSection
from regions.collaboration import Breakdown, CollaborationKind, Totals, count_per_region
from regions.models import RAPProject


def partnerships_of(organization):
    """For the organisation page: the published partnerships it takes part in."""
    memberships = Membership.objects.filter(
        organization=organization, partnership__in=Partnership.objects.published()
    ).select_related("partnership")
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [
            RelatedItem(m.partnership.name, m.partnership.get_absolute_url(), m.get_role_display())
            for m in memberships
        ],
    )


def partnerships_in_region(region):
    """For the onderwijsregio page: the published partnerships working in that region, those
    with it as main region first; the others say where they belong (one query)."""
    partnerships = (
        Partnership.objects.published()
        .working_in([region.slug])
        .select_related("education_region")
        .only(
            *("name", "slug", "sector_group", "education_region__name"),
            *("education_region__status", "education_region__publish_at"),
        )
    )
    partnerships = sorted(
        partnerships, key=lambda p: (p.education_region_id != region.pk, sort_key(p.name))
    )
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [RelatedItem(p.name, p.get_absolute_url(), _note(p, region)) for p in partnerships],
    )


def _note(partnership, region):
    group = partnership.get_sector_group_display()
    if partnership.education_region_id in (None, region.pk):
        return group
    if not partnership.education_region.is_published:
        return _("%(group)s, werkt ook hier") % {"group": group}
    return _("%(group)s, werkt ook hier (hoofdregio: %(main)s)") % {
        "group": group,
        "main": partnership.education_region.name,
    }


def partnership_collaboration():
    """For the regio-infrastructuur page: the partnerships, per sector group and per region
    they work in (main or not)."""
    return CollaborationKind(
        key="partnerships",
        label=_("Partnerschappen Samen Opleiden"),
        url=reverse_lazy("partnerships:list"),
        totals=_partnership_totals,
        per_region=_partnerships_per_region,
        region_url=lambda region: f"{reverse('partnerships:list')}?regio={region.slug}",
    )


def _partnership_totals():
    """All published partnerships and those of each sector group (one query)."""
    counts = dict(
        Partnership.objects.published()
        .order_by()
        .values_list("sector_group")
        .annotate(count=Count("pk"))
    )
    url = reverse("partnerships:list")
    return Totals(
        sum(counts.values()),
        [
            Breakdown(label, counts.get(value, 0), f"{url}?sector={value}")
            for value, label in SectorGroup.choices
        ],
    )


def partnerships_in_municipality(municipality):
    """For the regiokaart's panel of a municipality: the published partnerships there."""
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [
            RelatedItem(partnership.name, partnership.get_absolute_url())
            for partnership in Partnership.objects.published().filter(municipalities=municipality)
        ],
    )


def _partnerships_per_region():
    through = Partnership.education_regions.through
    return count_per_region(
        through.objects.filter(partnership__in=Partnership.objects.published()),
        "educationregion",
    )


def partnerships_of_person(person):
    """Where a person appears (the site search): the published partnerships they are the
    contact of (one query)."""
    partnerships = (
        Partnership.objects.published().filter(contacts=person).distinct().order_by(*by_name())
    )
    return RelatedSection(
        _("Contactpersoon van partnerschap"),
        [RelatedItem(p.name, p.get_absolute_url()) for p in partnerships],
    )


def partnerships_of_rap_project(project):
    """For the RAP project page: the published partnerships that work in it (one query)."""
    partnerships = Partnership.objects.published().filter(rap_projects=project).order_by(*by_name())
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [
            RelatedItem(p.name, p.get_absolute_url(), p.get_sector_group_display())
            for p in partnerships
        ],
    )


def rap_projects_of_partnership(partnership):
    """For the partnership page: the published RAP projects it works in (one query)."""
    projects = RAPProject.objects.published().filter(partnerships=partnership).order_by(*by_name())
    return RelatedSection(
        _("RAP-projecten"), [RelatedItem(p.name, p.get_absolute_url(), p.period) for p in projects]
    )
