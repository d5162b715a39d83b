from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from news import feeds
from news.filters import PostFilter
from news.models import Post
from news.schema import post_schema
from razon.pagecache import cached_page
from razon.pagination import next_page, paginate
from razon.partials import OVERVIEW_PARTIALS, render_page
from razon.preview import get_public_or_preview

PER_PAGE = 10


@require_safe
@cached_page(depends_on=["news", "people", "sectors"])
def post_list(request):
    filterset = PostFilter(
        request.GET, queryset=Post.objects.published().for_list(), request=request
    )
    page = paginate(request, filterset.qs, PER_PAGE)
    return render_page(
        request,
        "news/post_list.html",
        {
            "filterset": filterset,
            "page": page,
            "next_page": next_page(page),
            "feeds": feeds.alternates(filterset.selected_kind()),
            "breadcrumbs": [(_("Berichten"), request.path)],
        },
        partials=[*OVERVIEW_PARTIALS, "more"],
    )


@require_safe
@cached_page(
    depends_on=["alliances", "events", "news", "partnerships", "people", "regions", "sectors"]
)
def post_detail(request, slug):
    post = get_public_or_preview(request, Post.objects.for_page(), slug=slug)
    return render(
        request,
        "news/post_detail.html",
        {
            "post": post,
            "related_posts": Post.objects.published().related_to(post),
            "schema": post_schema(post, request.build_absolute_uri),
            "feeds": feeds.alternates(),
            "breadcrumbs": [
                (_("Berichten"), reverse("news:list")),
                (post.title, post.get_absolute_url()),
            ],
        },
    )
