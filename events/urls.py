from django.urls import path, re_path

from events import views

app_name = "events"

urlpatterns = [
    path("agenda/", views.event_list, name="list"),
    path("agenda.ics", views.agenda_calendar, name="calendar"),
    path("agenda/afmelden/<str:token>/", views.cancel, name="cancel"),
    path("agenda/<slug:slug>/", views.event_detail, name="detail"),
    path("agenda/<slug:slug>/kalender.ics", views.event_calendar, name="event_calendar"),
    path("agenda/<slug:slug>/aanmelden/", views.register, name="register"),
    re_path(
        r"^agenda/(?P<slug>[-\w]+)/aanmelden/(?P<status>aangemeld|wachtlijst)/$",
        views.registered,
        name="registered",
    ),
]
