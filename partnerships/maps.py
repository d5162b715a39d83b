"""What the partnerships app adds to the regiokaart (regions/regiokaart.py): the
municipalities its partnerships work in, the partnerships layer (how many work in each
municipality), an organisation's partnerships for its reach, and a partnership's reach."""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliances.models import Organization
from partnerships.models import Membership, Partnership
from razon.collation import by_name
from regions import regiokaart

Through = Partnership.municipalities.through


def named_municipalities():
    return Through.objects.filter(partnership__in=Partnership.objects.published()).values(
        "municipality_id"
    )


def partnership_counts():
    """{CBS code: how many published partnerships work there} (one query)."""
    rows = (
        Through.objects.filter(partnership__in=Partnership.objects.published())
        .order_by()
        .values("municipality__code")
        .annotate(count=Count("partnership_id", distinct=True))
        .values_list("municipality__code", "count")
    )
    return dict(rows), _("partnerschap"), _("partnerschappen")


def _ties(partnerships):
    """[Tie] of the published partnerships of a queryset, with their municipalities."""
    grouped = defaultdict(list)
    rows = (
        Through.objects.filter(partnership__in=partnerships.published())
        .order_by(*by_name("partnership__name"), "municipality__code")
        .values_list("partnership__name", "partnership__slug", "municipality__code")
    )
    for name, slug, code in rows:
        grouped[(name, slug)].append(code)
    return [
        regiokaart.Tie(
            _("Partnerschap"), name, Partnership(slug=slug).get_absolute_url(), tuple(codes)
        )
        for (name, slug), codes in grouped.items()
    ]


def partnership_ties(organization):
    """The partnerships the organisation is a member of, or one of its schools (one query)."""
    organizations = Organization.objects.filter(pk=organization.pk)
    return _ties(
        Partnership.objects.filter(
            pk__in=Membership.objects.of_organizations(organizations).values("partnership")
        )
    )


def partnership_options():
    return [
        (slug, name, _("Partnerschappen"))
        for slug, name in Partnership.objects.published()
        .order_by(*by_name())
        .values_list("slug", "name")
    ]


def register():
    regiokaart.register_source(named_municipalities)
    regiokaart.register_scheduled(Partnership)
    regiokaart.register_ties(partnership_ties)
    regiokaart.register_layer(
        regiokaart.Layer(
            "partnerschappen",
            gettext_lazy("Partnerschappen"),
            30,
            "counts",
            counts=partnership_counts,
        )
    )
    regiokaart.register_subject(
        regiokaart.Subject(
            "partnerschap",
            gettext_lazy("Partnerschap"),
            find=lambda slug: Partnership.objects.published().filter(slug=slug).first(),
            ties=lambda partnership: _ties(Partnership.objects.filter(pk=partnership.pk)),
            options=partnership_options,
        )
    )
