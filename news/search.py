"""Posts in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def post_search_text(post):
    return SearchText(title=post.title, summary=post.intro, body=plain_text(post.body))
