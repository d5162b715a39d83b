import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from news.models import Post, PostKind
from razon.filters import FacetedFilterSet
from razon.models import Sector, SectorCode


class PostFilter(FacetedFilterSet):
    """The overview's filters. Parameter names are Dutch: they are the shareable URL."""

    zoek = django_filters.CharFilter(method="search", max_length=100)
    soort = django_filters.ChoiceFilter(field_name="kind", choices=PostKind.choices)
    # One sector per post and code: this join cannot repeat a post, so no DISTINCT.
    sector = django_filters.ChoiceFilter(field_name="sectors__code", choices=SectorCode.choices)

    facet_labels = {
        "soort": (_("Soort bericht"), _("Alle soorten")),
        "sector": (_("Sector"), _("Alle sectoren")),
    }

    class Meta:
        model = Post
        fields = []

    def facet_base_queryset(self):
        # Facets count posts; the page's ordering and prefetches would only slow them down.
        return Post.objects.published()

    def selected_kind(self):
        """The kind filtered on, when it is a valid one (for the kind's own feed)."""
        self.form.is_valid()
        return self.form.cleaned_data.get("soort") or None

    def search(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(Q(title__icontains=word) | Q(intro__icontains=word))
        return queryset

    def facet_soort(self, queryset):
        counts = dict(queryset.order_by().values_list("kind").annotate(Count("pk", distinct=True)))
        return [(kind, label, counts.get(kind, 0)) for kind, label in PostKind.choices]

    def facet_sector(self, queryset):
        counts = dict(
            Sector.objects.filter(post__in=queryset.values("pk"))
            .annotate(count=Count("post", distinct=True))
            .values_list("code", "count")
        )
        return [(code, label, counts.get(code, 0)) for code, label in SectorCode.choices]
