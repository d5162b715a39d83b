from django.core.management.base import BaseCommand, CommandError

from razon.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restores a backup made by `backup` into the database and MEDIA_ROOT the settings "
        "name. Meant for a new, empty database (PostgreSQL: create it first with createdb) "
        "and an empty MEDIA_ROOT; --replace overwrites what is there."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup's folder")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the tables and files already in the database and MEDIA_ROOT",
        )

    def handle(self, *args, folder, replace, **options):
        try:
            restore(folder, replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {folder}.")
