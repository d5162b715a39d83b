from django.core.management.base import BaseCommand

from razon.roles import role_permissions, sync_roles


class Command(BaseCommand):
    help = (
        "Creates the back-office roles (Projectleider, Redacteur, Partnerschapsredacteur, "
        "Secretariaat) as groups and gives each exactly its permissions (razon/roles.py). "
        "Idempotent; `migrate` does the same."
    )

    def handle(self, *args, **options):
        sync_roles()
        for role, permissions in role_permissions().items():
            self.stdout.write(f"{role}: {len(permissions)} permission(s)")
