"""What an organisation takes part in, gathered from every app for its page.

Each app registers one function (in its AppConfig.ready) that takes an organisation and
returns a Collaboration with one query; the organisation page lists those with items, in
registration order (INSTALLED_APPS order). Apps plug in without this module or the view
knowing about them."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CollaborationItem:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Collaboration:
    title: str
    items: list[CollaborationItem] = field(default_factory=list)


_providers = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def for_organization(organization):
    sections = (provider(organization) for provider in _providers)
    return [section for section in sections if section.items]


def alliances_of(organization):
    """The published alliances an organisation leads or takes part in (one query)."""
    from alliances.models import Alliance

    alliances = (
        Alliance.objects.published()
        .filter(Q(members=organization) | Q(lead_institutes=organization))
        .distinct()
        .order_by("-is_main", "name")
    )
    return Collaboration(
        _("Allianties"),
        [CollaborationItem(a.name, a.get_absolute_url(), a.short_name) for a in alliances],
    )
