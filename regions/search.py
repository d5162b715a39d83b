"""The regions app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def education_region_search_text(region):
    return SearchText(title=region.name, body=region.description)


def rap_project_search_text(project):
    return SearchText(
        title=project.name, summary=project.description, body=plain_text(project.results)
    )
