"""`manage.py setup_demo`, run by `make run`: the demo content on an empty database
(`load_demo`) and the demo admin account. In portal/ because it reads an app's content."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand

from alliances.models import Alliance

DEMO_USERNAME = "admin"


class Command(BaseCommand):
    help = (
        "First-run set-up for the demo site: loads the demo content when the database has "
        "none, and creates the demo admin account, printing its password once."
    )

    def handle(self, *args, **options):
        if Alliance.objects.exists():
            self.stdout.write("Demo content already present; left as it is.")
        else:
            call_command("load_demo", stdout=self.stdout)

        User = get_user_model()
        if User.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(
                f"Demo admin account '{DEMO_USERNAME}' exists (its password was printed on "
                "the first run; reset it with `manage.py changepassword admin`)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(DEMO_USERNAME, "admin@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                "\n  Demo admin account created (shown only this once):\n"
                f"    http://127.0.0.1:8000/admin/\n"
                f"    username: {DEMO_USERNAME}\n"
                f"    password: {password}\n"
            )
        )
