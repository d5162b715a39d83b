from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RazonConfig(AppConfig):
    name = "razon"
    verbose_name = _("Basis van de site")

    def ready(self):
        from razon import redirects  # noqa: F401  (connects the old-address receiver)
        from razon import pagecache

        pagecache.connect_signals()
