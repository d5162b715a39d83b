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
