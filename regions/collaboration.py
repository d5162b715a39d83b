"""The kinds of collaboration that work in the onderwijsregio's, for the regio-infrastructuur
page (/regio/): RAP projects (this app) and what higher apps register (the Samen Opleiden
partnerships), so this app never imports them.

A kind gives its live totals (one query) and, as an annotation on the published regions, how
many of its items work in each region: the page's table of regions costs one query whatever
the number of kinds and regions."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from razon.collation import by_name


@dataclass(frozen=True)
class Breakdown:
    """A part of a kind's total, such as the partnerships of one sector group."""

    label: str
    count: int
    url: str = ""


@dataclass(frozen=True)
class Totals:
    count: int
    parts: list[Breakdown] = field(default_factory=list)


@dataclass(frozen=True)
class CollaborationKind:
    """`key` names the annotation on the regions (`<key>_count`); `totals()` runs one query;
    `per_region()` is an expression counting the kind's published items in the outer region;
    `region_url(region)` is where the count of a region links to (empty: no link)."""

    key: str
    label: str
    url: str
    totals: Callable[[], Totals]
    per_region: Callable[[], object]
    region_url: Callable[[object], str] = lambda region: ""


_kinds = {}


def register(kind):
    _kinds[kind.key] = kind
    return kind


def kinds():
    """The registered kinds, RAP projects last (registered by this app first: the
    partnerships, part of everyone's picture, come before them on the page)."""
    return sorted(_kinds.values(), key=lambda kind: kind.key == "rap_projects")


def regions_with_counts(regions):
    """The regions annotated with `<key>_count` for every kind, by name."""
    return regions.annotate(
        **{f"{kind.key}_count": kind.per_region() for kind in kinds()}
    ).order_by(*by_name())


def count_per_region(queryset, region_lookup):
    """How many rows of `queryset` have the outer region as `region_lookup`, as a subquery
    (0 for none)."""
    counted = (
        queryset.filter(**{region_lookup: OuterRef("pk")})
        .order_by()
        .values(region_lookup)
        .annotate(count=Count("pk", distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _rap_totals():
    from regions.models import RAPProject

    return Totals(RAPProject.objects.published().count())


def _rap_per_region():
    from regions.models import RAPProject

    return count_per_region(RAPProject.objects.published(), "education_region")


def register_rap_projects():
    register(
        CollaborationKind(
            key="rap_projects",
            label=_("RAP-projecten"),
            url=reverse_lazy("regions:rap_projects"),
            totals=_rap_totals,
            per_region=_rap_per_region,
            region_url=lambda region: region.get_absolute_url(),
        )
    )
