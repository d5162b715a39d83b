from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerschappen")

    def ready(self):
        from partnerships.related import (
            partnerships_in_municipality,
            partnerships_in_region,
            partnerships_of,
            partnerships_of_person,
            partnerships_of_rap_project,
            rap_projects_of_partnership,
        )
        from razon import related

        related.register("organization", partnerships_of)
        related.register("education_region", partnerships_in_region)
        related.register("municipality", partnerships_in_municipality)
        related.register("person", partnerships_of_person)
        related.register("rap_project", partnerships_of_rap_project)
        related.register("partnership", rap_projects_of_partnership)

        from partnerships.models import Partnership, PartnershipContact
        from partnerships.search import partnership_search_text
        from razon import search

        search.register(Partnership, "partnerschap", partnership_search_text)

        from partnerships import maps

        maps.register()

        from partnerships.related import partnership_collaboration
        from regions import collaboration

        collaboration.register(partnership_collaboration())
        search.also_index(Partnership, lambda partnership: list(partnership.contacts.all()))
        search.also_index(PartnershipContact, lambda contact: [contact.person])

        from partnerships.exports import PARTNERSHIPS
        from razon import exports

        exports.register(PARTNERSHIPS)
