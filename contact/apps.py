from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from contact.models import ContactMessage
        from contact.personal_data import describe_message
        from contact.services import send_notification
        from razon import mail, personal_data

        mail.register(
            "contact notifications",
            owed=ContactMessage.objects.awaiting_notification,
            send=send_notification,
            attempts_field="notify_attempts",
            error_field="notify_error",
            claim_field="notify_claimed_at",
        )
        personal_data.register(
            "contact messages",
            label=_("Contactberichten"),
            find=ContactMessage.objects.for_email,
            describe=describe_message,
            erase=lambda messages: messages.erase(),
            erasing=_("Worden verwijderd."),
        )
