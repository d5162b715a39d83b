"""What the benchmark (`make bench`, bench/run.py) needs inside the site: the list of public
pages it measures, and, only when RAZON_BENCH is on, a bare baseline view and a header with
the number of SQL queries each response ran. None of it is reachable on the public site."""

from dataclasses import dataclass

from django.db import connection
from django.shortcuts import render
from django.urls import reverse

from alliances.models import Alliance, Organization
from events.models import Event
from news.models import Post
from partnerships.models import Partnership
from razon import benchdata
from regions.models import EducationRegion, RAPProject

QUERY_COUNT_HEADER = "X-Bench-Queries"


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
        Page("agenda", reverse("events:list")),
        Page("agenda filtered", reverse("events:list") + "?sector=po&soort=webinar"),
        Page("agenda fragment", reverse("events:list") + "?sector=vo", "results"),
        Page("posts", reverse("news:list")),
        Page("posts filtered", reverse("news:list") + "?soort=blog&sector=po"),
        Page("posts fragment", reverse("news:list") + "?soort=nieuws", "results"),
        Page("posts more fragment", reverse("news:list") + "?pagina=2", "more"),
        Page("search", reverse("search") + "?zoek=samen+opleiden"),
        Page("search fragment", reverse("search") + "?zoek=partnerschap", "results"),
        Page("contact", reverse("contact:form")),
        Page("contact fragment", reverse("contact:form"), "contact-form"),
        Page("privacy", reverse("privacy")),
        Page("feed RSS", reverse("news:feed")),
        Page("feed Atom", reverse("news:feed_atom")),
        Page("agenda.ics", reverse("events:calendar")),
    ]
    details = [
        ("alliance detail", alliance),
        ("organization detail", organization),
        ("onderwijsregio detail", region),
        ("RAP project detail", project),
        ("partnership detail", partnership),
        ("event detail", event),
        ("post detail", post),
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
    if event:
        pages.append(Page("event registration", reverse("events:register", args=[event.slug])))
        pages.append(Page("event calendar", reverse("events:event_calendar", args=[event.slug])))
    return pages


def _middle(queryset):
    """A generated item from the middle of the list (by primary key), so neither end is
    favoured; any item when nothing was generated."""
    generated = queryset.filter(slug__startswith=benchdata.PREFIX)
    if generated.exists():
        queryset = generated
    count = queryset.count()
    return queryset.order_by("pk")[count // 2] if count else None


def baseline(request):
    """The benchmark's yardstick: a bare Django view rendering a small template, served by
    the same process and middleware as the pages. Routed only when RAZON_BENCH is on."""
    return render(request, "bench/baseline.html", {"title": "Baseline"})


class QueryCountMiddleware:
    """Adds the number of SQL queries a response ran as a header (benchmark mode only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        response[QUERY_COUNT_HEADER] = str(count)
        return response
