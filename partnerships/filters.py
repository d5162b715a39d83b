from collections import Counter

import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from partnerships.models import Accreditation, Membership, Partnership, Role, SectorGroup
from razon.collation import DutchName, by_name
from razon.filters import FacetedFilterSet, WordsFilter
from regions.models import EducationRegion, Municipality


class SizeOrderingFilter(django_filters.OrderingFilter):
    """Sorting that counts every partnership's members only when sorting by size; names in
    Dutch order (razon/collation.py), ties by primary key."""

    by_name = {"naam": "name", "regio": "education_region__name"}

    def filter(self, queryset, value):
        if not value:
            return queryset
        if any(item.lstrip("-") == "grootte" for item in value):
            queryset = queryset.with_size_to_sort()
        ordering = []
        for item in value:
            field = self.by_name.get(item.lstrip("-"))
            if field is None:
                ordering.append(self.get_ordering_value(item))
            else:
                name = DutchName(field)
                ordering.append(name.desc() if item.startswith("-") else name.asc())
        return queryset.order_by(*ordering, *by_name())


class PartnershipFilter(FacetedFilterSet):
    """The overview's filters; `sector` is the sector group, so `?sector=po-vso` and
    `?sector=vo-mbo` are the two stable overview links."""

    sector = django_filters.ChoiceFilter(field_name="sector_group", choices=SectorGroup.choices)
    zoek = WordsFilter(fields=["name", "short_name"])
    regio = django_filters.CharFilter(method="in_region")
    gemeente = django_filters.CharFilter(method="in_municipality")
    opleiding = django_filters.CharFilter(method="with_institute")
    bestuur = django_filters.CharFilter(method="with_board")
    erkenning = django_filters.ChoiceFilter(
        field_name="accreditation", choices=Accreditation.choices
    )
    sorteer = SizeOrderingFilter(
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
    searchable_facets = {
        "regio": ("slug", _("Kies een onderwijsregio")),
        "gemeente": ("code", _("Kies een gemeente")),
        "opleiding": ("slug", _("Kies een lerarenopleiding")),
        "bestuur": ("slug", _("Kies een schoolbestuur")),
    }
    options_url_name = "partnerships:facet_{}"
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

    # Each a subquery rather than a join: no row comes twice, so the page needs no DISTINCT.
    def in_region(self, queryset, name, value):
        """Working in the region, as main region or one of the others."""
        return queryset.working_in([value])

    def in_municipality(self, queryset, name, value):
        return queryset.filter(
            pk__in=Partnership.municipalities.through.objects.filter(
                municipality__code=value
            ).values("partnership")
        )

    def with_board(self, queryset, name, value):
        """With the board as member, or one of its (published) schools."""
        board = Organization.objects.published().filter(slug=value)
        members = Membership.objects.of_organizations(board, role=Role.BOARD)
        return queryset.filter(pk__in=members.values("partnership"))

    def _with_member(self, queryset, slug, role):
        members = Membership.objects.filter(
            role=role, organization__in=Organization.objects.published().filter(slug=slug)
        )
        return queryset.filter(pk__in=members.values("partnership"))

    def facet_regio(self, queryset):
        return (
            EducationRegion.objects.published()
            .filter(partnerships__in=queryset.values("pk"))
            .annotate(count=Count("partnerships"))
            .order_by(*by_name())  # Meta.ordering does not apply to a grouped query
            .values_list("slug", "name", "count")
        )

    def facet_gemeente(self, queryset):
        return (
            Municipality.objects.filter(partnerships__in=queryset.values("pk"))
            .annotate(count=Count("partnerships"))
            .order_by(*by_name())  # Meta.ordering does not apply to a grouped query
            .values_list("code", "name", "count")
        )

    def facet_opleiding(self, queryset):
        return self._member_facet(queryset, Role.INSTITUTE)

    def facet_bestuur(self, queryset):
        """Published boards with the partnerships they take part in themselves or through
        one of their (published) schools, each partnership counted once, as `with_board`
        filters: one query for the pairs, counted here (sorted by the caller)."""
        members = Membership.objects.filter(partnership__in=queryset.values("pk"))
        counts = Counter((slug, name) for slug, name, _partnership in members.board_pairs())
        return [(slug, name, count) for (slug, name), count in counts.items()]

    def _member_facet(self, queryset, role):
        matching = Q(
            partnership_memberships__role=role,
            partnership_memberships__partnership__in=queryset.values("pk"),
        )
        return (
            Organization.objects.published()
            .filter(matching)
            .annotate(count=Count("partnership_memberships__partnership", distinct=True))
            .order_by(*by_name())
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
