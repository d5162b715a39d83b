"""What the partnerships app adds to other pages (see razon/related.py)."""

from django.utils.translation import gettext_lazy as _

from partnerships.models import Membership, Partnership
from razon.related import RelatedItem, RelatedSection
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
    """For the onderwijsregio page: the published partnerships in that region."""
    partnerships = Partnership.objects.published().filter(education_region=region)
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [
            RelatedItem(p.name, p.get_absolute_url(), p.get_sector_group_display())
            for p in partnerships
        ],
    )


def partnerships_of_person(person):
    """Where a person appears (the site search): the published partnerships they are the
    contact of (one query)."""
    partnerships = Partnership.objects.published().filter(contact=person).order_by("name")
    return RelatedSection(
        _("Contactpersoon van partnerschap"),
        [RelatedItem(p.name, p.get_absolute_url()) for p in partnerships],
    )


def partnerships_of_rap_project(project):
    """For the RAP project page: the published partnerships that work in it (one query)."""
    partnerships = Partnership.objects.published().filter(rap_projects=project).order_by("name")
    return RelatedSection(
        _("Partnerschappen Samen Opleiden"),
        [
            RelatedItem(p.name, p.get_absolute_url(), p.get_sector_group_display())
            for p in partnerships
        ],
    )


def rap_projects_of_partnership(partnership):
    """For the partnership page: the published RAP projects it works in (one query)."""
    projects = RAPProject.objects.published().filter(partnerships=partnership).order_by("name")
    return RelatedSection(
        _("RAP-projecten"), [RelatedItem(p.name, p.get_absolute_url(), p.period) for p in projects]
    )
