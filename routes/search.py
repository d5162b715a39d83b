"""Routes in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def route_search_text(route):
    institutes = ", ".join(i.short_name or i.name for i in route.institutes.all())
    body = "\n".join(
        [
            route.get_kind_display(),
            route.get_qualification_display(),
            ", ".join(route.subject_labels),
            institutes,
            plain_text(route.body),
        ]
    )
    return SearchText(title=route.name, summary=route.summary, body=body)
