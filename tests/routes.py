"""Every public URL pattern of the site, read from the URL resolver, with a real value from
the demo content for each converter: for tests that must cover every page, including the
ones added later (a new pattern without a demo value fails them until it gets one)."""

import re
from dataclasses import dataclass

import django_filters
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from razon.pagination import PAGE_PARAM
from razon.preview import PARAMETER as PREVIEW_PARAM

# Behind a login: the admin, its Markdown preview and the two-factor page.
PRIVATE_PREFIXES = ("admin/",)
PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(\w+)>[^()]*\)")
# Query parameters the views read themselves (the filter sets' parameters are found below).
VIEW_PARAMETERS = [
    *("heb", "waar", "vak", "baan", "plaats", "route"),  # the routes finder and compare
    *(PAGE_PARAM, PREVIEW_PARAM, "laag", "regio", "van", "next", "zoekterm"),
    *("gemeente", "organisatie", "partnerschap", "zoek"),  # the regiokaart
]


@dataclass(frozen=True)
class Route:
    name: str  # "events:detail"; the route itself when the pattern has no name
    route: str  # "agenda/<slug>/", placeholders without their converter

    @property
    def placeholders(self):
        return PLACEHOLDER.findall(self.route)

    def path(self, **values):
        """The route with each placeholder replaced by its value (inserted as it is: the
        caller encodes, or does not, on purpose)."""
        return "/" + PLACEHOLDER.sub(lambda match: values[match.group(1)], self.route)


def public_routes():
    """Every URL pattern outside the admin, in the resolver's order."""
    return list(_walk(get_resolver().url_patterns, "", ""))


def _walk(patterns, prefix, namespace):
    for entry in patterns:
        route = prefix + _route_text(entry.pattern)
        if route.startswith(PRIVATE_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from _walk(entry.url_patterns, route, inner)
        else:
            name = ":".join(part for part in (namespace, entry.name) if part) if entry.name else ""
            yield Route(name or route, PLACEHOLDER.sub(r"<\1>", route))


def _route_text(pattern):
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        text = REGEX_GROUP.sub(r"<\1>", pattern.regex.pattern).removeprefix("^").removesuffix("$")
        if re.search(r"[\\()\[\]*+?|{}]", text):
            raise ValueError(f"tests/routes.py cannot turn {pattern} into a route: extend it")
        return text
    raise TypeError(f"unknown URL pattern type {type(pattern)}")


def query_parameters():
    """Every query parameter a public page reads: those of the filter sets, and the ones the
    views read themselves."""
    names = set(VIEW_PARAMETERS)
    pending = [django_filters.FilterSet]
    while pending:
        filterset = pending.pop()
        pending += filterset.__subclasses__()
        names.update(filterset.base_filters)
    return sorted(names)


def demo_values():
    """{route name: {placeholder: value}} for every public route with placeholders, from the
    demo content (the `demo` fixture) plus a registration for the cancel link."""
    from alliances.models import Alliance, Organization
    from conversations import services as conversations
    from conversations.models import Board
    from events.models import Event
    from events.services import cancel_token, confirm_token
    from news.models import Post
    from partnerships.models import Partnership
    from razon.models import Document
    from regions.models import EducationRegion, RAPProject
    from routes.models import Route
    from tests import factories

    event = Event.objects.published().upcoming().first()
    registration = factories.registration(event)
    image = Post.objects.published().exclude(cover="").first().cover.name
    kind = Post.objects.published().values_list("kind", flat=True).first()
    # The example board (closed, so its page does not poll); a new one for the management
    # link, whose secret only its start knows.
    example = Board.objects.examples().first()
    card = {"code": example.code, "card_id": str(example.cards.first().pk)}
    managed, secret = conversations.start_board(name="Demo", facilitator_email="a@example.org")
    return {
        **{
            f"conversations:{name}": {"code": example.code}
            for name in (
                *("board", "started", "poll", "card_add", "manage", "manage_close"),
                *("manage_reopen", "manage_levels"),
                *("manage_csv", "manage_docx", "manage_print", "manage_publish"),
                "manage_unpublish",
            )
        },
        **{
            f"conversations:{name}": card
            for name in ("card", "card_move", "card_agree", "manage_hide", "manage_merge")
        },
        "conversations:manage_login": {"code": managed.code, "token": secret},
        "conversations:published": {"slug": example.slug},
        "alliances:detail": {"slug": Alliance.objects.published().order_by("is_main").first().slug},
        "alliances:organization": {"slug": Organization.objects.published().first().slug},
        "regions:education_region": {"slug": EducationRegion.objects.published().first().slug},
        "regions:rap_project": {"slug": RAPProject.objects.published().first().slug},
        "partnerships:detail": {"slug": Partnership.objects.published().first().slug},
        "events:cancel": {"token": cancel_token(registration)},
        "events:confirm": {"token": confirm_token(registration)},
        "events:detail": {"slug": event.slug},
        "events:event_calendar": {"slug": event.slug},
        "events:register": {"slug": event.slug},
        "events:registered": {"slug": event.slug},
        "news:feed_kind": {"kind": kind},
        "news:feed_atom_kind": {"kind": kind},
        "news:detail": {"slug": Post.objects.published().first().slug},
        "routes:detail": {"slug": Route.objects.published().first().slug},
        "document": {"slug": Document.objects.downloadable().first().slug},
        "media": {"path": image},
    }


def demo_paths():
    """{route name: path} of every public route, filled with demo values."""
    values = demo_values()
    paths = {}
    for route in public_routes():
        if route.placeholders and route.name not in values:
            raise AssertionError(f"tests/routes.py has no demo value for {route.name}: add one")
        paths[route.name] = route.path(**values.get(route.name, {}))
    return paths
