from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from partnerships.exports import PARTNERSHIPS
from partnerships.filters import PartnershipFilter
from partnerships.models import Partnership
from razon import related
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_facet_options, render_page
from razon.preview import get_public_or_preview

PER_PAGE = 24


def _filterset(request):
    return PartnershipFilter(
        request.GET, queryset=Partnership.objects.published().for_overview(), request=request
    )


@require_safe
@cached_page(depends_on=["alliances", "partnerships", "regions"])
def partnership_list(request):
    filterset = _filterset(request)
    return render_page(
        request,
        "partnerships/partnership_list.html",
        {
            "filterset": filterset,
            "page": paginate(request, filterset.qs, PER_PAGE),
            "downloads": PARTNERSHIPS.downloads(filterset),
            "breadcrumbs": [(_("Partnerschappen"), request.path)],
        },
        partials=OVERVIEW_PARTIALS,
    )


@require_safe
@cached_page(depends_on=["alliances", "partnerships", "regions"])
def partnership_facet(request, facet):
    """The options of a facet with many (board, institute, municipality, region)."""
    return render_facet_options(
        request,
        _filterset(request),
        facet,
        reverse("partnerships:list"),
        [(_("Partnerschappen"), reverse("partnerships:list"))],
    )


@require_safe
@cached_page(
    depends_on=["alliances", "news", "partnerships", "people", "regions", "routes", "sectors"]
)
def partnership_detail(request, slug):
    partnership = get_public_or_preview(request, Partnership.objects.for_page(), slug=slug)
    return render(
        request,
        "partnerships/partnership_detail.html",
        {
            "partnership": partnership,
            "related_sections": related.sections("partnership", partnership),
            "breadcrumbs": [
                (_("Partnerschappen"), reverse("partnerships:list")),
                (partnership.name, partnership.get_absolute_url()),
            ],
        },
    )
