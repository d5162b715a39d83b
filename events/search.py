"""The agenda's events in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def event_search_text(event):
    return SearchText(
        title=event.title,
        summary=event.summary,
        body="\n".join(
            [event.location, plain_text(event.body), event.audience, plain_text(event.report)]
        ),
    )
