from django.urls import path

from regions import views
from regions.exports import EDUCATION_REGIONS, RAP_PROJECTS
from regions.filters import RegionalFilterSet

app_name = "regions"

urlpatterns = [
    path("regio/", views.overview, name="overview"),
    path("regio/kaart/", views.regiokaart_view, name="map"),
    path("onderwijsregios/", views.education_region_list, name="education_regions"),
    *EDUCATION_REGIONS.urlpatterns(),  # export.csv and export.json (razon/exports.py)
    path(
        "onderwijsregios/<slug:slug>/",
        views.education_region_detail,
        name="education_region",
    ),
    path("rap-projecten/", views.rap_project_list, name="rap_projects"),
    *RAP_PROJECTS.urlpatterns(),
    path("rap-projecten/<slug:slug>/", views.rap_project_detail, name="rap_project"),
    # The options of each facet with many (RegionalFilterSet.searchable_facets).
    *(
        path(f"{prefix}/kies/{facet}/", view, {"facet": facet}, name=f"{name}_facet_{facet}")
        for prefix, view, name in [
            ("onderwijsregios", views.education_region_facet, "education_region"),
            ("rap-projecten", views.rap_project_facet, "rap_project"),
        ]
        for facet in RegionalFilterSet.searchable_facets
    ),
]
