from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regio-infrastructuur")

    def ready(self):
        from razon import related
        from regions.related import education_regions_of, rap_projects_of

        related.register("organization", education_regions_of)
        related.register("organization", rap_projects_of)

        from razon import search
        from regions.models import EducationRegion, RAPProject
        from regions.search import education_region_search_text, rap_project_search_text

        search.register(EducationRegion, "onderwijsregio", education_region_search_text)
        search.register(RAPProject, "rap-project", rap_project_search_text)

        from razon import exports
        from regions.exports import EDUCATION_REGIONS, RAP_PROJECTS

        exports.register(EDUCATION_REGIONS)
        exports.register(RAP_PROJECTS)
