from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The secretariat's tool for one person's data (AVG): look up, export and erase what the
    apps registered with razon/personal_data.py hold for an e-mail address, and the log of
    every request."""

    name = "privacy"
    verbose_name = _("Privacy (AVG)")
