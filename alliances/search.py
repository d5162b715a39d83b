"""The alliances app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import Document


def organization_document(organization):
    return Document(
        title=organization.display_name,
        summary=organization.city,
        body=organization.description,
    )


def alliance_document(alliance):
    return Document(
        title=f"{alliance.name} ({alliance.short_name})",
        summary=alliance.intro,
        body="\n".join(
            plain_text(text)
            for text in [alliance.background, alliance.ambitions, alliance.coming_period]
        ),
    )
