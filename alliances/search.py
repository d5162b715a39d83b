"""The alliances app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def organization_search_text(organization):
    return SearchText(
        title=organization.display_name,
        summary=organization.city,
        body=organization.description,
    )


def alliance_search_text(alliance):
    return SearchText(
        title=f"{alliance.name} ({alliance.short_name})",
        summary=alliance.intro,
        body="\n".join(
            plain_text(text)
            for text in [alliance.background, alliance.ambitions, alliance.coming_period]
        ),
    )


def person_search_text(person):
    """A public person, found by name, role and organisation, with where they appear on the
    site (the places other apps register as related "person" sections: contact of an
    alliance, onderwijsregio or partnership, author of posts). The result links to the first
    of those places; a person who is not public, or appears nowhere published, is not found."""
    from django.conf import settings
    from django.utils import translation

    from razon import related

    with translation.override(settings.LANGUAGE_CODE):
        sections = related.sections("person", person) if person.is_public else []
        body = "\n".join(
            f"{section.title}: {', '.join(item.label for item in section.items)}."
            for section in sections
        )
    organization = person.organization
    summary = ", ".join(
        part for part in [person.role, organization.display_name if organization else ""] if part
    )
    return SearchText(
        title=person.name,
        summary=summary,
        body=body,
        url=sections[0].items[0].url if sections else "",
        shown=bool(sections),
    )
