from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.models import Organization
from razon import navigation, pagecache, related
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_facet_options, render_page
from razon.preview import get_public_or_preview
from regions import regiokaart
from regions.exports import EDUCATION_REGIONS, RAP_PROJECTS
from regions.filters import EducationRegionFilter, RAPProjectFilter
from regions.models import EducationRegion, RAPProject

PER_PAGE = 20
# The organisations the regio-infrastructuur page links to, as the source names them (seed 001).
REALISATION_UNIT, PLATFORM = "realisatie-eenheid", "platform-samen-opleiden"
LABOUR_MARKET_SUPPORT = ["arbeidsmarktplatform-po", "voion", "som-mbo"]


@require_safe
@cached_page(depends_on=["alliances", "regions"])
def overview(request):
    named = Organization.objects.by_slug([REALISATION_UNIT, PLATFORM, *LABOUR_MARKET_SUPPORT])
    return render(
        request,
        "regions/overview.html",
        {
            "realisation_unit": named.get(REALISATION_UNIT),
            "platform": named.get(PLATFORM),
            "labour_market_support": [
                named[slug] for slug in LABOUR_MARKET_SUPPORT if slug in named
            ],
            "region_count": EducationRegion.objects.published().count(),
            "project_count": RAPProject.objects.published().count(),
            "partnerships_url": navigation.url_or_none("partnerships:list"),
            "breadcrumbs": [(_("Regio-infrastructuur"), request.path)],
        },
    )


@require_safe
@cached_page(depends_on=["alliances", "regions", "sectors"])
def education_region_list(request):
    return _overview(
        request,
        EducationRegionFilter,
        EducationRegion.objects.published().for_overview(),
        "regions/educationregion_list.html",
        _("Onderwijsregio's"),
        EDUCATION_REGIONS,
    )


@require_safe
@cached_page(depends_on=["alliances", "regions", "sectors"])
def rap_project_list(request):
    return _overview(
        request,
        RAPProjectFilter,
        RAPProject.objects.published().for_overview(),
        "regions/rapproject_list.html",
        _("RAP-projecten"),
        RAP_PROJECTS,
    )


@require_safe
@cached_page(depends_on=["alliances", "regions", "sectors"])
def education_region_facet(request, facet):
    """The options of a facet with many (municipality, organisation)."""
    return _facet(
        request,
        EducationRegionFilter,
        EducationRegion.objects.published(),
        facet,
        "education_regions",
        _("Onderwijsregio's"),
    )


@require_safe
@cached_page(depends_on=["alliances", "regions", "sectors"])
def rap_project_facet(request, facet):
    return _facet(
        request,
        RAPProjectFilter,
        RAPProject.objects.published(),
        facet,
        "rap_projects",
        _("RAP-projecten"),
    )


def _facet(request, filter_class, queryset, facet, overview, title):
    overview_url = reverse(f"regions:{overview}")
    return render_facet_options(
        request,
        filter_class(request.GET, queryset=queryset, request=request),
        facet,
        overview_url,
        [(_("Regio-infrastructuur"), reverse("regions:overview")), (title, overview_url)],
    )


def _overview(request, filter_class, queryset, template, title, export):
    filterset = filter_class(request.GET, queryset=queryset, request=request)
    return render_page(
        request,
        template,
        {
            "filterset": filterset,
            "page": paginate(request, filterset.qs.order_by("name"), PER_PAGE),
            "downloads": export.downloads(filterset),
            "breadcrumbs": [
                (_("Regio-infrastructuur"), reverse("regions:overview")),
                (title, request.path),
            ],
        },
        partials=OVERVIEW_PARTIALS,
    )


@require_safe
@cached_page(depends_on=["alliances", "news", "partnerships", "people", "regions", "sectors"])
def education_region_detail(request, slug):
    region = get_public_or_preview(request, EducationRegion.objects.for_page(), slug=slug)
    return render(
        request,
        "regions/educationregion_detail.html",
        {
            "region": region,
            "related_sections": related.sections("education_region", region),
            "breadcrumbs": [
                (_("Onderwijsregio's"), reverse("regions:education_regions")),
                (region.name, region.get_absolute_url()),
            ],
        },
    )


@require_safe
@cached_page(depends_on=["alliances", "regions", "sectors"])
def rap_project_detail(request, slug):
    project = get_public_or_preview(request, RAPProject.objects.for_page(), slug=slug)
    return render(
        request,
        "regions/rapproject_detail.html",
        {
            "project": project,
            "breadcrumbs": [
                (_("RAP-projecten"), reverse("regions:rap_projects")),
                (project.name, project.get_absolute_url()),
            ],
        },
    )


@require_safe
@cached_page(depends_on=["alliances", "people", "regions", "sectors"])
def regiokaart_view(request):
    """The map; `?regio=<slug>` fills the panel beside it (for htmx only the panel)."""
    layer = regiokaart.layer_or_default(request.GET.get("laag", ""))
    selected = None
    if request.GET.get("laag") == layer:
        pagecache.accept(request, "laag")
    if slug := request.GET.get("regio"):
        model = regiokaart.LAYERS[layer][1]
        selected = model.objects.published().for_page().filter(slug=slug).first()
        if selected:
            pagecache.accept(request, "regio")
    context = {
        "layer": layer,
        "layers": [(key, label) for key, (label, _model) in regiokaart.LAYERS.items()],
        "selected": selected,
        "breadcrumbs": [
            (_("Regio-infrastructuur"), reverse("regions:overview")),
            (_("Regiokaart"), request.path),
        ],
    }
    if not request.htmx:
        context["map"] = mark_safe(regiokaart.map_markup(layer))  # our own rendered template
    return render_page(request, "regions/regiokaart.html", context, partials=["map-panel"])
