"""The partnerships app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import Document


def partnership_document(partnership):
    title = partnership.name
    if partnership.short_name:
        title = f"{title} ({partnership.short_name})"
    return Document(
        title=title, summary=partnership.description, body=plain_text(partnership.profile)
    )
