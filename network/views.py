from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from alliances.models import Organization
from network import graph
from network.exports import TIES
from network.filters import NetworkFilter
from razon import pagecache
from razon.models import SectorCode
from razon.pagecache import cached_page
from razon.pagination import PAGE_PARAM
from razon.partials import OVERVIEW_PARTIALS, render_facet_options, render_page

SELECT_PARAM = "organisatie"
# The overview's regions (#directory, #results) and, inside #results, the picture with its
# panel (#network), which selecting an organisation swaps.
PARTIALS = (*OVERVIEW_PARTIALS, "network")


def _filterset(request, store):
    return NetworkFilter(
        request.GET,
        queryset=Organization.objects.published(),
        request=request,
        index=store.index(),
    )


@require_safe
@cached_page(depends_on=list(graph.TOPICS))
def network_facet(request, facet):
    """The options of the onderwijsregio facet (hundreds on a large network)."""
    url = reverse("network:network")
    return render_facet_options(
        request, _filterset(request, graph.Store()), facet, url, [(_("Netwerk"), url)]
    )


@require_safe
@cached_page(depends_on=list(graph.TOPICS))
def network_view(request):
    """The network: the picture of who works with whom under the filters, a panel for the
    selected organisation (`?organisatie=<slug>`) and the table of the ties drawn."""
    store = graph.Store()
    index = store.index()
    filterset = _filterset(request, store)
    drawing = store.drawing(
        filterset.key(), lambda: filterset.qs.order_by().values_list("pk", flat=True)
    )
    selected = None
    slug = request.GET.get(SELECT_PARAM, "")
    if slug in index.slugs:
        selected = store.panel(index.slugs[slug])
        pagecache.accept(request, SELECT_PARAM)
    context = {
        "filterset": filterset,
        "drawing": drawing,
        "selected": selected,
        "select_param": SELECT_PARAM,
        "unknown_selection": bool(slug) and selected is None,
        "picture": picture(drawing, selected, request.GET),
        "table": mark_safe(drawing.table),  # rendered from our own template (graph.Drawing)
        "summary": summary(selected) if selected else "",
        "sizes": [
            (graph.RADII["institute"], _("Lerarenopleiding")),
            (graph.RADII["board"], _("Schoolbestuur of mbo-instelling")),
            (graph.RADII["school"], _("School")),
            (graph.RADII["other"], _("Andere organisatie")),
        ],
        "colours": [
            *((graph.SECTOR_COLOURS[code], label) for code, label in SectorCode.choices),
            (graph.SEVERAL_COLOUR, _("Meerdere sectoren")),
            (graph.NO_SECTOR_COLOUR, _("Geen sector bekend")),
        ],
        "downloads": TIES.downloads(filterset),
        "breadcrumbs": [(_("Netwerk"), request.path)],
    }
    return render_page(request, "network/network.html", context, partials=PARTIALS)


def picture(drawing, selected, query):
    """What the template draws: the nodes with whether they are selected or near the
    selection, and the ties as SVG path data, one path per thickness and highlight."""
    near = selected.near if selected else frozenset()
    centre = selected.organization.pk if selected else None
    nodes = [
        {
            "node": node,
            "selected": node.organization.pk == centre,
            "near": node.organization.pk in near,
        }
        for node in drawing.nodes
    ]
    query = query.copy()
    query.pop(PAGE_PARAM, None)
    positions = {node.organization.pk: (node.x, node.y) for node in drawing.nodes}
    paths = {}
    for a, b, weight in drawing.ties:
        width = min(weight, 3)
        highlighted = centre in (a, b)
        (x1, y1), (x2, y2) = positions[a], positions[b]
        paths.setdefault((highlighted, width), []).append(f"M{x1} {y1}L{x2} {y2}")
    return {
        "nodes": nodes,
        "nodes_markup": format_html_join("", NODE, (_node(item, query) for item in nodes)),
        "labels_markup": format_html_join(
            "",
            '<text x="{}" y="{}" dx="{}" dy="4">{}</text>',
            (
                (item["node"].x, item["node"].y, item["node"].radius + 3, _short(item))
                for item in nodes
                if item["node"].labelled or item["selected"]
            ),
        ),
        "paths": [
            {"highlighted": highlighted, "width": width, "d": "".join(parts)}
            for (highlighted, width), parts in sorted(paths.items())
        ],
        "has_selection": selected is not None,
        "selected_drawn": centre in positions,
    }


# A node: a link to the organisation's page that htmx turns into selecting it (#network).
NODE = (
    '<a href="{}" class="network__node{}" aria-label="{}" data-hx-get="?{}" '
    'data-hx-target="#network" data-hx-swap="outerHTML" data-hx-push-url="true" '
    'data-focus-after-swap="#network-panel-title">'
    '<circle cx="{}" cy="{}" r="{}" fill="{}"{}/><title>{}</title></a>'
)


def _node(item, query):
    node, org = item["node"], item["node"].organization
    query[SELECT_PARAM] = org.slug
    state = " is-selected" if item["selected"] else " is-near" if item["near"] else ""
    outline = mark_safe(' class="in-alliance"') if node.in_alliance else ""
    return (
        org.url,
        state,
        org.name,
        query.urlencode(),
        node.x,
        node.y,
        node.radius,
        org.colour,
        outline,
        org.name,
    )


def _short(item):
    label = item["node"].organization.label
    return label if len(label) <= 28 else label[:27] + "…"


def _listing(parts):
    """ "a, b en c"."""
    if len(parts) < 2:
        return "".join(parts)
    return _("%(first)s en %(last)s") % {"first": ", ".join(parts[:-1]), "last": parts[-1]}


def summary(panel):
    """One sentence with the counts: "X werkt in 3 partnerschappen en 1 RAP-project samen met
    12 organisaties, onder wie 5 schoolbesturen, in 2 onderwijsregio's"."""
    name = panel.organization.name
    places = []
    if count := panel.partnership_count:
        places.append(ngettext("%d partnerschap", "%d partnerschappen", count) % count)
    if count := panel.project_count:
        places.append(ngettext("%d RAP-project", "%d RAP-projecten", count) % count)
    if not places:
        return _(
            "%(name)s werkt op deze site (nog) niet samen in een partnerschap of RAP-project."
        ) % {"name": name}
    partners = len(panel.partners)
    among = []
    if count := panel.board_count:
        among.append(ngettext("%d schoolbestuur", "%d schoolbesturen", count) % count)
    if count := panel.institute_count:
        among.append(ngettext("%d lerarenopleiding", "%d lerarenopleidingen", count) % count)
    sentence = _("%(name)s werkt in %(places)s samen met %(partners)s") % {
        "name": name,
        "places": _listing(places),
        "partners": ngettext("%d organisatie", "%d organisaties", partners) % partners,
    }
    if among:
        sentence += _(", onder wie %(among)s,") % {"among": _listing(among)}
    if count := len(panel.regions):
        sentence += " " + ngettext("in %d onderwijsregio", "in %d onderwijsregio's", count) % count
    return sentence + "."
