from django.urls import path

from partnerships import views
from partnerships.filters import PartnershipFilter

app_name = "partnerships"

urlpatterns = [
    path("partnerschappen/", views.partnership_list, name="list"),
    path(
        "partnerschappen/export.csv", views.partnership_export, {"format": "csv"}, name="export_csv"
    ),
    path(
        "partnerschappen/export.json",
        views.partnership_export,
        {"format": "json"},
        name="export_json",
    ),
    path("partnerschappen/<slug:slug>/", views.partnership_detail, name="detail"),
    # The options of each facet with many (PartnershipFilter.searchable_facets).
    *(
        path(
            f"partnerschappen/kies/{facet}/",
            views.partnership_facet,
            {"facet": facet},
            name=f"facet_{facet}",
        )
        for facet in PartnershipFilter.searchable_facets
    ),
]
