"""schema.org `Article` markup for a post page, so search engines know its date and author."""

from django.templatetags.static import static
from django.urls import reverse

PUBLISHER = "Regionale Alliantie Zuidoost-Nederland (RA-ZON)"
# A byline typed as a name (not a contact person) that holds one of these words is a team,
# not a person: "Redactie RA-ZON" is an Organization author.
TEAM_WORDS = ("redactie", "team", "secretariaat", "ra-zon")


def post_schema(post, absolute_url):
    """The Article with absolute URLs (`absolute_url` is request.build_absolute_uri)."""
    url = absolute_url(post.get_absolute_url())
    publisher = {"@type": "Organization", "name": PUBLISHER, "url": absolute_url(reverse("home"))}
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
    data["image"] = [absolute_url(post.cover.url if post.cover else static("img/share.png"))]
    if sectors := [str(sector) for sector in post.sectors.all()]:
        data["keywords"] = sectors
    return data


def _author(post):
    if not post.byline_name:
        return None
    if post.public_author is None and any(w in post.byline_name.lower() for w in TEAM_WORDS):
        return {"@type": "Organization", "name": post.byline_name}
    author = {"@type": "Person", "name": post.byline_name}
    if post.byline_role:
        author["jobTitle"] = post.byline_role
    return author
