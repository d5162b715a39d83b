import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from partnerships.models import Accreditation, Partnership, Role, SectorGroup
from razon.filters import FacetedFilterSet, WordsFilter
from regions.models import EducationRegion, Municipality


class PartnershipFilter(FacetedFilterSet):
    """The overview's filters; `sector` is the sector group, so `?sector=po-vso` and
    `?sector=vo-mbo` are the two stable overview links."""

    sector = django_filters.ChoiceFilter(field_name="sector_group", choices=SectorGroup.choices)
    zoek = WordsFilter(fields=["name", "short_name"])
    regio = django_filters.CharFilter(field_name="education_region__slug")
    gemeente = django_filters.CharFilter(field_name="municipalities__code", distinct=True)
    opleiding = django_filters.CharFilter(method="with_institute")
    bestuur = django_filters.CharFilter(method="with_board")
    erkenning = django_filters.ChoiceFilter(
        field_name="accreditation", choices=Accreditation.choices
    )
    sorteer = django_filters.OrderingFilter(
        fields=(("name", "naam"), ("education_region__name", "regio"), ("member_count", "grootte")),
    )

    tab = "sector"
    facet_labels = {
        "regio": (_("Onderwijsregio"), _("Alle regio's")),
        "gemeente": (_("Gemeente"), _("Alle gemeenten")),
        "opleiding": (_("Lerarenopleiding"), _("Alle opleidingen")),
        "bestuur": (_("Schoolbestuur"), _("Alle besturen")),
        "erkenning": (_("Erkenning"), _("Erkend of niet")),
    }
    sort_choices = [
        ("", _("Naam")),
        ("regio", _("Onderwijsregio")),
        ("-grootte", _("Grootte (meeste deelnemers eerst)")),
    ]

    class Meta:
        model = Partnership
        fields = []

    def facet_base_queryset(self):
        # Facets count partnerships; the page's size annotation and prefetches would only
        # slow down their subqueries.
        return Partnership.objects.published()

    def with_institute(self, queryset, name, value):
        return self._with_member(queryset, value, Role.INSTITUTE)

    def with_board(self, queryset, name, value):
        return self._with_member(queryset, value, Role.BOARD)

    def _with_member(self, queryset, slug, role):
        return queryset.filter(
            memberships__role=role,
            memberships__organization__in=Organization.objects.published().filter(slug=slug),
        ).distinct()

    def facet_regio(self, queryset):
        regions = (
            EducationRegion.objects.published()
            .filter(partnerships__in=queryset.values("pk"))
            .annotate(count=Count("partnerships"))
            .order_by("name")  # Meta.ordering does not apply to a grouped query
            .values_list("slug", "name", "count")
        )
        return list(regions)

    def facet_gemeente(self, queryset):
        return list(
            Municipality.objects.filter(partnerships__in=queryset.values("pk"))
            .annotate(count=Count("partnerships"))
            .order_by("name")  # Meta.ordering does not apply to a grouped query
            .values_list("code", "name", "count")
        )

    def facet_opleiding(self, queryset):
        return self._member_facet(queryset, Role.INSTITUTE)

    def facet_bestuur(self, queryset):
        return self._member_facet(queryset, Role.BOARD)

    def _member_facet(self, queryset, role):
        matching = Q(
            partnership_memberships__role=role,
            partnership_memberships__partnership__in=queryset.values("pk"),
        )
        return list(
            Organization.objects.published()
            .filter(matching)
            .annotate(count=Count("partnership_memberships__partnership", distinct=True))
            .order_by("name")
            .values_list("slug", "name", "count")
        )

    def facet_erkenning(self, queryset):
        return self.choice_counts(queryset, "accreditation", Accreditation.choices)

    def sector_tabs(self):
        """The two sector groups with their counts under the other filters (one query)."""
        counts = self.choice_counts(
            self.queryset_without("sector"), "sector_group", SectorGroup.choices
        )
        selected = self.data.get("sector", "")
        return [
            {"value": value, "label": label, "count": count, "selected": value == selected}
            for value, label, count in counts
        ]
