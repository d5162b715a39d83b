from django.core.management.base import BaseCommand
from django.db import transaction

from razon import search


class Command(BaseCommand):
    help = (
        "Refills the site search index from every registered model (razon/search.py). "
        "Saves and deletes keep it in step; run this after bulk changes or imports."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        count = search.rebuild()
        self.stdout.write(f"Search index rebuilt: {count} item(s).")
