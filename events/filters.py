import django_filters
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventKind
from razon.filters import FacetedFilterSet
from razon.models import SectorCode


class EventFilter(FacetedFilterSet):
    """The agenda's filters. `jaar` opens the archive of one year: its past events."""

    soort = django_filters.ChoiceFilter(field_name="kind", choices=EventKind.choices)
    sector = django_filters.ChoiceFilter(field_name="sectors__code", choices=SectorCode.choices)
    jaar = django_filters.NumberFilter(method="archive_year", min_value=1900, max_value=2200)

    facet_labels = {
        "soort": (_("Soort bijeenkomst"), _("Alle soorten")),
        "sector": (_("Sector"), _("Alle sectoren")),
        "jaar": (_("Jaar (archief)"), _("Komende bijeenkomsten")),
    }

    class Meta:
        model = Event
        fields = []

    def archive_year(self, queryset, name, value):
        return queryset.past().filter(starts_at__year=value)

    def facet_soort(self, queryset):
        return self.choice_counts(queryset, "kind", EventKind.choices)

    def facet_jaar(self, queryset):
        years = (
            queryset.past()
            .order_by()
            .annotate(year=ExtractYear("starts_at"))
            .values_list("year")
            .annotate(count=Count("pk", distinct=True))
            .order_by("-year")
        )
        return [(year, str(year), count) for year, count in years]

    def events(self):
        """What the agenda lists: the past events of the year chosen, latest first, or else
        the upcoming ones, soonest first."""
        return self.qs.order_by("-starts_at") if self.year else self.qs.upcoming()

    @property
    def year(self):
        return self.form.cleaned_data.get("jaar") if self.is_valid() else None
