from collections import Counter

import django_filters
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from razon.collation import by_name
from razon.filters import FacetedFilterSet
from razon.models import SectorCode
from regions.maps import ZUIDOOST_PROVINCES
from regions.models import (
    EducationRegion,
    Municipality,
    Programme,
    ProjectStatus,
    RAPProject,
    RegionStatus,
)


class RegionalFilterSet(FacetedFilterSet):
    """Filters both regional overviews share: sector, province, municipality, organisation.
    Subclasses say which relation leads to the organisations (`organization_lookups`)."""

    zoek = django_filters.CharFilter(field_name="name", lookup_expr="icontains")
    sector = django_filters.ChoiceFilter(field_name="sectors__code", choices=SectorCode.choices)
    provincie = django_filters.ChoiceFilter(
        field_name="municipalities__province",
        choices=[(name, name) for name in ZUIDOOST_PROVINCES],
        distinct=True,
    )
    gemeente = django_filters.CharFilter(field_name="municipalities__code")
    organisatie = django_filters.CharFilter(method="with_organization")

    organization_lookups = ()
    searchable_facets = {
        "gemeente": ("code", _("Kies een gemeente")),
        "organisatie": ("slug", _("Kies een organisatie")),
    }

    def with_organization(self, queryset, name, value):
        organizations = Organization.objects.published().filter(slug=value)
        condition = Q()
        for lookup in self.organization_lookups:
            condition |= Q(**{f"{lookup}__in": organizations})
        return queryset.filter(condition).distinct()

    def facet_provincie(self, queryset):
        return self.choice_counts(
            queryset, "municipalities__province", [(name, name) for name in ZUIDOOST_PROVINCES]
        )

    def facet_gemeente(self, queryset):
        relation = self.queryset.model.municipalities.field.related_query_name()
        return (
            Municipality.objects.filter(**{f"{relation}__in": queryset.values("pk")})
            .annotate(count=Count(relation))
            .order_by(*by_name())  # Meta.ordering does not apply to a grouped query
            .values_list("code", "name", "count")
        )

    def facet_organisatie(self, queryset):
        """Published organisations taking part (one query, a count per relation)."""
        matching = queryset.values("pk")
        counts = {
            f"via_{index}": Count(reverse, filter=Q(**{f"{reverse}__in": matching}), distinct=True)
            for index, reverse in enumerate(self.reverse_organization_lookups.values())
        }
        organizations = (
            Organization.objects.published()
            .annotate(**counts)
            .order_by(*by_name())
            .values_list("slug", "name", *counts)
        )
        rows = ((slug, name, sum(numbers)) for slug, name, *numbers in organizations)
        return [row for row in rows if row[2]]


class EducationRegionFilter(RegionalFilterSet):
    fase = django_filters.ChoiceFilter(field_name="phase", choices=RegionStatus.choices)

    organization_lookups = ("members",)
    options_url_name = "regions:education_region_facet_{}"
    reverse_organization_lookups = {"members": "education_regions"}
    facet_labels = {
        "fase": (_("Fase"), _("Alle fasen")),
        "sector": (_("Sector"), _("Alle sectoren")),
        "provincie": (_("Provincie"), _("Alle provincies")),
        "gemeente": (_("Gemeente"), _("Alle gemeenten")),
        "organisatie": (_("Organisatie"), _("Alle organisaties")),
    }

    class Meta:
        model = EducationRegion
        fields = []

    def facet_fase(self, queryset):
        return self.choice_counts(queryset, "phase", RegionStatus.choices)


class RAPProjectFilter(RegionalFilterSet):
    regeling = django_filters.ChoiceFilter(field_name="programme", choices=Programme.choices)
    status = django_filters.ChoiceFilter(field_name="progress", choices=ProjectStatus.choices)
    jaar = django_filters.NumberFilter(method="active_in")

    organization_lookups = ("lead_organization", "partners")
    options_url_name = "regions:rap_project_facet_{}"
    reverse_organization_lookups = {
        "lead_organization": "led_rap_projects",
        "partners": "rap_projects",
    }
    facet_labels = {
        "regeling": (_("Regeling"), _("RAL en RAP")),
        "status": (_("Status"), _("Alle statussen")),
        "jaar": (_("Actief in jaar"), _("Alle jaren")),
        "sector": (_("Sector"), _("Alle sectoren")),
        "provincie": (_("Provincie"), _("Alle provincies")),
        "gemeente": (_("Gemeente"), _("Alle gemeenten")),
        "organisatie": (_("Organisatie"), _("Alle organisaties")),
    }

    class Meta:
        model = RAPProject
        fields = []

    def active_in(self, queryset, name, value):
        return queryset.active_in(int(value)) if 1900 < value < 2200 else queryset.none()

    def facet_jaar(self, queryset):
        """Projects per year they ran in: one query counting the projects per span (start and
        end year), so as many rows as there are different spans, however many projects; the
        years of each span are added up in Python."""
        counts = Counter()
        this_year = timezone.now().year
        spans = (
            queryset.order_by()
            .values_list("start_year", "end_year")
            .annotate(projects=Count("pk", distinct=True))
        )
        for start, end, projects in spans:
            for year in range(start, (end or this_year) + 1):
                counts[year] += projects
        return [(year, str(year), counts[year]) for year in sorted(counts, reverse=True)]

    def facet_regeling(self, queryset):
        return self.choice_counts(queryset, "programme", Programme.choices)

    def facet_status(self, queryset):
        return self.choice_counts(queryset, "progress", ProjectStatus.choices)
