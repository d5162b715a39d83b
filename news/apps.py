from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Berichten")

    def ready(self):
        from news import related as news
        from razon import related

        related.register("event", news.posts_about_event)
        related.register("partnership", news.posts_about_partnership)
        related.register("education_region", news.posts_about_region)
        related.register("rap_project", news.posts_about_rap_project)
        related.register("organization", news.posts_about_organization)
        related.register("person", news.posts_by_person)

        from alliances.models import Person
        from news.models import Post
        from news.search import post_search_text
        from razon import search

        search.register(Post, "bericht", post_search_text)
        # A post's entry names its author; the author's entry lists their posts.
        search.also_index(Post, lambda post: [post.author])
        search.also_index(Person, lambda person: person.posts.all())
