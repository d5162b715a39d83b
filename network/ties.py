"""Every query the network reads: who works with whom, and through what. The one place that
knows how the ties are stored (partnership memberships, RAP projects' lead and partners,
alliance members and lead institutes, onderwijsregio members) and in which onderwijsregio a
partnership or RAP project works (`_collaboration_regions`), so a change of those relations
is adapted here only.

`load()` reads the whole network in four queries (organisations, their sectors, the
collaborations, the ties), on published status only: the publication moment (`publish_at`)
is applied in Python by the caller, which also learns from it when the next scheduled item
appears (network/graph.py). The filters (`in_region`, `near`) are subqueries."""

from django.db.models import Case, CharField, F, Q, Value, When

from alliances.models import Alliance, Organization, OrganizationKind
from partnerships.models import Membership, Partnership
from razon.models import PublishStatus
from regions.models import EducationRegion, RAPProject, RegionMembership

PUBLISHED = {"status": PublishStatus.PUBLISHED}

# Kinds of collaboration (the first column of `collaborations()` and `ties()`).
PARTNERSHIP, RAP_PROJECT, ALLIANCE, MAIN_ALLIANCE, REGION = "p", "r", "a", "m", "g"
# Kinds of tie rows: a member of a collaboration, or where a collaboration works.
MEMBER, WORKS_IN = "member", "in"

INSTITUTE_KINDS = (
    OrganizationKind.TEACHER_TRAINING_HBO,
    OrganizationKind.TEACHER_TRAINING_WO,
    OrganizationKind.TEACHER_TRAINING_ARTS,
)


def _tagged(queryset, tag, *fields):
    """The queryset's rows as (tag, *fields), for a union."""
    return (
        queryset.order_by()
        .annotate(tag=Value(tag, output_field=CharField()))
        .values_list("tag", *fields)
    )


def organizations():
    """(pk, slug, name, short_name, kind, publish_at) of every organisation with published
    status."""
    return Organization.objects.filter(**PUBLISHED).values_list(
        "pk", "slug", "name", "short_name", "kind", "publish_at"
    )


def organization_sectors():
    """(organisation pk, sector code) of every organisation with published status."""
    return Organization.sectors.through.objects.filter(
        organization__status=PUBLISHED["status"]
    ).values_list("organization_id", "sector_id")


def collaborations():
    """(kind, pk, name, slug, publish_at) of every partnership, RAP project, alliance and
    onderwijsregio with published status, in one query."""
    alliance_kind = Case(
        When(is_main=True, then=Value(MAIN_ALLIANCE)),
        default=Value(ALLIANCE),
        output_field=CharField(),
    )
    fields = ("pk", "name", "slug", "publish_at")
    return (
        _tagged(Partnership.objects.filter(**PUBLISHED), PARTNERSHIP, *fields)
        .union(
            _tagged(RAPProject.objects.filter(**PUBLISHED), RAP_PROJECT, *fields),
            Alliance.objects.filter(**PUBLISHED)
            .order_by()
            .annotate(tag=alliance_kind)
            .values_list("tag", "pk", "short_name", "slug", "publish_at"),
            _tagged(EducationRegion.objects.filter(**PUBLISHED), REGION, *fields),
            all=True,
        )
        .order_by("name")
    )  # a column: the models' Dutch order is an expression a UNION refuses


def _collaboration_regions():
    """(kind, collaboration pk, region pk) of the onderwijsregio's each partnership and RAP
    project works in: the one place that reads how that is stored."""
    return [
        # Every region a partnership works in (the main one among them).
        (PARTNERSHIP, Partnership.objects.all(), "education_regions"),
        (RAP_PROJECT, RAPProject.objects.all(), "education_region"),
    ]


def ties():
    """(row kind, collaboration kind, collaboration pk, other pk) in one query: every member
    of a collaboration with published status (MEMBER, the other pk an organisation) and
    every onderwijsregio a partnership or RAP project works in (WORKS_IN, a region)."""

    def rows(queryset, row, kind, collaboration, other):
        return (
            queryset.order_by()
            .annotate(
                row=Value(row, output_field=CharField()),
                kind=Value(kind, output_field=CharField()),
                collaboration=collaboration,
                other=other,
            )
            .values_list("row", "kind", "collaboration", "other")
        )

    parts = [
        rows(
            Membership.objects.filter(partnership__status=PUBLISHED["status"]),
            MEMBER,
            PARTNERSHIP,
            F("partnership_id"),
            F("organization_id"),
        ),
        rows(
            RAPProject.objects.filter(**PUBLISHED),
            MEMBER,
            RAP_PROJECT,
            F("pk"),
            F("lead_organization_id"),
        ),
        rows(
            RAPProject.partners.through.objects.filter(rapproject__status=PUBLISHED["status"]),
            MEMBER,
            RAP_PROJECT,
            F("rapproject_id"),
            F("organization_id"),
        ),
        rows(
            Alliance.members.through.objects.filter(alliance__status=PUBLISHED["status"]),
            MEMBER,
            ALLIANCE,
            F("alliance_id"),
            F("organization_id"),
        ),
        rows(
            Alliance.lead_institutes.through.objects.filter(alliance__status=PUBLISHED["status"]),
            MEMBER,
            ALLIANCE,
            F("alliance_id"),
            F("organization_id"),
        ),
        rows(
            RegionMembership.objects.filter(region__status=PUBLISHED["status"]),
            MEMBER,
            REGION,
            F("region_id"),
            F("organization_id"),
        ),
    ]
    for kind, queryset, region in _collaboration_regions():
        parts.append(
            rows(
                queryset.filter(**PUBLISHED, **{f"{region}__isnull": False}),
                WORKS_IN,
                kind,
                F("pk"),
                F(region),  # the region's pk, through the join for a many-to-many
            )
        )
    first, *others = parts
    return first.union(*others, all=True).order_by()


def in_region(slug):
    """The pks of the organisations that work in the published onderwijsregio `slug`: its
    members, and the members of published partnerships and RAP projects that work there."""
    regions = EducationRegion.objects.published().filter(slug=slug)
    worked_in = {
        kind: queryset.published().filter(**{f"{region}__in": regions})
        for kind, queryset, region in _collaboration_regions()
    }
    return (
        Q(pk__in=RegionMembership.objects.filter(region__in=regions).values("organization"))
        | Q(
            pk__in=Membership.objects.filter(
                partnership__in=worked_in[PARTNERSHIP].values("pk")
            ).values("organization")
        )
        | Q(pk__in=worked_in[RAP_PROJECT].values("lead_organization"))
        | Q(
            pk__in=RAPProject.partners.through.objects.filter(
                rapproject__in=worked_in[RAP_PROJECT].values("pk")
            ).values("organization")
        )
    )


def near(slug):
    """The published organisation `slug` and every organisation that works with it in a
    published partnership or RAP project (an alliance ties too many to narrow anything)."""
    centre = Organization.objects.published().filter(slug=slug)
    partnerships = Membership.objects.filter(
        organization__in=centre, partnership__in=Partnership.objects.published()
    ).values("partnership")
    projects = RAPProject.objects.published().filter(
        Q(lead_organization__in=centre) | Q(partners__in=centre)
    )
    return (
        Q(pk__in=centre.values("pk"))
        | Q(pk__in=Membership.objects.filter(partnership__in=partnerships).values("organization"))
        | Q(pk__in=projects.values("lead_organization"))
        | Q(
            pk__in=RAPProject.partners.through.objects.filter(
                rapproject__in=projects.values("pk")
            ).values("organization")
        )
    )


def institutes():
    return Organization.objects.published().filter(kind__in=INSTITUTE_KINDS)
