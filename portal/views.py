"""The site-shell pages that read every app: the home page (the main alliance, the sections,
the latest posts, the next events). portal/ sits on top of the content apps and may import
any of them; razon/'s building blocks import none. Pages that gather content through
razon's registries (search, sitemap, the menu) stay in razon."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from alliances.models import Alliance
from events.models import Event
from news.models import Post
from razon import navigation
from razon.pagecache import cached_page

HOME_POSTS = 3
HOME_EVENTS = 3


@require_safe
@cached_page(depends_on=["alliances", "events", "news", "people"])
def home(request):
    alliance = Alliance.objects.published().main().for_page().first()
    return render(
        request,
        "portal/home.html",
        {
            "alliance": alliance,
            "sections": navigation.sections(),
            "latest_posts": Post.objects.published().for_cards()[:HOME_POSTS],
            "upcoming_events": Event.objects.published().upcoming()[:HOME_EVENTS],
        },
    )
