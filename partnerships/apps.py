from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerschappen")

    def ready(self):
        from alliances import collaborations
        from partnerships.models import partnerships_of

        collaborations.register(partnerships_of)
