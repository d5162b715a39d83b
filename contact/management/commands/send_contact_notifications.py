from django.core.management.base import BaseCommand

from contact.services import send_pending_notifications


class Command(BaseCommand):
    help = (
        "Sends the notifications of contact messages that could not be mailed yet (for "
        "example because the mail server was down). Run it every few minutes from cron."
    )

    def handle(self, *args, **options):
        sent, failed = send_pending_notifications()
        self.stdout.write(f"{sent} notification(s) sent, {failed} still pending.")
