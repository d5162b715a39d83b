from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.exports import ORGANIZATIONS
from alliances.filters import OrganizationFilter
from alliances.models import Alliance, Organization
from alliances.schema import alliance_schema, organization_schema
from razon import related
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_page
from razon.preview import get_public_or_preview, preview_or_404

ORGANIZATIONS_PER_PAGE = 24


@require_safe
@cached_page(depends_on=["alliances", "people"])
def main_alliance(request):
    main = Alliance.objects.main().for_page()
    alliance = main.published().first() or preview_or_404(request, main.first())
    return _render_alliance(request, alliance)


@require_safe
@cached_page(depends_on=["alliances", "people"])
def alliance_detail(request, slug):
    alliance = get_public_or_preview(request, Alliance.objects.for_page(), slug=slug)
    if alliance.is_main:
        return redirect(alliance, permanent=True)
    return _render_alliance(request, alliance)


def _render_alliance(request, alliance):
    others = Alliance.objects.published().exclude(pk=alliance.pk).only("name", "slug", "is_main")
    return render(
        request,
        "alliances/alliance_detail.html",
        {
            "alliance": alliance,
            "other_alliances": others,
            "schema": alliance_schema(alliance, request.build_absolute_uri),
            "breadcrumbs": [(alliance.short_name, alliance.get_absolute_url())],
        },
    )


@require_safe
@cached_page(depends_on=["alliances", "sectors"])
def organization_list(request):
    filterset = OrganizationFilter(
        request.GET, queryset=Organization.objects.published().for_directory(), request=request
    )
    return render_page(
        request,
        "alliances/organization_list.html",
        {
            "filterset": filterset,
            "page": paginate(request, filterset.qs, ORGANIZATIONS_PER_PAGE),
            "downloads": ORGANIZATIONS.downloads(filterset),
            "breadcrumbs": [(_("Organisaties"), request.path)],
        },
        partials=OVERVIEW_PARTIALS,
    )


@require_safe
@cached_page(
    depends_on=["alliances", "events", "news", "partnerships", "regions", "routes", "sectors"]
)
def organization_detail(request, slug):
    organization = get_public_or_preview(
        request, Organization.objects.prefetch_related("sectors"), slug=slug
    )
    return render(
        request,
        "alliances/organization_detail.html",
        {
            "organization": organization,
            "related_sections": related.sections("organization", organization),
            "schema": organization_schema(organization, request.build_absolute_uri),
            "breadcrumbs": [
                (_("Organisaties"), reverse("alliances:organizations")),
                (organization.name, organization.get_absolute_url()),
            ],
        },
    )
