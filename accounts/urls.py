from django.urls import path

from accounts import views

urlpatterns = [
    path("admin/tweestapsverificatie/", views.two_factor_page, name="two_factor"),
]
