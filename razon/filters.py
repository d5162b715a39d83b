"""Filter sets whose choices show how many results each value gives (facets)."""

import hashlib
from dataclasses import dataclass
from functools import cached_property

import django_filters
from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from razon import pagecache, search
from razon.models import SearchEntry, Sector, SectorCode
from razon.pagination import PAGE_PARAM

# The words typed into a searchable facet's combobox (or its page's search box).
OPTIONS_TEXT_PARAM = "zoekterm"
# The sorting select of an overview (components.html#filter_form).
SORT_PARAM = "sorteer"


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
    # A searchable facet (FacetedFilterSet.searchable_facets) holds only its chosen option;
    # the form shows a combobox that loads the others from `options_url` (`choose_url`
    # without JavaScript: the same address as a page, with the other filters).
    selected: str = ""
    options_url: str = ""
    choose_url: str = ""
    choose_label: str = ""

    @property
    def field_id(self):
        return f"id_{self.name}"

    @property
    def searchable(self):
        return bool(self.options_url)

    @property
    def chosen(self):
        return next((option for option in self.options if option.selected), None)

    @property
    def listbox_id(self):
        return f"{self.field_id}-listbox"


class WordsFilter(django_filters.CharFilter):
    """A search box: every word typed must occur in one of `fields`, ignoring case
    (`razon.search.every_word`)."""

    def __init__(self, *args, fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.search_fields = fields

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(search.every_word(value, self.search_fields))


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet with facets: for each name in `facet_labels` a method `facet_<name>(qs)`
    returns [(value, label, count)] over `qs`, the results filtered by every other filter.
    So each count says how many results choosing that value would give, and each facet costs
    one query whatever the data size. `components.html#filter_form` renders it."""

    facet_labels: dict = {}
    # Facets with too many options to list in the page: {name: (value field, label of the
    # link to the options page)}. When their `facet_<name>` returns a values_list queryset
    # the page counts only the chosen option; `facet_options()` lists them on demand.
    searchable_facets: dict = {}
    # The URL name of a searchable facet's options, `{}` standing for its name.
    options_url_name = ""
    # [(value, label)] of the `sorteer` select, when the overview can be sorted.
    sort_choices = ()
    # A filter shown as tabs above the form: the form carries it along, clearing keeps it.
    tab = None
    # Other filters that "clear the filters" keeps (the words of a search).
    kept_when_clearing = ()

    def get_form_class(self):
        """One form class per filter set class, made on first use: its fields follow from
        the declared filters alone (no filter here takes its choices from the request), and
        each form copies them. django-filters makes a new class, with new fields, for every
        filter set."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @staticmethod
    def choice_counts(queryset, field, choices):
        """[(value, label, count)] for each of a field's fixed choices: one GROUP BY query."""
        counts = dict(queryset.order_by().values_list(field).annotate(Count("pk", distinct=True)))
        return [(value, label, counts.get(value, 0)) for value, label in choices]

    def facet_sector(self, queryset):
        """Results per sector, for a model with a `sectors` relation to razon.Sector."""
        relation = self._meta.model.sectors.field.related_query_name()
        counts = dict(
            Sector.objects.filter(**{f"{relation}__in": queryset.values("pk")})
            .annotate(count=Count(relation, distinct=True))
            .values_list("code", "count")
        )
        return [(code, label, counts.get(code, 0)) for code, label in SectorCode.choices]

    def facet_base_queryset(self):
        """What facets count over; override to leave out joins only the page needs."""
        return self.queryset

    def queryset_without(self, name):
        """The results under every filter but `name` (and without sorting): the values this
        form cleaned, applied to `facet_base_queryset()`. (A second filter set per facet
        would build, fill and validate a form of its own each time.)"""
        queryset = self.facet_base_queryset().all()
        if not self.is_bound:
            return queryset
        self.errors  # noqa: B018 -- validates the form once, as `qs` does
        without = {name} | {
            other
            for other, filter_ in self.filters.items()
            if isinstance(filter_, django_filters.OrderingFilter)
        }
        return self.filter_queryset(queryset, without=without)

    def filter_queryset(self, queryset, without=()):
        """django-filters' `filter_queryset`, leaving out the filters named in `without`."""
        for name, value in self.form.cleaned_data.items():
            if name not in without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def _selected(self, name):
        return str(self.form.cleaned_data.get(name) or "") if self.is_valid() else ""

    @cached_property
    def facets(self):
        """Computed once per request, however often the template shows them. A searchable
        facet costs a query only when a value is chosen (its label and count)."""
        facets = []
        for name, (label, empty_label) in self.facet_labels.items():
            selected = self._selected(name)
            if name in self.searchable_facets:
                facets.append(self._searchable_facet(name, label, empty_label, selected))
                continue
            rows = getattr(self, f"facet_{name}")(self.queryset_without(name))
            options = [
                FacetOption(str(value), label, count, str(value) == selected)
                for value, label, count in rows
                if count or str(value) == selected
            ]
            facets.append(Facet(name, label, empty_label, options))
        pagecache.accept(self.request, *self._bounded_parameters(facets))
        return facets

    def _searchable_facet(self, name, label, empty_label, selected):
        value_field, choose_label = self.searchable_facets[name]
        rows = []
        if selected:
            rows = getattr(self, f"facet_{name}")(self.queryset_without(name))
            if isinstance(rows, QuerySet):  # else a list, counted in Python
                rows = rows.filter(**{value_field: selected})
            rows = [row for row in rows if str(row[0]) == selected]
        options_url = reverse(self.options_url_name.format(name))
        query = self.data.copy()
        query.pop(PAGE_PARAM, None)
        return Facet(
            name,
            label,
            empty_label,
            [FacetOption(str(value), text, count, True) for value, text, count in rows if count],
            selected=selected,
            options_url=options_url,
            choose_url=f"{options_url}?{query.urlencode()}" if query else options_url,
            choose_label=choose_label,
        )

    def facet_options(self, name, text=""):
        """A searchable facet's options with results under the other filters whose label
        holds every word of `text` (ignoring case), by label, as FacetOptions."""
        selected = self._selected(name)
        words = [word.casefold() for word in search.words(text)]
        return [
            FacetOption(str(value), label, count, str(value) == selected)
            for value, label, count in self._all_options(name)
            if count and all(word in label.casefold() for word in words)
        ]

    def _all_options(self, name):
        """[(value, label, count)] of a searchable facet under the other filters, by label.
        Without other filters (the tab aside) they are the same for every visitor until the
        content changes: computed once per page-cache generation, kept in its cache."""

        def compute():
            rows = getattr(self, f"facet_{name}")(self.queryset_without(name))
            return sorted((tuple(row) for row in rows), key=lambda row: row[1].casefold())

        others = [
            other
            for other, filter_ in self.filters.items()
            if other not in (name, self.tab)
            and not isinstance(filter_, django_filters.OrderingFilter)
        ]
        if not self.is_valid() or any(self.data.get(other) for other in others):
            return compute()
        # Kept under the generations of the topics the page shows (set by `cached_page`;
        # a request it does not cache counts them each time).
        topics = getattr(self.request, "razon_page_topics", None)
        generations = pagecache.current_generations(topics) if topics else None
        if generations is None:
            return compute()
        stamp = hashlib.sha256(repr(sorted(generations.items())).encode()).hexdigest()[:24]
        tab = self._selected(self.tab) if self.tab else ""
        key = f"facets:{stamp}:{self._meta.model._meta.label_lower}:{name}:{tab}"
        rows = pagecache.cache.get(key)
        if rows is None:
            rows = compute()
            timeout = pagecache.seconds_until(pagecache.horizon(generations))
            if timeout > 0:
                pagecache.cache.set(key, rows, min(timeout, pagecache.MAX_TIMEOUT))
        return rows

    def choice_url(self, overview_url, name, value):
        """The overview with the other filters and `name` set to `value` (none when empty)."""
        query = self.data.copy()
        for parameter in (name, PAGE_PARAM, OPTIONS_TEXT_PARAM):
            query.pop(parameter, None)
        for parameter in [key for key, item in query.items() if not item]:
            query.pop(parameter)
        if value:
            query[name] = value
        return f"{overview_url}?{query.urlencode()}" if query else overview_url

    def _bounded_parameters(self, facets):
        """The parameters given with a value from a fixed set (for the page cache): a valid
        choice, or a facet's value that has results. Search words are never one."""
        if not self.is_bound or self.request is None:
            return []
        self.form.is_valid()  # cleans the form once
        valid = self.form.cleaned_data
        names = [
            name
            for name, filter_ in self.filters.items()
            if isinstance(filter_, django_filters.ChoiceFilter) and valid.get(name)
        ]
        names += [
            facet.name
            for facet in facets
            if any(option.selected and option.count for option in facet.options)
        ]
        return names

    def _kept(self):
        return [name for name in (self.tab, *self.kept_when_clearing) if name]

    @property
    def is_filtered(self):
        """Whether "clear the filters" would change anything."""
        kept = self._kept()
        return any(self.data.get(name) for name in self.filters if name not in kept)

    @property
    def active_count(self):
        """How many filters are set, for the phone's "Filters (n)": those "clear" would clear,
        the sorting aside (it orders, it does not filter)."""
        kept = self._kept()
        return sum(
            1
            for name in self.filters
            if name not in kept and name != SORT_PARAM and self.data.get(name)
        )

    @property
    def clear_url(self):
        """This overview without its filters (but with its tab, or its search words)."""
        query = QueryDict(mutable=True)
        for name in self._kept():
            if value := self.data.get(name):
                query[name] = value
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    @property
    def tab_value(self):
        return self.data.get(self.tab, "") if self.tab else ""

    def facet(self, name):
        return next(facet for facet in self.facets if facet.name == name)


class SearchFilter(FacetedFilterSet):
    """The site search (/zoeken/): the words, and the kind of content with counts. Without
    words nothing is searched and nothing is found."""

    zoek = django_filters.CharFilter(method="filter_search", max_length=search.MAX_QUERY_LENGTH)
    soort = django_filters.ChoiceFilter(field_name="kind", choices=search.kind_choices)

    facet_labels = {"soort": (_("Soort"), _("Alles"))}
    kept_when_clearing = ("zoek",)

    class Meta:
        model = SearchEntry
        fields = []

    def facet_base_queryset(self):
        return SearchEntry.objects.published()

    @property
    def query(self):
        """The words searched for, when valid (an invalid kind leaves them alone)."""
        self.form.is_valid()
        return (self.form.cleaned_data.get("zoek") or "").strip()

    def filter_queryset(self, queryset, without=()):
        if not self.query:
            return queryset.none()
        return super().filter_queryset(queryset, without)

    def filter_search(self, queryset, name, value):
        return search.search(queryset, value.strip())

    def facet_soort(self, queryset):
        return self.choice_counts(queryset, "kind", search.kind_choices())
