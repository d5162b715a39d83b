"""schema.org data about a post for search engines (JSON-LD in the page head)."""

from django.urls import reverse

from news.models import Post

PUBLISHER = "Regionale Alliantie Zuidoost-Nederland (RA-ZON)"


def article(request, post: Post) -> dict:
    """A schema.org Article with absolute URLs; rendered by the `json_ld` template tag."""
    url = request.build_absolute_uri(post.get_absolute_url())
    publisher = {
        "@type": "Organization",
        "name": PUBLISHER,
        "url": request.build_absolute_uri(reverse("home")),
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title[:110],
        "description": post.intro,
        "articleSection": post.get_kind_display(),
        "inLanguage": "nl",
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": post.published_at.isoformat(),
        "dateModified": max(post.updated_at, post.published_at).isoformat(),
        "author": _author(post) or publisher,
        "publisher": publisher,
    }
    if post.cover:
        data["image"] = request.build_absolute_uri(post.cover.url)
    if sectors := [str(sector) for sector in post.sectors.all()]:
        data["keywords"] = sectors
    return data


def _author(post):
    if not post.byline_name:
        return None
    author = {"@type": "Person", "name": post.byline_name}
    if post.byline_role:
        author["jobTitle"] = post.byline_role
    return author
