from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events.models import Event
        from events.search import event_search_text
        from razon import search

        search.register(Event, "bijeenkomst", event_search_text)
