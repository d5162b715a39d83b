from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regio-infrastructuur")

    def ready(self):
        from alliances import collaborations
        from regions.models import education_regions_of, rap_projects_of

        collaborations.register(education_regions_of)
        collaborations.register(rap_projects_of)
