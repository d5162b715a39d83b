from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliances.models import Organization
from razon import navigation, pagecache, related
from razon.collation import by_name
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_facet_options, render_page
from razon.preview import get_public_or_preview
from regions import collaboration, regiokaart
from regions.exports import EDUCATION_REGIONS, RAP_PROJECTS
from regions.filters import EducationRegionFilter, RAPProjectFilter
from regions.models import EducationRegion, Municipality, RAPProject

PER_PAGE = 20
# The organisations the regio-infrastructuur page links to, as the source names them (seed 001).
REALISATION_UNIT, PLATFORM = "realisatie-eenheid", "platform-samen-opleiden"
LABOUR_MARKET_SUPPORT = ["arbeidsmarktplatform-po", "voion", "som-mbo"]


@require_safe
@cached_page(depends_on=["alliances", "partnerships", "regions"])
def overview(request):
    """How the kinds of collaboration relate: live counts of each (partnerships per sector
    group too), and per onderwijsregio how many of each work there."""
    named = Organization.objects.by_slug([REALISATION_UNIT, PLATFORM, *LABOUR_MARKET_SUPPORT])
    kinds = collaboration.kinds()
    regions = list(
        collaboration.regions_with_counts(EducationRegion.objects.published().only("name", "slug"))
    )
    rows = [
        {
            "region": region,
            "counts": [
                (getattr(region, f"{kind.key}_count"), kind.region_url(region)) for kind in kinds
            ],
        }
        for region in regions
    ]
    active = [row for row in rows if any(count for count, _url in row["counts"])]
    return render(
        request,
        "regions/overview.html",
        {
            "realisation_unit": named.get(REALISATION_UNIT),
            "platform": named.get(PLATFORM),
            "labour_market_support": [
                named[slug] for slug in LABOUR_MARKET_SUPPORT if slug in named
            ],
            "region_count": len(regions),
            "totals": {kind.key: kind.totals() for kind in kinds},
            "kinds": kinds,
            "region_rows": active,
            "regions_with_all": sum(all(count for count, _url in row["counts"]) for row in rows),
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
            "page": paginate(request, filterset.qs.order_by(*by_name()), PER_PAGE),
            "downloads": export.downloads(filterset),
            "breadcrumbs": [
                (_("Regio-infrastructuur"), reverse("regions:overview")),
                (title, request.path),
            ],
        },
        partials=OVERVIEW_PARTIALS,
    )


# What an onderwijsregio's page shows; "conversations": the scale-level conversations
# published there (conversations/related.py).
REGION_PAGE_TOPICS = [
    *("alliances", "conversations", "news", "partnerships", "people", "regions", "sectors")
]


@require_safe
@cached_page(depends_on=REGION_PAGE_TOPICS)
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
@cached_page(depends_on=["alliances", "news", "partnerships", "regions", "sectors"])
def rap_project_detail(request, slug):
    project = get_public_or_preview(request, RAPProject.objects.for_page(), slug=slug)
    return render(
        request,
        "regions/rapproject_detail.html",
        {
            "project": project,
            # Its partnerships and the posts about it (the apps above register them).
            "related_sections": related.sections("rap_project", project),
            "breadcrumbs": [
                (_("RAP-projecten"), reverse("regions:rap_projects")),
                (project.name, project.get_absolute_url()),
            ],
        },
    )


MAX_FOUND = 25


@require_safe
@cached_page(depends_on=["alliances", "partnerships", "people", "regions", "sectors"])
def regiokaart_view(request):
    """The map. `?laag=` picks the layer; `?regio=<slug>` (an area) or `?gemeente=<code>` fills
    the panel beside it (for htmx only the panel); on the reach layer `?organisatie=<slug>` or
    `?partnerschap=<slug>` picks whose municipalities are shown. A value that names nothing
    is said so in the panel, never an error."""
    layer = regiokaart.get_layer(regiokaart.layer_or_default(request.GET.get("laag", "")))
    not_found = []
    if request.GET.get("laag") == layer.key:
        pagecache.accept(request, "laag")
    elif request.GET.get("laag"):
        not_found.append(
            _("Die kaartlaag bestaat niet; je ziet de kaart van %(layer)s.")
            % {"layer": layer.label}
        )
    selected = municipality = subject = item = None
    if slug := request.GET.get("regio"):
        model = layer.model
        selected = model and model.objects.published().for_page().filter(slug=slug).first()
        if selected:
            pagecache.accept(request, "regio")
        else:
            not_found.append(_("Dat gebied staat niet op deze kaartlaag."))
    if code := request.GET.get("gemeente"):
        municipality = Municipality.objects.defer("geometry", "outline").filter(code=code).first()
        if municipality:
            pagecache.accept(request, "gemeente")
        else:
            not_found.append(_("Die gemeente kennen we niet."))
    if layer.kind == "reach":
        for candidate in regiokaart.subjects():
            if value := request.GET.get(candidate.param):
                subject, item = candidate, candidate.find(value)
                if item:
                    pagecache.accept(request, candidate.param)
                else:
                    not_found.append(
                        _("Die organisatie of dat partnerschap staat niet op de site.")
                    )
                    subject = None
                break
    context = {
        "layer": layer,
        "layers": regiokaart.layers(),
        "selected": selected,
        "municipality": municipality,
        "municipality_sections": related.sections("municipality", municipality)
        if municipality
        else [],
        "subject": subject,
        "item": item,
        "not_found": not_found,
        "breadcrumbs": [
            (_("Regio-infrastructuur"), reverse("regions:overview")),
            (_("Regiokaart"), request.path),
        ],
    }
    if layer.kind == "reach" and not request.htmx:
        context["words"], context["found"] = _found(request)
    if not request.htmx:
        markup = regiokaart.map_markup(layer.key, subject, item)
        markup = _marked(markup, request, layer, selected, municipality, subject, item)
        context["map"] = mark_safe(markup)  # our own rendered template
    return render_page(request, "regions/regiokaart.html", context, partials=["map-panel"])


def _marked(markup, request, layer, selected, municipality, subject, item):
    """The chosen area or municipality stays marked (aria-current): the drawing is the same
    for every choice, so its link is found by the panel address it loads."""
    if selected:
        address = f"?laag={layer.key}&regio={selected.slug}"
    elif municipality and layer.kind == "reach" and item:
        address = f"?laag={layer.key}&{subject.param}={item.slug}&gemeente={municipality.code}"
    elif municipality and layer.kind != "reach":
        address = f"?laag={layer.key}&gemeente={municipality.code}"
    else:
        return markup
    marker = f'data-hx-get="{escape(address)}"'
    return markup.replace(marker, f'{marker} aria-current="true"', 1)


def _found(request):
    """The reach layer's search (`?zoek=`): per kind of subject the names that hold the
    words, as links (free text: such a page is not cached)."""
    words = request.GET.get("zoek", "")[:100].strip()
    if not words:
        return words, []
    folded = words.casefold()
    return words, [
        (candidate, [o for o in candidate.options() if folded in o[1].casefold()][:MAX_FOUND])
        for candidate in regiokaart.subjects()
    ]
