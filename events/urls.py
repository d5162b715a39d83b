from django.urls import path

from events import views
from events.exports import AGENDA

app_name = "events"

urlpatterns = [
    path("agenda/", views.event_list, name="list"),
    path("agenda.ics", views.agenda_calendar, name="calendar"),
    *AGENDA.urlpatterns(),  # agenda/export.csv and .json (razon/exports.py)
    path("agenda/afmelden/<str:token>/", views.cancel, name="cancel"),
    path("agenda/<slug:slug>/", views.event_detail, name="detail"),
    path("agenda/<slug:slug>/kalender.ics", views.event_calendar, name="event_calendar"),
    path("agenda/<slug:slug>/aanmelden/", views.register, name="register"),
    path("agenda/<slug:slug>/aanmelden/verstuurd/", views.registered, name="registered"),
    # After the event's routes: a token is never "aanmelden" or "kalender.ics".
    path("agenda/bevestigen/<str:token>/", views.confirm, name="confirm"),
]
