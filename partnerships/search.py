"""The partnerships app's items in the site search (see razon/search.py)."""

from razon.search import Document


def partnership_document(partnership):
    title = partnership.name
    if partnership.short_name:
        title = f"{title} ({partnership.short_name})"
    return Document(title=title, summary=partnership.description, body=partnership.profile)
