from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from contact.models import ContactMessage


class Command(BaseCommand):
    help = (
        "Deletes contact messages older than the retention period (AVG); "
        "RAZON_CONTACT_RETENTION_MONTHS, default 12. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.RAZON_CONTACT_RETENTION_MONTHS,
            help="Retention period in months (a month counted as 30 days).",
        )

    def handle(self, *args, months, **options):
        cutoff = timezone.now() - timedelta(days=30 * months)
        deleted = ContactMessage.objects.older_than(cutoff).erase()
        self.stdout.write(
            f"Deleted {deleted} contact message(s) received before {cutoff:%Y-%m-%d}."
        )
