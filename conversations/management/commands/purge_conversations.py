from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from conversations.models import Board, Card


def idle_boards(days, now=None):
    """Boards without activity (no card, move, +1, comment or facilitator action) for more
    than `days` days. Published boards (on an onderwijsregio's page and the compare page) and
    example boards are kept: they are the outcome others read."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return Board.objects.filter(last_activity_at__lt=cutoff, is_published=False, is_example=False)


class Command(BaseCommand):
    help = (
        "Deletes scale-level conversation boards without activity for longer than "
        "RAZON_CONVERSATION_IDLE_DAYS (default 90) with their cards, +1s and comments; "
        "published and example boards are kept. Run it daily (razon-daily.timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.RAZON_CONVERSATION_IDLE_DAYS,
            help="Days without activity after which a board is deleted.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        boards = idle_boards(days)
        if dry_run:
            self.stdout.write(f"Would delete {boards.count()} board(s) idle for {days}+ days.")
            return
        with transaction.atomic():
            # A card's level is protected (a level with cards is never removed by itself):
            # the cards go first, then the boards with their levels.
            Card.objects.filter(board__in=boards).delete()
            _deleted, per_model = boards.delete()
        count = per_model.get(Board._meta.label, 0)
        self.stdout.write(f"Deleted {count} board(s) idle for more than {days} days.")
