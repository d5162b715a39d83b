from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from contact.models import ContactMessage
        from contact.services import send_notification
        from razon import mail

        mail.register(
            "contact notifications",
            owed=ContactMessage.objects.awaiting_notification,
            attempts_field="notify_attempts",
            send=send_notification,
        )
