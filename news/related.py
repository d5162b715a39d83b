"""What the news app adds to other pages (see razon/related.py): the published posts about
an event, a partnership, an onderwijsregio or an organisation, reports first."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from news.models import Post
from razon.related import RelatedItem, RelatedSection

LIMIT = 10


def _section(title, posts):
    posts = posts.only("kind", "title", "slug", "date")
    return RelatedSection(
        title,
        [
            RelatedItem(
                post.title,
                post.get_absolute_url(),
                f"{post.get_kind_display()}, {date_format(post.date, 'j F Y')}",
            )
            for post in posts[:LIMIT]
        ],
    )


def posts_about_event(event):
    posts = Post.objects.published().about("events", event).reports_first()
    return _section(_("Gerelateerde berichten"), posts)


def posts_about_partnership(partnership):
    return _section(_("Berichten"), Post.objects.published().about("partnerships", partnership))


def posts_about_region(region):
    return _section(_("Berichten"), Post.objects.published().about("regions", region))


def posts_about_rap_project(project):
    return _section(_("Berichten"), Post.objects.published().about("rap_projects", project))


def posts_about_organization(organization):
    return _section(_("Berichten"), Post.objects.published().about("organizations", organization))


def posts_by_person(person):
    """Where a person appears (the site search): the published posts they wrote, newest
    first (one query)."""
    return _section(_("Auteur van"), Post.objects.published().filter(author=person).newest_first())
