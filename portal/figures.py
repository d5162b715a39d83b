"""The home page's key figures: counts of published content, as subqueries that ride along
with the home page's alliance query (no query of their own)."""

from django.db.models import F, Func, IntegerField, Subquery

from alliances.models import Organization
from events.models import Event
from partnerships.models import Partnership
from regions.models import EducationRegion


def _count(queryset):
    # COUNT as a plain function, not an aggregate: no GROUP BY, one row.
    count = Func(F("pk"), function="COUNT", output_field=IntegerField())
    return Subquery(queryset.order_by().values_list(count))


def key_figures():
    """{name: subquery} of the figures; annotate a one-row query with them."""
    return {
        "partnership_count": _count(Partnership.objects.published()),
        "region_count": _count(EducationRegion.objects.published()),
        "organization_count": _count(Organization.objects.published()),
        "upcoming_event_count": _count(Event.objects.published().upcoming()),
    }
