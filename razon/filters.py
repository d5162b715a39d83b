"""Filter sets whose choices show how many results each value gives (facets)."""

from dataclasses import dataclass
from functools import cached_property

import django_filters


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    empty_label: str
    options: list[FacetOption]

    @property
    def field_id(self):
        return f"id_{self.name}"

    @property
    def selected(self):
        return next((option for option in self.options if option.selected), None)


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet with facets: for each name in `Meta.facets` a method `facet_<name>(qs)`
    returns [(value, label, count)] over `qs`, the results filtered by every other filter.
    So each count says how many results choosing that value would give, and each facet costs
    one query whatever the data size."""

    facet_labels: dict = {}

    def facet_base_queryset(self):
        """What facets count over; override to leave out joins only the page needs."""
        return self.queryset

    def queryset_without(self, name):
        """The results under every filter but `name` (and without sorting)."""
        data = self.data.copy()
        data.pop(name, None)
        for other, filter_ in self.filters.items():
            if isinstance(filter_, django_filters.OrderingFilter):
                data.pop(other, None)
        return type(self)(data, queryset=self.facet_base_queryset(), request=self.request).qs

    @cached_property
    def facets(self):
        """Computed once per request, however often the template shows them."""
        facets = []
        for name, (label, empty_label) in self.facet_labels.items():
            selected = str(self.form.cleaned_data.get(name) or "") if self.is_valid() else ""
            rows = getattr(self, f"facet_{name}")(self.queryset_without(name))
            options = [
                FacetOption(str(value), label, count, str(value) == selected)
                for value, label, count in rows
                if count or str(value) == selected
            ]
            facets.append(Facet(name, label, empty_label, options))
        return facets

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.filters)

    def facet(self, name):
        return next(facet for facet in self.facets if facet.name == name)
