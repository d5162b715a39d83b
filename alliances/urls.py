from django.urls import path

from alliances import views
from alliances.exports import ORGANIZATIONS

app_name = "alliances"

urlpatterns = [
    path("alliantie/", views.main_alliance, name="alliance"),
    path("allianties/<slug:slug>/", views.alliance_detail, name="detail"),
    path("organisaties/", views.organization_list, name="organizations"),
    *ORGANIZATIONS.urlpatterns(),  # organisaties/export.csv and .json (razon/exports.py)
    path("organisaties/<slug:slug>/", views.organization_detail, name="organization"),
]
