from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlliancesConfig(AppConfig):
    name = "alliances"
    verbose_name = _("Allianties en organisaties")

    def ready(self):
        from alliances.related import alliances_of, alliances_of_person, board_of, schools_of
        from razon import related

        related.register("organization", board_of)
        related.register("organization", schools_of)
        related.register("organization", alliances_of)
        related.register("person", alliances_of_person)

        from alliances.models import Alliance, AllianceContact, Organization, Person
        from alliances.search import (
            alliance_search_text,
            organization_search_text,
            person_search_text,
        )
        from razon import pagecache, search

        # A person is shown only when public: a change of one who is not (and was not as
        # loaded) refreshes no page.
        pagecache.register(Person, "people", shown_if={"is_public": True})

        search.register(Alliance, "alliantie", alliance_search_text)
        search.register(Organization, "organisatie", organization_search_text)
        search.register(Person, "persoon", person_search_text, has_page=False)
        # A person's entry names their organisation and the places they appear.
        search.also_index(Organization, lambda organization: organization.people.all())
        search.also_index(Alliance, lambda alliance: alliance.contacts.all())
        search.also_index(AllianceContact, lambda contact: [contact.person])

        from alliances.exports import ORGANIZATIONS
        from razon import exports

        exports.register(ORGANIZATIONS)
