"""A large, deterministic data set for the benchmark (`manage.py load_bench_data`) and for
the tests that prove every public page runs a fixed number of queries whatever the data size
(they call `load` directly: the product does not install this app).

At scale 1: 1,000 partnerships with 5,000 memberships, 300 onderwijsregio's, 500 RAP
projects, 500 events with 20,000 registrations, 2,000 posts, 100 published scale-level
conversations of 30 cards and one open workshop board with 150 cards; every count is multiplied by
the scale (the municipalities are always all of them). Rows are written with bulk_create
(no signals), so the search index is rebuilt at the end. Generated items have slugs starting
with `bench-`, so they are easy to tell apart from the demo content they are added to.
"""

from datetime import date, timedelta
from itertools import cycle

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from alliances.models import Organization, OrganizationKind
from conversations.models import (
    CODE_ALPHABET,
    Agreement,
    Board,
    BoardLevel,
    BoardState,
    Card,
    Function,
    ScaleLevel,
    token_hash,
)
from events.models import Event, EventKind, Registration
from news.models import Post, PostKind
from partnerships.models import Membership, Partnership, Role, SectorGroup
from razon import pagecache
from razon.models import PublishStatus, Sector
from regions.models import EducationRegion, Municipality, RAPProject, RegionMembership
from routes.finder import QUESTIONS
from routes.models import Qualification, Route, RouteKind

PREFIX = "bench-"
SIZES = {
    "organizations": 600,
    "partnerships": 1000,
    "memberships_per_partnership": 5,
    "regions": 300,
    "rap_projects": 500,
    "events": 500,
    "registrations_per_event": 40,
    "posts": 2000,
    "routes": 300,
    "conversations": 100,  # published boards, each on an onderwijsregio's page
    "cards_per_conversation": 30,
    "workshop_cards": 150,  # the open board the benchmark measures: a workshop of 60
}
TEXT = (
    "Samen Opleiden & Professionaliseren in de regio: schoolbesturen, lerarenopleidingen en "
    "opleidingsscholen werken aan goed onderwijs en genoeg leraren. "
)


def counts(scale):
    """How many items of each kind a data set of `scale` holds (at least one of each)."""
    per = {
        "memberships_per_partnership",
        "registrations_per_event",
        "cards_per_conversation",
        "workshop_cards",
    }
    return {
        key: value if key in per else max(1, round(value * scale)) for key, value in SIZES.items()
    }


def loaded_scale_matches(scale):
    """Whether the database already holds the generated data of this scale."""
    return (
        Partnership.objects.filter(slug__startswith=PREFIX).count() == counts(scale)["partnerships"]
        and Post.objects.filter(slug__startswith=PREFIX).count() == counts(scale)["posts"]
    )


def remove():
    """Delete every generated item (the demo content stays)."""
    Registration.objects.filter(event__slug__startswith=PREFIX).delete()
    Card.objects.filter(board__slug__startswith=PREFIX).delete()  # a card's level is protected
    Board.objects.filter(slug__startswith=PREFIX).delete()
    for model in (Route, Post, Event, Partnership, RAPProject, EducationRegion, Organization):
        model.objects.filter(slug__startswith=PREFIX).delete()


@transaction.atomic
def load(scale=1.0, *, rebuild_index=True):
    """Replace the generated items by a data set of `scale`; returns the counts."""
    n = counts(scale)
    remove()
    if not Municipality.objects.exists():
        call_command("import_municipalities", verbosity=0)
    sectors = list(Sector.objects.ensure_all().values())
    municipalities = list(Municipality.objects.order_by("code"))
    published = {"status": PublishStatus.PUBLISHED}
    now = timezone.now()

    # Every fifth organisation a board with the next two as its schools (a board with two
    # schools per ten organisations); the rest of no particular kind.
    organizations = Organization.objects.bulk_create(
        Organization(
            name=f"{'School' if i % 5 in (1, 2) else 'Schoolbestuur'} {i:04}",
            slug=f"{PREFIX}organisatie-{i}",
            city=municipalities[i % len(municipalities)].name,
            kind=_organization_kind(i),
            **published,
        )
        for i in range(n["organizations"])
    )
    schools = []
    for i, organization in enumerate(organizations):
        if i % 5 in (1, 2):
            organization.parent = organizations[i - i % 5]
            schools.append(organization)
    Organization.objects.bulk_update(schools, ["parent"], batch_size=1000)
    _m2m(Organization.sectors, organizations, sectors, 2)

    regions = EducationRegion.objects.bulk_create(
        EducationRegion(
            name=f"Onderwijsregio {i:04}",
            slug=f"{PREFIX}onderwijsregio-{i}",
            phase=("verkenning", "voorloper", "gevormd")[i % 3],
            description=TEXT,
            **published,
        )
        for i in range(n["regions"])
    )
    _m2m(EducationRegion.sectors, regions, sectors, 2)
    _m2m(EducationRegion.municipalities, regions, municipalities, 3)
    RegionMembership.objects.bulk_create(
        RegionMembership(
            region=region, organization=organizations[(i * 3 + k) % len(organizations)]
        )
        for i, region in enumerate(regions)
        for k in range(3)
    )

    projects = RAPProject.objects.bulk_create(
        RAPProject(
            name=f"RAP-project {i:04}",
            slug=f"{PREFIX}rap-project-{i}",
            programme=("ral", "rap")[i % 2],
            progress=("gepland", "lopend", "afgerond")[i % 3],
            lead_organization=organizations[i % len(organizations)],
            education_region=regions[i % len(regions)],
            start_year=2020 + i % 6,
            description=TEXT,
            **published,
        )
        for i in range(n["rap_projects"])
    )
    _m2m(RAPProject.sectors, projects, sectors, 2)
    _m2m(RAPProject.partners, projects, organizations, 3)
    _m2m(RAPProject.municipalities, projects, municipalities, 2)

    partnerships = Partnership.objects.bulk_create(
        Partnership(
            name=f"Partnerschap {i:04}",
            slug=f"{PREFIX}partnerschap-{i}",
            sector_group=(SectorGroup.PO_VSO, SectorGroup.VO_MBO)[i % 2],
            education_region=regions[i % len(regions)],
            accreditation=("erkend", "aspirant", "geen")[i % 3],
            description=TEXT,
            **published,
        )
        for i in range(n["partnerships"])
    )
    _m2m(Partnership.sectors, partnerships, sectors, 2)
    # Each works in its main region and in 0 to 3 others (a quarter each).
    Partnership.education_regions.through.objects.bulk_create(
        (
            Partnership.education_regions.through(partnership_id=p.pk, educationregion_id=r)
            for i, p in enumerate(partnerships)
            for r in {regions[(i + 7 * k) % len(regions)].pk for k in range(i % 4 + 1)}
        ),
        batch_size=5000,
    )
    _m2m(Partnership.municipalities, partnerships, municipalities, 3)
    roles = cycle(Role.values)
    Membership.objects.bulk_create(
        Membership(
            partnership=partnership,
            organization=organizations[(i * 7 + k) % len(organizations)],
            role=next(roles),
        )
        for i, partnership in enumerate(partnerships)
        for k in range(n["memberships_per_partnership"])
    )

    # Half of the events lie ahead, half in the past (the archive).
    events = Event.objects.bulk_create(
        Event(
            kind=EventKind.values[i % len(EventKind.values)],
            title=f"Bijeenkomst {i:04}",
            slug=f"{PREFIX}bijeenkomst-{i}",
            summary="Een bijeenkomst van het netwerk.",
            body=TEXT,
            starts_at=(starts := now + timedelta(days=i - n["events"] // 2, hours=1)),
            ends_at=starts + timedelta(hours=2),
            location="Nijmegen",
            registration_enabled=True,
            capacity=n["registrations_per_event"] * 2,
            **published,
        )
        for i in range(n["events"])
    )
    _m2m(Event.sectors, events, sectors, 2)
    _m2m(Event.organisers, events, organizations, 2)
    _m2m(Event.partnerships, events, partnerships, 1)  # tied to organisations through them
    Registration.objects.bulk_create(
        (
            Registration(
                event=event,
                name=f"Deelnemer {k}",
                email=f"deelnemer{k}.{event.pk}@school.example",
            )
            for event in events
            for k in range(n["registrations_per_event"])
        ),
        batch_size=2000,
    )

    posts = Post.objects.bulk_create(
        Post(
            kind=PostKind.values[i % len(PostKind.values)],
            title=f"Bericht {i:04}",
            slug=f"{PREFIX}bericht-{i}",
            date=date.today() - timedelta(days=i),
            intro="Inleiding van een bericht.",
            body=TEXT * 5,
            author_name="Redactie",
            **published,
        )
        for i in range(n["posts"])
    )
    _m2m(Post.sectors, posts, sectors, 2)
    _m2m(Post.events, posts, events, 1)
    _m2m(Post.partnerships, posts, partnerships, 2)
    _m2m(Post.regions, posts, regions, 1)
    _m2m(Post.organizations, posts, organizations, 2)
    _m2m(Post.rap_projects, posts, projects, 1)
    _m2m(Partnership.rap_projects, partnerships, projects, 1)
    _routes(n["routes"], organizations, partnerships, events, posts, published)
    _conversations(n, regions)
    if rebuild_index:
        call_command("rebuild_search_index", verbosity=0)
    pagecache.new_generation()  # bulk_create sends no signals
    return n


def _routes(count, organizations, partnerships, events, posts, published):
    """Routes with every combination of the finder's fields spread over them (each field's
    choices cycled at a different pace), one to three institutes each."""
    choices = {q.name: [value for value, _label in q.choices] for q in QUESTIONS}

    def some(values, i, size):
        return [values[(i + k * 3) % len(values)] for k in range(size)]

    routes = Route.objects.bulk_create(
        Route(
            name=f"Opleidingsroute {i:04}",
            slug=f"{PREFIX}route-{i}",
            kind=RouteKind.values[i % len(RouteKind.values)],
            qualification=Qualification.values[i % len(Qualification.values)],
            levels=sorted(set(some(choices["waar"], i, 1 + i % 3))),
            subjects=sorted(set(some(choices["vak"], i, i % 4))),
            forms=sorted(set(some(["voltijd", "deeltijd", "werkend-leren"], i, 1 + i % 2))),
            admits=sorted(set(some(choices["heb"], i, 1 + i % 4))),
            requires_school_job=i % 5 == 0,
            places=sorted(set(some(choices["plaats"], i, 1 + i % 2))),
            duration="2 jaar",
            study_load="120 EC",
            start_moments="september",
            summary="Een route naar het leraarschap.",
            source="Benchmarkgegevens",
            **published,
        )
        for i in range(count)
    )
    institutes = [o for o in organizations if o.kind == OrganizationKind.OTHER] or organizations
    _m2m(Route.institutes, routes, institutes, 2)
    _m2m(Route.partnerships, routes, partnerships, 2)
    _m2m(Route.events, routes, events, 2)
    _m2m(Route.posts, routes, posts, 2)


# The open workshop board of the benchmark (its code, 6 letters of the join alphabet).
WORKSHOP_CODE = "BENCH2"
CARD_TEXTS = [
    "Gezamenlijke wervingscampagne",
    "Open dagen voor scholieren",
    "Eén loket voor stageplaatsen",
    "Inductieprogramma voor starters",
    "Leergemeenschap over de sectoren heen",
    "Opleidingsplan per bestuur",
]


def _code(i):
    """A join code of the board numbered `i` (0: the workshop's), in the join alphabet."""
    if not i:
        return WORKSHOP_CODE
    letters = []
    for _step in range(5):
        i, rest = divmod(i, len(CODE_ALPHABET))
        letters.append(CODE_ALPHABET[rest])
    return "Q" + "".join(letters)


def _conversations(n, regions):
    """Published boards (closed, one per region in turn) and one open workshop board, each
    with the default levels and cards spread over the cells, some with +1s."""
    levels = list(ScaleLevel.objects.values_list("name", flat=True)) or ["School", "Regio"]
    now = timezone.now()
    boards = Board.objects.bulk_create(
        Board(
            name=f"Werksessie {i:04}" if i else "Workshop (open)",
            slug=f"{PREFIX}gesprek-{i}",
            code=_code(i),
            facilitator_email="begeleider@school.example",
            manage_token_hash=token_hash(f"bench-{i}"),
            state=BoardState.CLOSED if i else BoardState.OPEN,
            is_published=bool(i),
            published_at=now if i else None,
            closed_at=now if i else None,
            region=regions[i % len(regions)] if i else None,
        )
        for i in range(n["conversations"] + 1)
    )
    board_levels = BoardLevel.objects.bulk_create(
        BoardLevel(board=board, name=name, position=k)
        for board in boards
        for k, name in enumerate(levels)
    )
    per_board = len(levels)
    functions = Function.values
    cards = Card.objects.bulk_create(
        (
            Card(
                board=board,
                function=functions[k % len(functions)],
                level=board_levels[b * per_board + (k // len(functions)) % per_board],
                text=f"{CARD_TEXTS[(b + k) % len(CARD_TEXTS)]} {k}",
                author_name="Deelnemer" if k % 3 else "",
            )
            for b, board in enumerate(boards)
            for k in range(n["cards_per_conversation"] if b else n["workshop_cards"])
        ),
        batch_size=5000,
    )
    Agreement.objects.bulk_create(
        (
            Agreement(card=card, participant=f"bench-{j}")
            for i, card in enumerate(cards)
            for j in range(i % 4)
        ),
        batch_size=5000,
    )


def _organization_kind(i):
    if i % 5 == 0:
        return OrganizationKind.SCHOOL_BOARD
    return OrganizationKind.SCHOOL if i % 5 in (1, 2) else OrganizationKind.OTHER


def _m2m(descriptor, owners, targets, per_owner):
    """Link each owner to `per_owner` of the targets (spread evenly), in one bulk insert."""
    through = descriptor.through
    field = descriptor.field
    source = f"{field.m2m_field_name()}_id"
    target = f"{field.m2m_reverse_field_name()}_id"
    rows = {
        (owner.pk, targets[(i * 5 + k) % len(targets)].pk)
        for i, owner in enumerate(owners)
        for k in range(per_owner)
    }
    through.objects.bulk_create(
        (through(**{source: a, target: b}) for a, b in rows), batch_size=5000
    )
