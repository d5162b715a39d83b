import django_filters
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, Organization, OrganizationKind
from razon.filters import FacetedFilterSet, WordsFilter
from razon.models import SectorCode


class OrganizationFilter(FacetedFilterSet):
    """The directory's filters. Parameter names are Dutch: they are the shareable URL."""

    zoek = WordsFilter(fields=["name", "short_name", "city"], label=_("Zoek op naam of plaats"))
    soort = django_filters.ChoiceFilter(field_name="kind", choices=OrganizationKind.choices)
    sector = django_filters.ChoiceFilter(field_name="sectors__code", choices=SectorCode.choices)
    alliantie = django_filters.CharFilter(method="in_alliance")

    facet_labels = {
        "soort": (_("Soort organisatie"), _("Alle soorten")),
        "sector": (_("Sector"), _("Alle sectoren")),
        "alliantie": (_("Alliantie"), _("Alle allianties")),
    }

    class Meta:
        model = Organization
        fields = []

    def in_alliance(self, queryset, name, value):
        # Only published alliances: a draft's membership must not be discoverable by URL.
        return queryset.filter(alliances__in=Alliance.objects.published().filter(slug=value))

    def facet_soort(self, queryset):
        return self.choice_counts(queryset, "kind", OrganizationKind.choices)

    def facet_alliantie(self, queryset):
        alliances = (
            Alliance.objects.published()
            .filter(members__in=queryset.values("pk"))
            .annotate(count=Count("members"))
            .order_by("-is_main", "short_name")
        )
        return [(alliance.slug, alliance.short_name, alliance.count) for alliance in alliances]
