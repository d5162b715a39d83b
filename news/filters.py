import django_filters
from django.utils.translation import gettext_lazy as _

from news.models import Post, PostKind
from razon.filters import FacetedFilterSet, WordsFilter
from razon.models import SectorCode


class PostFilter(FacetedFilterSet):
    """The overview's filters. Parameter names are Dutch: they are the shareable URL."""

    zoek = WordsFilter(fields=["title", "intro"], max_length=100)
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

    def facet_soort(self, queryset):
        return self.choice_counts(queryset, "kind", PostKind.choices)
