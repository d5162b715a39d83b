from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RazonConfig(AppConfig):
    name = "razon"
    verbose_name = _("Basis van de site")

    def ready(self):
        from razon import (
            collation,  # noqa: F401  (registers the Dutch order's function on SQLite)
            pagecache,
            redirects,  # noqa: F401  (its receiver records old addresses)
            secretariat,
        )
        from razon.roles import sync_roles_after_migrate

        pagecache.connect_signals()
        secretariat.connect_signals()

        # The roles follow the models: every migrate brings their permissions up to date.
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="razon.sync_roles")
