"""Open data: every overview as CSV (for Excel) and JSON, following its filters, listed on
/open-data/. One declaration per overview drives all three.

An `Export` names the overview's filter set, the queryset it filters (published items only,
with everything the columns read prefetched: a fixed number of queries whatever the number
of rows), and its columns: (key, label, description, value). The key is the JSON field, the
label the CSV header, the description the line on /open-data/, and the value reads an item
(a callable, or an attribute path such as "education_region.name"). The two responses:

- **CSV**: UTF-8 with a byte-order mark and semicolons, so Excel with Dutch settings opens it
  with the right characters in the right columns; no cell starts a formula (`cell()`); a list
  is one cell, its items on lines of their own; yes/no as "ja"/"nee"; times in Dutch time.
- **JSON**: {"dataset", "source" (the overview with the same filters), "licence",
  "licence_url", <key>: [rows]}, lists as arrays, times ISO 8601 with their offset.

Both follow the overview's filters (the same query string); an invalid filter value is
answered 400 with what was wrong, never with data the visitor did not ask for. Both are
cached pages (`cached_page`) with the topics the export names, like the overview; a response
is stored for valid choices, and for facet values only when they found something (a value
with results is one of a fixed set), never for search words. Nothing personal: the exports
hold no people (contact persons stay on the pages, which show only public ones), and only
published items and published organisations (the querysets see to that).

Adding a dataset (the network's ties, say) takes one declaration and three lines:

1. In the app's exports.py::

       TIES = Export(
           key="ties",  # the JSON list's name; the files are "<filename>.csv" / ".json"
           filename="netwerk",
           title=_("Netwerk: wie werkt met wie"),
           description=_("Per paar organisaties: waardoor ze samenwerken."),
           overview="network:overview",  # the page whose filters the export follows
           url_name="network:export",  # gives network:export_csv and network:export_json
           path="netwerk/export",  # gives /netwerk/export.csv and /netwerk/export.json
           filterset=NetworkFilter,  # the overview's own (or None: no filters)
           queryset=lambda: Organization.objects.published().for_network(),
           items=lambda filterset: ties_of(filterset.qs),  # optional: rows other than qs
           columns=[
               Column("organization", _("Organisatie"), _("De ene organisatie."), "first.name"),
               ...
           ],
           depends_on=["alliances", "partnerships", "regions"],  # as the overview's
       )

2. `exports.register(TIES)` in the app's AppConfig.ready (it then shows on /open-data/, in
   the order of INSTALLED_APPS).
3. `*TIES.urlpatterns()` in the app's urls.py.
4. In the overview's view, `"downloads": TIES.downloads(filterset)` in the context, and
   `{% include "components.html#downloads" %}` in its #results (the links carry the
   overview's valid filters, so they follow each htmx update).

Then add the CSV and JSON to bench/pages.py (the query budget test requests them at two
data sizes) and to the expected pages in tests/razon/test_page_cache_topics.py.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

import django_filters
from django.http import HttpResponse, QueryDict
from django.urls import path as url_path
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from razon import pagecache
from razon.models import SectorCode

# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): such a cell
# gets a leading apostrophe, so it is read as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Between the items of a list column (a partnership's municipalities or schools). Names may
# hold commas, semicolons and slashes ("Stichting X, locatie Y"), but never a line break:
# text inputs cannot hold one and the forms remove them. Excel shows the list as lines in one
# cell, and a program reading the file splits it without doubt.
LIST_SEPARATOR = "\n"
# The licence of the open data (docs/decisions.md: nothing in the project stated one).
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"
FORMATS = ("csv", "json")


@dataclass(frozen=True)
class Column:
    """One column: `key` in JSON, `label` as the CSV header, `description` on /open-data/,
    `value` an attribute path or a callable reading an item. `absolute`: the value is a
    path on this site, given as a full address."""

    key: str
    label: Any
    description: Any
    value: str | Callable
    absolute: bool = False

    def read(self, item):
        if callable(self.value):
            return self.value(item)
        try:
            return attrgetter(self.value)(item)
        except AttributeError:  # an empty relation on the way ("education_region.name")
            return None


def choice(attribute, choices):
    """A column value: the label of the item's `attribute` among `choices` (a TextChoices),
    from a dict made once (`get_FOO_display` makes its own on every call: a third of an
    export's time)."""
    labels = dict(choices.choices)

    def label(item):
        value = getattr(item, attribute)
        return labels.get(value, value)

    return label


_SECTOR_LABELS = dict(SectorCode.choices)


def sectors(item):
    """A column value: the labels of the item's sectors (prefetched), in their order."""
    return [_SECTOR_LABELS[sector.code] for sector in item.sectors.all()]


def page_url(item):
    return item.get_absolute_url()


def page_column():
    """The column every dataset ends with: the item's page on this site."""
    return Column(
        "url",
        gettext_lazy("Pagina"),
        gettext_lazy("Het volledige adres van de pagina op deze site."),
        page_url,
        absolute=True,
    )


@dataclass(frozen=True)
class Export:
    """One overview's open data (see the module)."""

    key: str
    filename: str
    title: Any
    description: Any
    overview: str
    url_name: str
    path: str
    queryset: Callable
    columns: list
    depends_on: list
    filterset: type | None = None
    items: Callable | None = None

    @property
    def csv_url_name(self):
        return f"{self.url_name}_csv"

    @property
    def json_url_name(self):
        return f"{self.url_name}_json"

    def urlpatterns(self):
        """The two URL patterns, for the app's urls.py (inside its namespace)."""
        view = require_safe(pagecache.cached_page(depends_on=self.depends_on)(self._view))
        name = self.url_name.rsplit(":", 1)[-1]
        return [
            url_path(f"{self.path}.{format}", view, {"format": format}, name=f"{name}_{format}")
            for format in FORMATS
        ]

    def _view(self, request, format):
        filterset = self._filterset(request.GET, request)
        if filterset is not None and not filterset.is_valid():
            return _refusal(format, filterset.form.errors)
        rows = [self._row(request, item) for item in self._items(filterset)]
        if filterset is not None:
            pagecache.accept(request, *_bounded_parameters(filterset, found=bool(rows)))
        if format == "csv":
            columns = [(column.key, column.label) for column in self.columns]
            response = csv_response(f"{self.filename}.csv", columns, rows)
        else:
            response = self._json(request, filterset, rows)
        response["Link"] = f'<{LICENCE_URL}>; rel="license"'
        return response

    def _filterset(self, data, request=None):
        if self.filterset is None:
            return None
        return self.filterset(data, queryset=self.queryset(), request=request)

    def _items(self, filterset):
        if self.items is not None:
            return self.items(filterset)
        return filterset.qs if filterset is not None else self.queryset()

    def _row(self, request, item):
        """{key: value} of one item; a site path in an `absolute` column as a full address."""
        row = {}
        for column in self.columns:
            value = column.read(item)
            if column.absolute and value:
                value = request.build_absolute_uri(value)
            row[column.key] = value
        return row

    def _json(self, request, filterset, rows):
        overview = reverse(self.overview) + _filter_query(filterset)
        data = {
            "dataset": str(self.title),
            "source": request.build_absolute_uri(overview),
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            self.key: [{key: json_value(value) for key, value in row.items()} for row in rows],
        }
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.json"'
        return response

    def downloads(self, filterset):
        """[(label, address)] of the CSV and JSON with the overview's valid filters (no page
        number, nothing the export would refuse), for components.html#downloads."""
        suffix = _filter_query(filterset)
        return [
            (_("CSV (Excel)"), reverse(self.csv_url_name) + suffix),
            ("JSON", reverse(self.json_url_name) + suffix),
        ]

    def column_list(self):
        """What /open-data/ shows of the columns: [(CSV header, JSON key, description)]."""
        return [(column.label, column.key, column.description) for column in self.columns]


def _filter_query(filterset):
    """ "?<the valid filters>" of a filter set, or "" (no page number, nothing unknown)."""
    query = QueryDict(mutable=True)
    if filterset is not None:
        errors = filterset.form.errors if filterset.is_bound else {}
        for name in filterset.filters:
            if name not in errors and (values := filterset.data.getlist(name)):
                query.setlist(name, values)
    return f"?{query.urlencode()}" if query else ""


def _bounded_parameters(filterset, found):
    """The parameters the export's page-cache entry may hold (razon/pagecache.py): a valid
    choice (sorting included), and a facet's value when the export found rows with it."""
    valid = filterset.form.cleaned_data
    names = [
        name
        for name, filter_ in filterset.filters.items()
        if isinstance(filter_, django_filters.ChoiceFilter) and valid.get(name)
    ]
    if found:
        names += [name for name in getattr(filterset, "facet_labels", {}) if valid.get(name)]
    return names


def _refusal(format, errors):
    """400 for an invalid filter value, saying which and why, in the export's own format."""
    message = _("Een filter had een ongeldige waarde; er is niets geëxporteerd.")
    details = {
        name: [str(error) for error in field_errors] for name, field_errors in errors.items()
    }
    if format == "json":
        body = json.dumps({"error": message, "filters": details}, ensure_ascii=False, indent=2)
        return HttpResponse(body, status=400, content_type="application/json")
    lines = [message, *(f"{name}: {' '.join(texts)}" for name, texts in details.items())]
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


# The registry /open-data/ lists.
_registry: dict[str, Export] = {}


def register(export):
    _registry[export.url_name] = export


def registered():
    return list(_registry.values())


def csv_response(filename, columns, rows):
    """`columns` is [(key, label)], `rows` an iterable of dicts. UTF-8 with a byte-order mark
    and semicolons, so Excel (Dutch settings) opens it with the right characters in the
    right columns."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([cell(label) for _key, label in columns])
    for row in rows:
        writer.writerow([cell(row[key]) for key, _label in columns])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell(value):
    """The text of one cell, never a formula. Numbers stay numbers (a minus sign there is no
    formula); lists become one cell, guarded as a whole; yes/no in Dutch, times in Dutch time
    to the minute."""
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        text = LIST_SEPARATOR.join(_plain(item) for item in value)
    else:
        text = _plain(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def json_value(value):
    """A value as JSON has it: lists as arrays, times ISO 8601 in Dutch time with offset."""
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Promise):
        return str(value)
    return value
