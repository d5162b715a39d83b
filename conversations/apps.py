from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "conversations"
    verbose_name = _("Schaalniveau-gesprekken")

    def ready(self):
        from conversations.models import Board, ScaleLevel
        from conversations.personal_data import describe_board
        from conversations.related import boards_of_region
        from conversations.services import send_manage_link_mail
        from razon import mail, pagecache, personal_data, related

        # The management link, mailed by the worker beside the site (razon/mail.py).
        mail.register(
            "conversation management links",
            owed=Board.objects.awaiting_mail,
            send=send_manage_link_mail,
            attempts_field="mail_attempts",
            error_field="mail_error",
            claim_field="mail_claimed_at",
        )
        # The facilitator's address, for the AVG tool (privacy/).
        personal_data.register(
            "conversation boards",
            label=_("Schaalniveau-gesprekken (begeleider)"),
            find=Board.objects.for_email,
            describe=describe_board,
            erase=lambda boards: boards.erase_facilitator(),
            erasing=_(
                "Het e-mailadres van de begeleider wordt gewist; het bord, de kaartjes en de "
                "beheerlink blijven werken."
            ),
        )
        # Published boards show on an onderwijsregio's page and on the compare page, the
        # example board on the start page (cached under the topic "conversations"). A board's
        # save (start, publish, unpublish, an edit in the admin) renews it. Cards, +1s and
        # comments are not registered (a workshop writes many at once, and no cached page
        # shows an open board): what changes them calls Board.touch(), which renews the topic
        # for a published or example board.
        pagecache.register(Board, "conversations")
        pagecache.register(ScaleLevel, "conversations")  # the compare page's columns
        related.register("education_region", boards_of_region)
