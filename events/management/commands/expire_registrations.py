from django.core.management.base import BaseCommand

from events.services import expire_unconfirmed


class Command(BaseCommand):
    help = (
        "Deletes the registrations whose confirmation link expired unused "
        "(RAZON_REGISTRATION_CONFIRM_HOURS, or registration closed): nobody consented to "
        "them (AVG). Run it hourly from cron."
    )

    def handle(self, *args, **options):
        deleted = expire_unconfirmed()
        self.stdout.write(f"Deleted {deleted} unconfirmed registration(s).")
