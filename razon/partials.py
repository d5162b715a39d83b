from django.http import Http404
from django.shortcuts import render

from razon import pagecache, search
from razon.filters import OPTIONS_TEXT_PARAM
from razon.pagination import PAGE_PARAM, paginate

# The regions of an overview (components.html#filter_form): #directory holds the tabs, the
# filter form and #results; the form, paging and archive links swap #results only.
OVERVIEW_PARTIALS = ("directory", "results")


def render_page(request, template_name, context, *, partials=()):
    """Render the whole page, or for an htmx request only the named partial of the same
    template that the request targets (HX-Target), so page and fragment cannot drift apart.
    Each partial is named after the id of its root element; an unknown target gets the first."""
    if request.htmx and partials:
        target = request.htmx.target
        name = target if target in partials else partials[0]
        pagecache.accept(request, target=target in partials)
        template_name = f"{template_name}#{name}"
    return render(request, template_name, context)


# How many options a combobox lists at once (typing narrows them), and a page without
# JavaScript.
COMBOBOX_OPTIONS = 20
OPTIONS_PER_PAGE = 100


def render_facet_options(request, filterset, name, overview_url, breadcrumbs):
    """The options of a searchable facet (`FacetedFilterSet.searchable_facets`) under the
    overview's other filters, narrowed by the words typed (`zoekterm`): for the combobox
    (an htmx request targeting its listbox) the first few as listbox options, otherwise a
    page listing them all whose links apply the filter, the way to choose without JavaScript."""
    if name not in filterset.searchable_facets:
        raise Http404
    facet = filterset.facet(name)  # also vouches for the other filters (pagecache.accept)
    text = request.GET.get(OPTIONS_TEXT_PARAM, "")[: search.MAX_QUERY_LENGTH]
    options = filterset.facet_options(name, text)
    context = {"facet": facet, "text": text, "options_total": len(options)}
    if request.htmx:
        pagecache.accept(request, target=request.htmx.target == facet.listbox_id)
        context["options"] = options[:COMBOBOX_OPTIONS]
        return render(request, "razon/facet_options.html#listbox", context)
    page = paginate(request, options, OPTIONS_PER_PAGE)
    context |= {
        "page": page,
        "choices": [
            (option, filterset.choice_url(overview_url, name, option.value))
            for option in page.object_list
        ],
        "clear_url": filterset.choice_url(overview_url, name, ""),
        "other_filters": [
            (key, value)
            for key, value in request.GET.items()
            if value and key not in (name, OPTIONS_TEXT_PARAM, PAGE_PARAM)
        ],
        "breadcrumbs": [*breadcrumbs, (facet.choose_label, request.path)],
    }
    return render(request, "razon/facet_options.html", context)
