"""What the routes app adds to other pages (see razon/related.py)."""

from django.utils.translation import gettext_lazy as _

from razon.related import RelatedItem, RelatedSection
from routes.models import Route


def _section(title, routes):
    routes = routes.order_by("name").only("name", "slug", "kind")
    return RelatedSection(
        title, [RelatedItem(r.name, r.get_absolute_url(), r.get_kind_display()) for r in routes]
    )


def routes_of_institute(organization):
    """For an institute's page: the published routes it offers (one query)."""
    return _section(
        _("Opleidingsroutes"), Route.objects.published().filter(institutes=organization)
    )


def routes_of_partnership(partnership):
    """For a partnership's page: the published routes whose students learn in its schools
    (one query)."""
    return _section(
        _("Opleidingsroutes"), Route.objects.published().filter(partnerships=partnership)
    )


def routes_of_event(event):
    """For an information meeting's page: the published routes it is about (one query)."""
    return _section(_("Over deze opleidingsroutes"), Route.objects.published().filter(events=event))
