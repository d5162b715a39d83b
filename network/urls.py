from django.urls import path

from network import views

app_name = "network"

urlpatterns = [
    path("netwerk/", views.network_view, name="network"),
]
