from django.core.management.base import BaseCommand

from events.services import send_pending_mails


class Command(BaseCommand):
    help = "Sends the registration e-mails that could not be sent yet (run every few minutes)."

    def handle(self, *args, **options):
        sent, failed = send_pending_mails()
        self.stdout.write(f"{sent} sent, {failed} failed")
