from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events.models import Event, Registration
        from events.search import event_search_text
        from events.services import send_registration_mail
        from razon import mail, search

        search.register(Event, "bijeenkomst", event_search_text)
        mail.register(
            "registration mails",
            owed=Registration.objects.awaiting_mail,
            attempts_field="mail_attempts",
            send=send_registration_mail,
        )
