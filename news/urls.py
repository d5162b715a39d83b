from django.urls import path

from news import feeds, views
from razon.pagecache import cached_page

app_name = "news"
feed = cached_page(depends_on=["news", "people", "sectors"])

urlpatterns = [
    path("berichten/", views.post_list, name="list"),
    path("berichten/feed/", feed(feeds.PostFeed()), name="feed"),
    path("berichten/feed/atom/", feed(feeds.AtomPostFeed()), name="feed_atom"),
    path("berichten/feed/<slug:kind>/", feed(feeds.PostFeed()), name="feed_kind"),
    path("berichten/feed/<slug:kind>/atom/", feed(feeds.AtomPostFeed()), name="feed_atom_kind"),
    path("berichten/<slug:slug>/", views.post_detail, name="detail"),
]
