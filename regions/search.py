"""The regions app's items in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import Document


def education_region_document(region):
    return Document(title=region.name, body=region.description)


def rap_project_document(project):
    return Document(
        title=project.name, summary=project.description, body=plain_text(project.results)
    )
