"""The network's ties as open data (razon/exports.py): one row per pair of organisations
that work together in a partnership or RAP project, under the network's filters (all pairs,
not only the ones the picture draws)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from network import graph, ties
from network.filters import NetworkFilter
from razon.collation import sort_key
from razon.exports import Column, Export


@dataclass(frozen=True)
class Pair:
    a: graph.Organization
    b: graph.Organization
    via: tuple  # graph.Collaborations

    def names(self, kind):
        return sorted((item.name for item in self.via if item.kind == kind), key=sort_key)


def pairs(filterset):
    """The pairs among the filtered organisations, from the cached network (network/graph.py),
    by name."""
    network = graph.Store().network
    pks = set(filterset.qs.order_by().values_list("pk", flat=True)) & set(network.organizations)
    organizations = network.organizations
    found = [
        Pair(organizations[a], organizations[b], tuple(via))
        for (a, b), via in network.pairs(pks).items()
    ]
    return sorted(found, key=lambda pair: (sort_key(pair.a.name), sort_key(pair.b.name)))


TIES = Export(
    key="ties",
    filename="netwerk",
    title=_("Netwerk: wie werkt met wie"),
    description=_(
        "Per paar organisaties dat samenwerkt: in welke partnerschappen en RAP-projecten."
    ),
    overview="network:network",
    url_name="network:export",
    path="netwerk/export",
    filterset=NetworkFilter,
    queryset=lambda: Organization.objects.published(),
    items=pairs,
    columns=[
        Column("organization", _("Organisatie"), _("De ene organisatie."), "a.name"),
        Column("url", _("Pagina"), _("De pagina van de ene organisatie."), "a.url", True),
        Column("other", _("Werkt met"), _("De andere organisatie."), "b.name"),
        Column("other_url", _("Pagina van de ander"), _("Haar pagina."), "b.url", True),
        Column(
            "partnerships",
            _("Partnerschappen"),
            _("De partnerschappen waarin ze samenwerken (een lijst)."),
            lambda pair: pair.names(ties.PARTNERSHIP),
        ),
        Column(
            "rap_projects",
            _("RAP-projecten"),
            _("De RAP-projecten waarin ze samenwerken (een lijst)."),
            lambda pair: pair.names(ties.RAP_PROJECT),
        ),
        Column("count", _("Aantal"), _("In hoeveel samenwerkingen samen."), lambda p: len(p.via)),
    ],
    depends_on=list(graph.TOPICS),
)
