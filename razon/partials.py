from django.shortcuts import render

from razon import pagecache

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
