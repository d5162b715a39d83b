"""The partnerships app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def partnership_search_text(partnership):
    title = partnership.name
    if partnership.short_name:
        title = f"{title} ({partnership.short_name})"
    return SearchText(
        title=title, summary=partnership.description, body=plain_text(partnership.profile)
    )
