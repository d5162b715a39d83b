"""Posts in the site search (see razon/search.py)."""

from razon.richtext import plain_text
from razon.search import SearchText


def post_search_text(post):
    """The post's words and its author as the byline names them (a contact person only
    when public): posts are found by who wrote them."""
    author = post.author if post.author and post.author.is_public else None
    byline = author.name if author else post.author_name
    body = plain_text(post.body)
    if byline:
        body = f"{body}\n{byline}"
    return SearchText(title=post.title, summary=post.intro, body=body)
