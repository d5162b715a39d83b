from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RazonConfig(AppConfig):
    name = "razon"
    verbose_name = _("Basis van de site")

    def ready(self):
        from razon import (
            pagecache,
            redirects,  # noqa: F401  (its receiver records old addresses)
        )

        pagecache.connect_signals()
