"""Sections of related items that other apps add to a page without the page knowing them.

A lower app's page (an organisation, an onderwijsregio) asks `sections("organization", obj)`;
higher apps register providers for that kind in their AppConfig.ready. Each provider takes the
object and returns a RelatedSection (or a list of them) with one query; sections without
items are left out, in registration order (INSTALLED_APPS order). So dependencies keep
pointing one way. A section that shows only the first few items links to the rest
(`more_url`)."""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RelatedItem:
    label: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class RelatedSection:
    title: str
    items: list[RelatedItem] = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""


_providers = defaultdict(list)


def register(kind, provider):
    if provider not in _providers[kind]:
        _providers[kind].append(provider)
    return provider


def unregister(kind, provider):
    _providers[kind].remove(provider)


def sections(kind, obj):
    found = []
    for provider in _providers[kind]:
        given = provider(obj)
        found += given if isinstance(given, list) else [given]
    return [section for section in found if section.items]
