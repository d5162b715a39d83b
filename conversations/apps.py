from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Schaalniveau-gesprekken")

    def ready(self):
        from conversations.models import Board
        from conversations.services import send_manage_link_mail
        from razon import mail

        # The management link, mailed by the worker beside the site (razon/mail.py).
        mail.register(
            "conversation management links",
            owed=Board.objects.awaiting_mail,
            send=send_manage_link_mail,
            attempts_field="mail_attempts",
            error_field="mail_error",
            claim_field="mail_claimed_at",
        )
