from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    # Inside the admin (its login, two-factor and styling); before its catch-all.
    path("admin/avg-verzoek/", views.data_request, name="data_request"),
]
