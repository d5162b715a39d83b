from django.urls import path

from accounts import views

urlpatterns = [
    path("admin/tweestapsverificatie/", views.two_factor_page, name="two_factor"),
    # A forgotten password. The admin's login links to the URL named admin_password_reset.
    path(
        "admin/wachtwoord-vergeten/",
        views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "admin/wachtwoord-vergeten/verstuurd/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/wachtwoord-vergeten/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/wachtwoord-vergeten/klaar/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
