from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from razon import pagecache, search


class Command(BaseCommand):
    help = (
        "Loads the demo content (the facts of the seed documents). Idempotent: running it "
        "again changes nothing. Each app keeps its own part in <app>/demo.py."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # The search index is rebuilt once after, and the page cache renewed once for every
        # topic touched, instead of both after each of the hundreds of saves.
        with search.deferred(), pagecache.batched():
            # INSTALLED_APPS lists the apps in dependency order, so lower apps load first.
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if config.name == "razon" or not find_spec(module_name):
                    continue
                changed = import_module(module_name).load()
                self.stdout.write(f"{config.label}: {changed} item(s) created or updated")
        call_command("rebuild_search_index", stdout=self.stdout)
