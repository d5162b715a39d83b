from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("berichten/", views.post_list, name="list"),
    path("berichten/feed/", feeds.PostFeed(), name="feed"),
    path("berichten/feed/atom/", feeds.AtomPostFeed(), name="feed_atom"),
    path("berichten/feed/<slug:kind>/", feeds.PostFeed(), name="feed_kind"),
    path("berichten/feed/<slug:kind>/atom/", feeds.AtomPostFeed(), name="feed_atom_kind"),
    path("berichten/<slug:slug>/", views.post_detail, name="detail"),
]
