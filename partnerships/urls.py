from django.urls import path

from partnerships import views
from partnerships.exports import PARTNERSHIPS
from partnerships.filters import PartnershipFilter

app_name = "partnerships"

urlpatterns = [
    path("partnerschappen/", views.partnership_list, name="list"),
    *PARTNERSHIPS.urlpatterns(),  # export.csv and export.json (razon/exports.py)
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
