from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "routes"
    verbose_name = _("Opleidingsroutes")

    def ready(self):
        from razon import exports, pagecache, related, search
        from routes import related as routes_related
        from routes.exports import ROUTES
        from routes.models import Route
        from routes.search import route_search_text

        related.register("organization", routes_related.routes_of_institute)
        related.register("partnership", routes_related.routes_of_partnership)
        related.register("event", routes_related.routes_of_event)
        search.register(Route, "opleidingsroute", route_search_text)
        exports.register(ROUTES)
        # Not one of the page cache's first content apps: a route, and each of its relations,
        # renews the pages of the topic "routes".
        pagecache.register(Route, "routes")
        for field in ("institutes", "partnerships", "events", "posts"):
            pagecache.register(getattr(Route, field).through, "routes")
