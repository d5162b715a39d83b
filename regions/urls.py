from django.urls import path

from regions import views

app_name = "regions"

urlpatterns = [
    path("regio/", views.overview, name="overview"),
    path("regio/kaart/", views.regiokaart_view, name="map"),
    path("onderwijsregios/", views.education_region_list, name="education_regions"),
    path(
        "onderwijsregios/<slug:slug>/",
        views.education_region_detail,
        name="education_region",
    ),
    path("rap-projecten/", views.rap_project_list, name="rap_projects"),
    path("rap-projecten/<slug:slug>/", views.rap_project_detail, name="rap_project"),
]
