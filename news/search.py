"""Posts in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import Document


def post_document(post):
    return Document(title=post.title, summary=post.intro, body=plain_text(post.body))
