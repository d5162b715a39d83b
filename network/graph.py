"""The network as a graph: organisations tied when they work together in a partnership, a
RAP project or an alliance. Built from network/ties.py (four queries), kept in the cache
until the content changes, and drawn on the server (network/views.py renders it as SVG).

- **Cache**: every object here is kept under the generations of the topics the page shows
  (`TOPICS`, razon/pagecache.py), so a content change builds it again; and never beyond the
  next scheduled publication of an organisation or collaboration (`Network.expires_at`).
  The whole network is read only to build what a page shows: a drawing per combination of
  filters, a panel per organisation, the facets' index. Those are bounded, whatever the
  size of the data, so a page costs the same at any size.
- **Ties**: a pair of organisations in the same partnership or RAP project is tied; the
  picture draws those ties (thicker for more shared collaborations). An alliance ties its
  members too, but everyone in it to everyone (RA-ZON: some fifty organisations): drawn as
  pairs they would cover every other tie, so alliance membership is the node's outline and
  a line in the panel instead.
- **Size**: the picture draws at most `MAX_NODES` organisations (those with the most ties
  under the filters) and their `MAX_EDGES` strongest ties; the page says so and the filters
  narrow it down. The layout is networkx's spring layout with a fixed seed, so the same
  content gives the same picture.
"""

import hashlib
import math
from dataclasses import dataclass, field
from functools import cached_property

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from network import ties
from razon import pagecache
from razon.collation import sort_key
from razon.models import SectorCode
from regions.maps import PALETTE

TOPICS = ("alliances", "partnerships", "regions", "sectors")
MAX_NODES = 80
MAX_EDGES = 240
MAX_LABELS = 14
WIDTH, HEIGHT, MARGIN = 800, 560, 28
SEED = 18  # issue #18: any fixed number gives the same picture every time
# Part of every cache key: a release that changes what is kept changes it.
VERSION = 1
# Part of every cache key: a release that changes what is kept changes it.

# The fill of a node: its sector, or "several" / "none" (each at least 3:1 against white).
SECTOR_COLOURS = {
    SectorCode.PO: PALETTE[0],
    SectorCode.VSO: PALETTE[3],
    SectorCode.VO: PALETTE[1],
    SectorCode.MBO: PALETTE[2],
    SectorCode.HO: PALETTE[4],
}
SEVERAL_COLOUR, NO_SECTOR_COLOUR = PALETTE[5], "#6b7480"
# The radius of a node: its kind.
RADII = {"institute": 11, "board": 7.5, "school": 4.5, "other": 5.5}
BOARD_KINDS = ("bestuur", "mbo")


@dataclass(frozen=True)
class Organization:
    pk: int
    slug: str
    name: str
    short_name: str
    kind: str
    sectors: tuple
    url: str

    @property
    def label(self):
        return self.short_name or self.name

    @property
    def size(self):
        if self.kind in ties.INSTITUTE_KINDS:
            return "institute"
        if self.kind in BOARD_KINDS:
            return "board"
        return "school" if self.kind == "school" else "other"

    @property
    def colour(self):
        if len(self.sectors) == 1:
            return SECTOR_COLOURS.get(self.sectors[0], NO_SECTOR_COLOUR)
        return SEVERAL_COLOUR if self.sectors else NO_SECTOR_COLOUR


@dataclass(frozen=True)
class Collaboration:
    kind: str  # ties.PARTNERSHIP, RAP_PROJECT, ALLIANCE or REGION
    pk: int
    name: str
    slug: str
    is_main: bool = False
    members: tuple = ()
    regions: tuple = ()  # pks of the onderwijsregio's it works in
    url: str = ""

    @property
    def ties_pairs(self):
        """Whether working in it ties each pair of its members (not an alliance or region)."""
        return self.kind in (ties.PARTNERSHIP, ties.RAP_PROJECT)


@dataclass
class Network:
    """The whole network as published now: `expires_at` is the next moment something of it
    is scheduled to appear (a timestamp), or None."""

    organizations: dict  # {pk: Organization}
    collaborations: dict  # {(kind, pk): Collaboration}
    expires_at: float | None = None

    @cached_property
    def working(self):
        """The collaborations that tie pairs, each organisation's: {org pk: [Collaboration]}."""
        found = {}
        for collaboration in self.collaborations.values():
            if collaboration.ties_pairs:
                for member in collaboration.members:
                    found.setdefault(member, []).append(collaboration)
        return found

    def alliances_of(self, pk):
        return [
            item
            for item in self.collaborations.values()
            if item.kind == ties.ALLIANCE and pk in item.members
        ]

    def pairs(self, pks):
        """{(a, b): [Collaboration]} of the pairs among `pks` (a < b) that work together."""
        found = {}
        for collaboration in self.collaborations.values():
            if not collaboration.ties_pairs:
                continue
            members = sorted(member for member in collaboration.members if member in pks)
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    found.setdefault((a, b), []).append(collaboration)
        return found

    def near(self, pk):
        """The organisations that work with `pk` in a partnership or RAP project."""
        return {
            member
            for collaboration in self.working.get(pk, ())
            for member in collaboration.members
            if member != pk
        }

    def regions_of(self, collaboration):
        return [
            self.collaborations[(ties.REGION, region)]
            for region in collaboration.regions
            if (ties.REGION, region) in self.collaborations
        ]

    def in_region(self, region):
        """The organisations working in the onderwijsregio (as ties.in_region selects them)."""
        found = set(region.members)
        for collaboration in self.collaborations.values():
            if collaboration.ties_pairs and region.pk in collaboration.regions:
                found.update(collaboration.members)
        return found


def _url(kind, slug, is_main):
    """The page of a collaboration (reversed once, when the network is built)."""
    if kind == ties.PARTNERSHIP:
        return reverse("partnerships:detail", args=[slug])
    if kind == ties.RAP_PROJECT:
        return reverse("regions:rap_project", args=[slug])
    if kind == ties.REGION:
        return reverse("regions:education_region", args=[slug])
    if is_main:
        return reverse("alliances:alliance")
    return reverse("alliances:detail", args=[slug])


def build():
    """The network as published now, from four queries."""
    now = timezone.now()
    upcoming = []

    def live(publish_at):
        if publish_at and publish_at > now:
            upcoming.append(publish_at)
            return False
        return True

    sectors = {}
    for pk, code in ties.organization_sectors():
        sectors.setdefault(pk, []).append(code)
    order = {code: position for position, code in enumerate(SectorCode.values)}
    # Every organisation's address differs only in its slug: reversed once.
    address = reverse("alliances:organization", args=["-slug-"])
    organizations = {
        pk: Organization(
            pk,
            slug,
            name,
            short_name,
            kind,
            tuple(sorted(sectors.get(pk, ()), key=order.get)),
            address.replace("-slug-", slug),
        )
        for pk, slug, name, short_name, kind, publish_at in ties.organizations()
        if live(publish_at)
    }
    found = {}
    for kind, pk, name, slug, publish_at in ties.collaborations():
        if live(publish_at):
            key = (ties.ALLIANCE if kind == ties.MAIN_ALLIANCE else kind, pk)
            found[key] = (name, slug, kind == ties.MAIN_ALLIANCE, [], [])
    for row, kind, pk, other in ties.ties():
        if (kind, pk) not in found:
            continue
        if row == ties.MEMBER and other in organizations:
            found[(kind, pk)][3].append(other)
        elif row == ties.WORKS_IN and (ties.REGION, other) in found:
            found[(kind, pk)][4].append(other)
    collaborations = {
        (kind, pk): Collaboration(
            kind,
            pk,
            name,
            slug,
            is_main,
            tuple(dict.fromkeys(members)),
            tuple(regions),
            _url(kind, slug, is_main),
        )
        for (kind, pk), (name, slug, is_main, members, regions) in found.items()
    }
    return Network(
        organizations,
        collaborations,
        min(upcoming).timestamp() if upcoming else None,
    )


class Store:
    """What the network page reads, each kept in the cache under the generations of
    `TOPICS` (one query to read them) until the content changes or the next scheduled
    publication; the whole network is read (or built) only when one of them is missing."""

    def __init__(self):
        generations = pagecache.current_generations(TOPICS) or {}
        state = repr(sorted(generations.items()))
        self.stamp = hashlib.sha256(state.encode()).hexdigest()[:24]
        self._network = None

    @property
    def network(self):
        if self._network is None:
            key = f"network:{VERSION}:{self.stamp}:graph"
            self._network = pagecache.cache.get(key)
            if self._network is None:
                self._network = build()
                self._set(key, self._network)
        return self._network

    def _set(self, key, value):
        timeout = pagecache.MAX_TIMEOUT
        if self.network.expires_at is not None:
            timeout = min(timeout, pagecache.seconds_until(self.network.expires_at))
        if timeout > 0:
            pagecache.cache.set(key, value, timeout)

    def get(self, name, compute):
        """The cached object `name`, or `compute(network)` kept under it."""
        key = f"network:{VERSION}:{self.stamp}:{get_language()}:{name}"
        value = pagecache.cache.get(key)
        if value is None:
            value = compute(self.network)
            self._set(key, value)
        return value

    def index(self):
        return self.get("index", Index.build)

    def drawing(self, key, pks):
        """The drawing of the organisations `pks()` (called only when not cached); without
        a key it is not kept."""
        if key is None:
            return Drawing.build(self.network, pks())
        return self.get(f"drawing:{key}", lambda network: Drawing.build(network, pks()))

    def panel(self, pk):
        return self.get(f"panel:{pk}", lambda network: Panel.build(network, pk))


@dataclass(frozen=True)
class Index:
    """The organisations by slug, and what the facets count: per onderwijsregio and per
    teacher-training institute, the organisations in it or near it."""

    slugs: dict  # {slug: pk}
    regions: list  # [(slug, name, frozenset of pks)] by name
    institutes: list  # [(slug, name, frozenset of pks)] by name

    @classmethod
    def build(cls, network):
        regions = sorted(
            (
                (item.slug, item.name, frozenset(network.in_region(item)))
                for item in network.collaborations.values()
                if item.kind == ties.REGION
            ),
            key=lambda row: sort_key(row[1]),
        )
        institutes = sorted(
            (
                (org.slug, org.name, frozenset({org.pk, *network.near(org.pk)}))
                for org in network.organizations.values()
                if org.kind in ties.INSTITUTE_KINDS
            ),
            key=lambda row: sort_key(row[1]),
        )
        slugs = {org.slug: org.pk for org in network.organizations.values()}
        return cls(slugs, regions, institutes)


@dataclass(frozen=True)
class Node:
    organization: Organization
    x: float
    y: float
    radius: float
    ties: int
    in_alliance: bool
    labelled: bool


@dataclass(frozen=True)
class Tie:
    a: Organization
    b: Organization
    via: tuple  # Collaborations

    @property
    def weight(self):
        return len(self.via)


@dataclass
class Drawing:
    """The organisations under the filters that work with someone, as drawn: positions in a
    WIDTH by HEIGHT box, and the ties (at most MAX_NODES and MAX_EDGES)."""

    nodes: list
    ties: list  # Ties; once the table is rendered, (pk, pk, weight)
    total: int  # organisations under the filters that work with someone
    total_ties: int
    alliance_members: int
    alliances: list = field(default_factory=list)
    table: str = ""  # the table of the ties drawn, rendered once (templates/network/_table.html)

    @property
    def is_partial(self):
        return len(self.nodes) < self.total or len(self.ties) < self.total_ties

    @classmethod
    def build(cls, network, pks):
        pks = set(pks) & set(network.organizations)
        pairs = network.pairs(pks)
        degree = {}
        for a, b in pairs:
            degree[a] = degree.get(a, 0) + 1
            degree[b] = degree.get(b, 0) + 1
        alliances = [item for item in network.collaborations.values() if item.kind == ties.ALLIANCE]
        in_alliance = {member for item in alliances for member in item.members}
        # Those who work with someone under the filters; then those only in an alliance.
        candidates = [pk for pk in pks if pk in degree or pk in in_alliance]
        organizations = network.organizations

        def rank(pk):
            org = organizations[pk]
            return (-degree.get(pk, 0), org.size != "institute", sort_key(org.name), pk)

        drawn = sorted(candidates, key=rank)[:MAX_NODES]
        shown = set(drawn)
        drawn_pairs = sorted(
            ((a, b, via) for (a, b), via in pairs.items() if a in shown and b in shown),
            key=lambda row: (-len(row[2]), organizations[row[0]].name, organizations[row[1]].name),
        )[:MAX_EDGES]
        positions = layout(drawn, [(a, b, len(via)) for a, b, via in drawn_pairs])
        labelled = set(
            sorted(
                (pk for pk in drawn if pk in degree),
                key=lambda pk: (organizations[pk].size != "institute", -degree[pk], pk),
            )[:MAX_LABELS]
        )
        nodes = [
            Node(
                organizations[pk],
                *positions[pk],
                RADII[organizations[pk].size],
                degree.get(pk, 0),
                pk in in_alliance,
                pk in labelled,
            )
            for pk in sorted(drawn, key=lambda pk: sort_key(organizations[pk].name))
        ]
        drawn_ties = [
            Tie(organizations[a], organizations[b], tuple(via)) for a, b, via in drawn_pairs
        ]
        drawn_ties.sort(key=lambda tie: (sort_key(tie.a.name), sort_key(tie.b.name)))
        drawing = cls(
            nodes,
            drawn_ties,
            total=len(candidates),
            total_ties=len(pairs),
            alliance_members=len(in_alliance & shown),
            alliances=[item for item in alliances if set(item.members) & shown],
        )
        drawing.table = render_to_string("network/_table.html", {"drawing": drawing})
        # What the picture needs of the ties once the table is rendered: kept small.
        drawing.ties = [(tie.a.pk, tie.b.pk, tie.weight) for tie in drawing.ties]
        return drawing


def layout(pks, edges):
    """{pk: (x, y)} in the WIDTH by HEIGHT box: the organisations with ties by networkx's
    spring layout (seeded: the same input gives the same picture), those without (only in
    an alliance) in rows along the bottom."""
    import networkx

    tied = sorted({a for a, _b, _w in edges} | {b for _a, b, _w in edges})
    alone = [pk for pk in pks if pk not in set(tied)]
    rows = math.ceil(len(alone) / 20) if alone else 0
    bottom = HEIGHT - MARGIN - rows * 22
    positions = {}
    if tied:
        graph = networkx.Graph()
        graph.add_nodes_from(tied)
        graph.add_weighted_edges_from(edges)
        spread = networkx.spring_layout(
            graph, seed=SEED, iterations=60, k=1.6 / math.sqrt(len(tied))
        )
        # Scaled to the box between the 3rd and 97th percentiles, so a few far-flung pairs
        # do not shrink the rest into a corner (they keep to the edge).
        (x0, x1), (y0, y1) = (
            _spread([point[axis] for point in spread.values()]) for axis in (0, 1)
        )
        for pk, (x, y) in spread.items():
            positions[pk] = (
                round(MARGIN + _clamp((x - x0) / (x1 - x0)) * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + _clamp((y - y0) / (y1 - y0)) * (bottom - MARGIN), 1),
            )
    step = (WIDTH - 2 * MARGIN) / 20
    for index, pk in enumerate(alone):
        row, column = divmod(index, 20)
        positions[pk] = (
            round(MARGIN + step * (column + 0.5), 1),
            round(bottom + 22 * (row + 0.5) + (0 if tied else -bottom / 2), 1),
        )
    return positions


def _spread(values):
    values = sorted(values)
    low = values[int(len(values) * 0.03)]
    high = values[min(len(values) - 1, int(len(values) * 0.97))]
    return (low, high) if high > low else (low - 1, low + 1)


def _clamp(value):
    return min(1.0, max(0.0, value))


@dataclass
class Panel:
    """What one organisation works on, and with whom."""

    organization: Organization
    working: list  # [(Collaboration, [Organization])] partnerships first, then RAP projects
    alliances: list
    regions: list  # Collaborations of kind REGION, by name
    partners: list  # Organizations, by name
    near: frozenset

    @property
    def partnership_count(self):
        return sum(1 for item, _others in self.working if item.kind == ties.PARTNERSHIP)

    @property
    def project_count(self):
        return sum(1 for item, _others in self.working if item.kind == ties.RAP_PROJECT)

    @property
    def board_count(self):
        return sum(1 for org in self.partners if org.kind in BOARD_KINDS)

    @property
    def institute_count(self):
        return sum(1 for org in self.partners if org.kind in ties.INSTITUTE_KINDS)

    @classmethod
    def build(cls, network, pk):
        organizations = network.organizations
        working = sorted(
            network.working.get(pk, ()),
            key=lambda item: (item.kind != ties.PARTNERSHIP, sort_key(item.name)),
        )
        near = network.near(pk)
        regions = {}
        for item in working:
            for region in network.regions_of(item):
                regions[region.pk] = region
        for item in network.collaborations.values():
            if item.kind == ties.REGION and pk in item.members:
                regions[item.pk] = item

        def by_name(orgs):
            return sorted(orgs, key=lambda org: sort_key(org.name))

        return cls(
            organizations[pk],
            [
                (item, by_name(organizations[m] for m in item.members if m != pk))
                for item in working
            ],
            sorted(network.alliances_of(pk), key=lambda item: (not item.is_main, item.name)),
            sorted(regions.values(), key=lambda item: sort_key(item.name)),
            by_name(organizations[m] for m in near),
            frozenset(near),
        )
