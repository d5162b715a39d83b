"""RSS and Atom feeds of the published posts, all together and per kind (Django's syndication
framework makes every link absolute with the request's host)."""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from news.models import KIND_PLURALS, Post, PostKind
from razon.richtext import render

FEED_SIZE = 20
# The types a page announces its feeds with: the plain media types, without the charset
# parameter that the responses carry (feed readers and validators match them exactly).
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
# An href in sanitised HTML (razon.richtext: nh3 always writes double-quoted attributes).
HREF = re.compile(r'href="([^"]*)"')


@dataclass(frozen=True)
class Alternate:
    """A feed as a page announces it: in the head (<link rel="alternate">) and as a link."""

    label: str
    url: str
    content_type: str

    @property
    def title(self):
        return f"RA-ZON: {self.label}"


def alternates(kind=None):
    """The feeds a page announces: all posts in RSS and Atom, and the kind's own if given."""
    rss, atom = RSS_TYPE, ATOM_TYPE
    found = [
        Alternate(_("Alle berichten (RSS)"), reverse("news:feed"), rss),
        Alternate(_("Alle berichten (Atom)"), reverse("news:feed_atom"), atom),
    ]
    if kind:
        label = KIND_PLURALS[kind]
        found += [
            Alternate(
                _("%(kind)s (RSS)") % {"kind": label}, reverse("news:feed_kind", args=[kind]), rss
            ),
            Alternate(
                _("%(kind)s (Atom)") % {"kind": label},
                reverse("news:feed_atom_kind", args=[kind]),
                atom,
            ),
        ]
    return found


def absolute_links(html, base_url):
    """`html` with every link made absolute against `base_url` (the entry's own address): a
    feed reader shows an entry away from the site, where a footnote's `#fn:1` or a `/agenda/`
    link would point nowhere."""
    return HREF.sub(lambda match: f'href="{urljoin(base_url, match.group(1))}"', html)


class PostFeed(Feed):
    """The newest published posts; `/berichten/feed/<kind>/` narrows them to one kind."""

    feed_type = Rss201rev2Feed
    language = "nl"
    author_name = "RA-ZON"  # Atom needs an author for entries that name none

    def get_object(self, request, kind=None):
        if kind is not None and kind not in PostKind.values:
            raise Http404
        return kind

    def title(self, kind):
        if kind:
            return _("RA-ZON: %(kind)s") % {"kind": KIND_PLURALS[kind].lower()}
        return _("RA-ZON: berichten")

    def description(self, kind):
        return _("Nieuws, blogs en verslagen van de Regionale Alliantie Zuidoost-Nederland.")

    def link(self, kind):
        url = reverse("news:list")
        return f"{url}?soort={kind}" if kind else url

    url_name = "news:feed"

    def feed_url(self, kind):
        return reverse(f"{self.url_name}_kind", args=[kind]) if kind else reverse(self.url_name)

    def get_feed(self, obj, request):
        """The feed with the links inside each entry's text made absolute (Django does so
        only for the entry's own link), against the entry's absolute address."""
        feed = super().get_feed(obj, request)
        for item in feed.items:
            item["description"] = absolute_links(item["description"], item["link"])
        return feed

    def items(self, kind):
        posts = Post.objects.published().for_feed()
        if kind:
            posts = posts.filter(kind=kind)
        return posts[:FEED_SIZE]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        """The intro and the whole text, sanitised like on the page (razon/richtext.py)."""
        return format_html("<p><strong>{}</strong></p>{}", post.intro, render(post.body))

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return max(post.updated_at, post.published_at)

    def item_author_name(self, post):
        return post.byline_name or None

    def item_categories(self, post):
        return [post.get_kind_display(), *(str(sector) for sector in post.sectors.all())]


class AtomPostFeed(PostFeed):
    feed_type = Atom1Feed
    url_name = "news:feed_atom"

    def subtitle(self, kind):
        return self.description(kind)
