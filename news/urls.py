from django.urls import path

from news import feeds, views
from razon.pagecache import cached_page

app_name = "news"

urlpatterns = [
    path("berichten/", views.post_list, name="list"),
    path("berichten/feed/", cached_page(feeds.PostFeed()), name="feed"),
    path("berichten/feed/atom/", cached_page(feeds.AtomPostFeed()), name="feed_atom"),
    path("berichten/feed/<slug:kind>/", cached_page(feeds.PostFeed()), name="feed_kind"),
    path(
        "berichten/feed/<slug:kind>/atom/", cached_page(feeds.AtomPostFeed()), name="feed_atom_kind"
    ),
    path("berichten/<slug:slug>/", views.post_detail, name="detail"),
]
