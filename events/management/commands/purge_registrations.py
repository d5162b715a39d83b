from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from events.models import Registration


class Command(BaseCommand):
    help = (
        "Erases the personal data of registrations (waiting list included) of events that "
        "ended longer ago than the retention period (AVG): RAZON_REGISTRATION_RETENTION_DAYS, "
        "default 56. The registrations stay, anonymised, so every count stays the same. Run "
        "it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RAZON_REGISTRATION_RETENTION_DAYS,
            help="Retention period in days after the event's end.",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days cannot be negative: that would erase coming events.")
        cutoff = timezone.now() - timedelta(days=days)
        erased = Registration.objects.of_events_ended_before(cutoff).erase_personal_data()
        self.stdout.write(
            f"Erased the personal data of {erased} registration(s) of events that ended "
            f"before {cutoff:%Y-%m-%d}; the counts stay."
        )
