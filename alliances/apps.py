from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancesConfig(AppConfig):
    name = "alliances"
    verbose_name = _("Allianties en organisaties")

    def ready(self):
        from alliances.related import alliances_of
        from razon import related

        related.register("organization", alliances_of)

        from alliances.models import Alliance, Organization, Person
        from alliances.search import alliance_search_text, organization_search_text
        from razon import pagecache, search

        # A person is shown only when public: a change of one who is not (and was not as
        # loaded) refreshes no page.
        pagecache.register(Person, "people", shown_if={"is_public": True})

        search.register(Alliance, "alliantie", alliance_search_text)
        search.register(Organization, "organisatie", organization_search_text)

        from alliances.exports import ORGANIZATIONS
        from razon import exports

        exports.register(ORGANIZATIONS)
