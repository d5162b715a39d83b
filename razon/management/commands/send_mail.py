from django.core.management.base import BaseCommand

from razon import mail


class Command(BaseCommand):
    help = (
        "Sends every mail that is owed (contact notifications, registration mails), failed "
        "ones included, once. `mail_worker` does so continuously."
    )

    def handle(self, *args, **options):
        sent, failed = mail.send_owed()
        self.stdout.write(f"{sent} sent, {failed} failed")
