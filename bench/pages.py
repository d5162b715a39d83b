"""The public pages the benchmark measures (bench/run.py) and the query budget tests request:
every kind of page, its filtered variants and its htmx fragments, on the loaded data."""

from dataclasses import dataclass

from django.urls import reverse

from alliances.models import Alliance, Organization
from bench import dataset
from conversations.compare import compared_boards
from conversations.models import Board
from events.models import Event
from news.models import Post
from partnerships.models import Partnership
from regions.models import EducationRegion, Municipality, RAPProject
from routes.models import Route


@dataclass(frozen=True)
class Page:
    """A public page as the benchmark requests it; `target` makes it an htmx fragment request
    (HX-Request with that HX-Target)."""

    name: str
    path: str
    target: str = ""

    @property
    def is_fragment(self):
        return bool(self.target)

    @property
    def headers(self):
        return {"HX-Request": "true", "HX-Target": self.target} if self.target else {}


def public_pages():
    """Every kind of public page, its filtered variants and its htmx fragments, pointing at
    items of the loaded data (a generated item in the middle of each list where there is one)."""
    alliance = Alliance.objects.published().main().first()
    organization = _middle(Organization.objects.published())
    region = _middle(EducationRegion.objects.published())
    project = _middle(RAPProject.objects.published())
    partnership = _middle(Partnership.objects.published())
    event = _middle(Event.objects.published().upcoming()) or _middle(Event.objects.published())
    post = _middle(Post.objects.published())
    route = _middle(Route.objects.published())
    board = _middle(
        Organization.objects.published().filter(kind="bestuur", children__isnull=False).distinct()
    )
    pages = [
        Page("home", "/"),
        Page("alliance", reverse("alliances:alliance")),
        Page("organizations", reverse("alliances:organizations")),
        Page("organizations filtered", reverse("alliances:organizations") + "?sector=po"),
        Page(
            "organizations fragment",
            reverse("alliances:organizations") + "?sector=vo",
            "results",
        ),
        Page("regio overview", reverse("regions:overview")),
        Page("map", reverse("regions:map")),
        Page("map RAP layer", reverse("regions:map") + "?laag=rap"),
        Page("map partnerships layer", reverse("regions:map") + "?laag=partnerschappen"),
        Page("map reach layer", reverse("regions:map") + "?laag=bereik"),
        Page("onderwijsregio's", reverse("regions:education_regions")),
        Page(
            "onderwijsregio's filtered",
            reverse("regions:education_regions") + "?sector=po&provincie=Gelderland",
        ),
        Page(
            "onderwijsregio's fragment",
            reverse("regions:education_regions") + "?fase=gevormd",
            "results",
        ),
        Page("RAP projects", reverse("regions:rap_projects")),
        Page("RAP projects filtered", reverse("regions:rap_projects") + "?sector=vo"),
        Page("RAP projects fragment", reverse("regions:rap_projects") + "?sector=mbo", "results"),
        Page("partnerships", reverse("partnerships:list")),
        Page(
            "partnerships filtered",
            reverse("partnerships:list") + "?sector=vo-mbo&erkenning=erkend",
        ),
        Page(
            "partnerships fragment",
            reverse("partnerships:list") + "?zoek=Partnerschap+01",
            "results",
        ),
        Page(
            "partnerships tab fragment",
            reverse("partnerships:list") + "?sector=po-vso",
            "directory",
        ),
        Page(
            "partnerships board options fragment",
            reverse("partnerships:facet_bestuur") + "?sector=vo-mbo",
            "id_bestuur-listbox",
        ),
        Page("partnerships board options", reverse("partnerships:facet_bestuur")),
        *(
            [
                Page(
                    "partnerships by region",
                    reverse("partnerships:list") + f"?regio={region.slug}",
                )
            ]
            if region
            else []
        ),
        *(
            [
                Page(
                    "partnerships by board", reverse("partnerships:list") + f"?bestuur={board.slug}"
                ),
                Page("board detail", board.get_absolute_url()),
            ]
            if board
            else []
        ),
        Page("network", reverse("network:network")),
        Page("network filtered", reverse("network:network") + "?sector=po"),
        Page("network fragment", reverse("network:network") + "?sector=vo", "results"),
        Page("network region options", reverse("network:facet_regio") + "?sector=po"),
        Page("agenda", reverse("events:list")),
        Page("agenda filtered", reverse("events:list") + "?sector=po&soort=webinar"),
        Page("agenda fragment", reverse("events:list") + "?sector=vo", "results"),
        Page("posts", reverse("news:list")),
        Page("posts filtered", reverse("news:list") + "?soort=blog&sector=po"),
        Page("posts fragment", reverse("news:list") + "?soort=nieuws", "results"),
        Page("posts more fragment", reverse("news:list") + "?pagina=2", "more"),
        Page("routes finder", reverse("routes:finder")),
        Page(
            "routes finder filtered",
            reverse("routes:finder") + "?heb=hbo&waar=vo-onderbouw&baan=school",
        ),
        Page("routes finder fragment", reverse("routes:finder") + "?heb=hbo&waar=po", "finder"),
        Page("search", reverse("search") + "?zoek=samen+opleiden"),
        Page("search fragment", reverse("search") + "?zoek=partnerschap", "results"),
        Page("contact", reverse("contact:form")),
        Page("contact fragment", reverse("contact:form"), "contact-form"),
        Page("privacy", reverse("privacy")),
        Page("feed RSS", reverse("news:feed")),
        Page("feed Atom", reverse("news:feed_atom")),
        Page("agenda.ics", reverse("events:calendar")),
        # The open data (razon/exports.py): each overview's export, both formats among them.
        Page("organizations CSV", reverse("alliances:organization_export_csv") + "?sector=po"),
        Page("onderwijsregio's JSON", reverse("regions:education_region_export_json")),
        Page("RAP projects CSV", reverse("regions:rap_project_export_csv") + "?sector=vo"),
        Page("partnerships JSON", reverse("partnerships:export_json") + "?sector=vo-mbo"),
        Page("agenda CSV", reverse("events:export_csv")),
        Page("network ties CSV", reverse("network:export_csv") + "?sector=vo"),
        Page("routes JSON", reverse("routes:export_json")),
        Page("open data", reverse("open_data")),
    ]
    details = [
        ("alliance detail", alliance),
        ("organization detail", organization),
        ("onderwijsregio detail", region),
        ("RAP project detail", project),
        ("partnership detail", partnership),
        ("event detail", event),
        ("post detail", post),
        ("route detail", route),
    ]
    pages += [Page(name, item.get_absolute_url()) for name, item in details if item]
    if region:
        pages.append(
            Page(
                "map panel fragment",
                f"{reverse('regions:map')}?laag=onderwijsregios&regio={region.slug}",
                "map-panel",
            )
        )
    if organization:
        pages.append(
            Page(
                "network selected",
                f"{reverse('network:network')}?organisatie={organization.slug}",
            )
        )
        pages.append(
            Page(
                "network panel fragment",
                f"{reverse('network:network')}?organisatie={organization.slug}",
                "network",
            )
        )
        pages.append(
            Page(
                "map reach of an organisation",
                f"{reverse('regions:map')}?laag=bereik&organisatie={organization.slug}",
            )
        )
    if partnership:
        pages.append(
            Page(
                "map reach of a partnership",
                f"{reverse('regions:map')}?laag=bereik&partnerschap={partnership.slug}",
            )
        )
    municipality = Municipality.objects.order_by("code").only("code").first()
    if municipality:
        pages.append(
            Page(
                "map municipality panel fragment",
                f"{reverse('regions:map')}?laag=partnerschappen&gemeente={municipality.code}",
                "map-panel",
            )
        )
    if event:
        pages.append(Page("event registration", reverse("events:register", args=[event.slug])))
        pages.append(Page("event calendar", reverse("events:event_calendar", args=[event.slug])))
    pages += _conversation_pages()
    return pages


def _conversation_pages():
    """The scale-level conversation: the open workshop board (a page never cached: it is
    live), its grid as the polling fetches it after a change, the compare page with three
    published boards and its htmx region."""
    pages = [Page("conversations", reverse("conversations:index"))]
    workshop = Board.objects.filter(code=dataset.WORKSHOP_CODE).first()
    if workshop:
        board = reverse("conversations:board", args=[workshop.code])
        poll = reverse("conversations:poll", args=[workshop.code])
        pages += [
            Page("conversation board", board),
            Page("conversation board fragment", f"{poll}?versie=0", "grid"),
        ]
    compared = list(compared_boards().order_by("pk").values_list("slug", flat=True)[:3])
    query = "&".join(f"bord{i}={slug}" for i, slug in enumerate(compared, start=1))
    compare = reverse("conversations:compare")
    pages += [
        Page("conversations compare", compare),
        Page("conversations compare chosen", f"{compare}?{query}" if query else compare),
        Page(
            "conversations compare fragment",
            f"{compare}?{query}" if query else compare,
            "side-by-side",
        ),
    ]
    return pages


def _middle(queryset):
    """A generated item from the middle of the list (by primary key), so neither end is
    favoured; any item when nothing was generated."""
    generated = queryset.filter(slug__startswith=dataset.PREFIX)
    if generated.exists():
        queryset = generated
    count = queryset.count()
    return queryset.order_by("pk")[count // 2] if count else None
