from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Schaalniveau-gesprekken")

    def ready(self):
        from conversations.models import Board, ScaleLevel
        from conversations.related import boards_of_region
        from conversations.services import send_manage_link_mail
        from razon import mail, pagecache, related

        # The management link, mailed by the worker beside the site (razon/mail.py).
        mail.register(
            "conversation management links",
            owed=Board.objects.awaiting_mail,
            send=send_manage_link_mail,
            attempts_field="mail_attempts",
            error_field="mail_error",
            claim_field="mail_claimed_at",
        )
        # Published boards show on an onderwijsregio's page and on the compare page (cached
        # under the topic "conversations"). A board's save (start, publish, unpublish, an
        # edit in the admin) renews it; cards, +1s and comments refresh nothing (they are on
        # no cached page, and a workshop writes many at once), nor do the UPDATEs of touch().
        pagecache.register(Board, "conversations")
        pagecache.register(ScaleLevel, "conversations")  # the compare page's columns
        related.register("education_region", boards_of_region)
