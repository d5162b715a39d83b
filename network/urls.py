from django.urls import path

from network import views
from network.filters import NetworkFilter

app_name = "network"

urlpatterns = [
    path("netwerk/", views.network_view, name="network"),
    # The options of each facet with many (NetworkFilter.searchable_facets).
    *(
        path(f"netwerk/kies/{facet}/", views.network_facet, {"facet": facet}, name=f"facet_{facet}")
        for facet in NetworkFilter.searchable_facets
    ),
]
