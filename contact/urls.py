from django.urls import path

from contact import views

app_name = "contact"

urlpatterns = [
    path("contact/", views.contact, name="form"),
    path("contact/verzonden/", views.thanks, name="thanks"),
]
