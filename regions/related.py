"""What the regions app adds to other pages (see razon/related.py)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from razon.collation import by_name
from razon.related import RelatedItem, RelatedSection
from regions.models import EducationRegion, RAPProject, RegionMembership


def education_regions_of(organization):
    """For the organisation page: the published onderwijsregio's it takes part in."""
    memberships = RegionMembership.objects.filter(
        organization=organization, region__in=EducationRegion.objects.published()
    ).select_related("region")
    return RelatedSection(
        _("Onderwijsregio's"),
        [
            RelatedItem(m.region.name, m.region.get_absolute_url(), m.get_role_display())
            for m in memberships
        ],
    )


def rap_projects_of(organization):
    """For the organisation page: the published RAP projects it leads or takes part in."""
    projects = (
        RAPProject.objects.published()
        .filter(Q(lead_organization=organization) | Q(partners=organization))
        .distinct()
    )
    return RelatedSection(
        _("RAP-projecten"),
        [
            RelatedItem(
                p.name,
                p.get_absolute_url(),
                _("penvoerder") if p.lead_organization_id == organization.pk else p.period,
            )
            for p in projects
        ],
    )


def education_regions_in(municipality):
    """For the regiokaart's panel of a municipality: the published onderwijsregio's there."""
    return RelatedSection(
        _("Onderwijsregio's"),
        [
            RelatedItem(region.name, region.get_absolute_url())
            for region in EducationRegion.objects.published().filter(municipalities=municipality)
        ],
    )


def rap_projects_in(municipality):
    """For the regiokaart's panel of a municipality: the published RAP projects there."""
    return RelatedSection(
        _("RAP-projecten"),
        [
            RelatedItem(project.name, project.get_absolute_url(), project.period)
            for project in RAPProject.objects.published().filter(municipalities=municipality)
        ],
    )


def education_regions_of_person(person):
    """Where a person appears (the site search): the published onderwijsregio's they are
    the contact of (one query)."""
    regions = EducationRegion.objects.published().filter(contact=person).order_by(*by_name())
    return RelatedSection(
        _("Contactpersoon van onderwijsregio"),
        [RelatedItem(region.name, region.get_absolute_url()) for region in regions],
    )
