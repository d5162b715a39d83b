from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerschappen")

    def ready(self):
        from partnerships.related import partnerships_in_region, partnerships_of
        from razon import related

        related.register("organization", partnerships_of)
        related.register("education_region", partnerships_in_region)

        from partnerships.models import Partnership
        from partnerships.search import partnership_search_text
        from razon import search

        search.register(Partnership, "partnerschap", partnership_search_text)

        from partnerships.exports import PARTNERSHIPS
        from razon import exports

        exports.register(PARTNERSHIPS)
