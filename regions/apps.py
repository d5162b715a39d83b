from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regio-infrastructuur")

    def ready(self):
        from razon import related
        from regions.related import (
            education_regions_in,
            education_regions_of,
            education_regions_of_person,
            rap_projects_in,
            rap_projects_of,
        )

        related.register("organization", education_regions_of)
        related.register("organization", rap_projects_of)
        related.register("municipality", education_regions_in)
        related.register("municipality", rap_projects_in)
        related.register("person", education_regions_of_person)

        from razon import search
        from regions.models import EducationRegion, RAPProject
        from regions.search import education_region_search_text, rap_project_search_text

        search.register(EducationRegion, "onderwijsregio", education_region_search_text)
        search.register(RAPProject, "rap-project", rap_project_search_text)

        from regions import collaboration

        collaboration.register_rap_projects()
        search.also_index(EducationRegion, lambda region: [region.contact])

        from razon import exports
        from regions.exports import EDUCATION_REGIONS, RAP_PROJECTS

        exports.register(EDUCATION_REGIONS)
        exports.register(RAP_PROJECTS)
