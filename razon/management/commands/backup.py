from django.core.management.base import BaseCommand, CommandError

from razon.backup import BackupError, back_up


class Command(BaseCommand):
    help = (
        "Backs up the database and the uploaded files (MEDIA_ROOT) into a folder: "
        "database.dump (PostgreSQL) or database.sqlite3 (SQLite), and media.tar.gz. "
        "Safe while the site runs. Restore with `restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to write the backup (made if missing)")

    def handle(self, *args, folder, **options):
        try:
            files = back_up(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for path in files:
            self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
