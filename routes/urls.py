from django.urls import path

from routes import views
from routes.exports import ROUTES

app_name = "routes"

urlpatterns = [
    path("opleidingsroutes/", views.finder, name="finder"),
    path("opleidingsroutes/vergelijk/", views.compare, name="compare"),
    *ROUTES.urlpatterns(),  # export.csv and export.json (razon/exports.py)
    path("opleidingsroutes/<slug:slug>/", views.route_detail, name="detail"),
]
