import hashlib

import django_filters
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from network import ties
from razon import pagecache
from razon.filters import FacetedFilterSet
from razon.models import SectorCode


class NetworkFilter(FacetedFilterSet):
    """The network's filters, on the organisations drawn: sector, onderwijsregio (the
    organisations that work there) and teacher-training institute (the institute and those
    who work with it). The facets count organisations, from the network's cached index
    (`index`, network/graph.py) for the onderwijsregio's and institutes."""

    sector = django_filters.ChoiceFilter(field_name="sectors__code", choices=SectorCode.choices)
    regio = django_filters.CharFilter(method="in_region", max_length=200)
    opleiding = django_filters.CharFilter(method="near_institute", max_length=200)

    facet_labels = {
        "sector": (_("Sector"), _("Alle sectoren")),
        "regio": (_("Onderwijsregio"), _("Alle onderwijsregio's")),
        "opleiding": (_("Lerarenopleiding"), _("Alle opleidingen")),
    }

    # Hundreds on a large network: a combobox loading them on demand (razon/filters.py).
    searchable_facets = {"regio": ("slug", _("Kies een onderwijsregio"))}
    options_url_name = "network:facet_{}"

    class Meta:
        model = Organization
        fields = []

    def __init__(self, *args, index=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.index = index

    def in_region(self, queryset, name, value):
        return queryset.filter(ties.in_region(value))

    def near_institute(self, queryset, name, value):
        return queryset.filter(ties.near(value))

    def facet_regio(self, queryset):
        return self._counted(queryset, self.index.regions)

    def facet_opleiding(self, queryset):
        return self._counted(queryset, self.index.institutes)

    @staticmethod
    def _counted(queryset, rows):
        pks = set(queryset.values_list("pk", flat=True))
        return [(slug, label, len(members & pks)) for slug, label, members in rows]

    def key(self):
        """The filters applied, as part of a cache key; None when one names an onderwijsregio
        or institute that does not exist (what a client makes up is not kept)."""
        self.form.is_valid()  # an invalid value is left out of cleaned_data, and not applied
        cleaned = self.form.cleaned_data
        known = {
            "regio": {slug for slug, _label, _members in self.index.regions},
            "opleiding": {slug for slug, _label, _members in self.index.institutes},
        }
        for name, slugs in known.items():
            if cleaned.get(name) and cleaned[name] not in slugs:
                return None
        # Each value applied is from a fixed set: the page cache may keep the response (a
        # fragment without the form's facets, which would vouch for them otherwise).
        pagecache.accept(self.request, *(name for name in self.facet_labels if cleaned.get(name)))
        text = ",".join(f"{name}={cleaned.get(name) or ''}" for name in self.facet_labels)
        return hashlib.sha256(text.encode()).hexdigest()[:24]
