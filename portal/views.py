"""The site-shell pages that read every app: the home page (what RA-ZON is in one glance: key
figures, a small regiokaart, the next events, the latest posts, the three institutes).
portal/ sits on top of the content apps and may import any of them; razon/'s building blocks
import none. Pages that gather content through razon's registries (search, sitemap, the
menu) stay in razon."""

from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.models import Alliance, FocusPoint, Organization
from events.models import Event
from news.models import Post
from portal.figures import key_figures
from razon.pagecache import cached_page
from regions import regiokaart

HOME_POSTS = 3
HOME_EVENTS = 3


@require_safe
@cached_page(depends_on=["alliances", "events", "news", "partnerships", "regions", "sectors"])
def home(request):
    alliance = (
        Alliance.objects.published()
        .main()
        .annotate(**key_figures())
        .prefetch_related(
            Prefetch(
                "lead_institutes",
                queryset=Organization.objects.published().with_main_sector().order_by("name"),
            ),
            Prefetch(
                "focus_points",
                queryset=FocusPoint.objects.filter(parent__isnull=True),
                to_attr="top_focus_points",
            ),
        )
        .first()
    )
    return render(
        request,
        "portal/home.html",
        {
            "alliance": alliance,
            "map_thumbnail": regiokaart.thumbnail_markup() if alliance else "",
            "latest_posts": Post.objects.published().for_cards()[:HOME_POSTS],
            "upcoming_events": Event.objects.published().upcoming().for_cards()[:HOME_EVENTS],
        },
    )
