from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from accounts import password_reset, two_factor
from accounts.forms import StaffPasswordResetForm, StaffSetPasswordForm, TokenForm


@never_cache
@staff_member_required
def two_factor_page(request):
    """Set up two-factor authentication (scan the QR code, type one code), or, with a device
    already set up, verify a code for this session."""
    device = two_factor.confirmed_device(request.user)
    setting_up = device is None
    if setting_up:
        device = two_factor.pending_device(request.user)
    verified = not setting_up and request.user.is_verified()
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and not verified and form.is_valid():
        if setting_up:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            messages.success(request, _("Tweestapsverificatie staat aan."))
        otp_login(request, device)
        return redirect(_next_url(request))
    context = {
        **admin.site.each_context(request),
        "title": _("Tweestapsverificatie"),
        "form": form,
        "setting_up": setting_up,
        "verified": verified,
        "next": _next_url(request),
    }
    if setting_up:
        context.update(qr_code=two_factor.qr_code(device), secret=two_factor.secret(device))
    return TemplateResponse(request, "accounts/two_factor.html", context)


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, {request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("admin:index")


def lockout(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE): status 429 and a
    Dutch page that says why and for how long."""
    return TemplateResponse(
        request,
        "accounts/lockout.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        },
        status=429,
    ).render()


class AdminLookMixin:
    """Django's password views in the admin's frame: its header, title and theme."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordResetView(AdminLookMixin, auth_views.PasswordResetView):
    """Django's "forgotten password" page, staff only, the mail left to the worker, and the
    same answer whether or not the address has an account. Over the limit (per client, per
    address) the page says so and nothing is recorded."""

    form_class = StaffPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")
    title = gettext_lazy("Wachtwoord vergeten")

    def form_valid(self, form):
        if password_reset.limit_reached_for(self.request, form.cleaned_data["email"]):
            context = self.get_context_data(
                form=form,
                rate_limited=True,
                rate_window_minutes=settings.RAZON_PASSWORD_RESET_RATE_WINDOW // 60,
            )
            return self.render_to_response(context, status=429)
        return super().form_valid(form)


class PasswordResetDoneView(AdminLookMixin, auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"
    title = gettext_lazy("Wachtwoord vergeten")


class PasswordResetConfirmView(AdminLookMixin, auth_views.PasswordResetConfirmView):
    """Django's page behind the link in the mail. A new password also lifts a lockout of the
    account's name (the mail proved who asked); the login still asks for the two-factor code,
    and nobody is logged in here."""

    form_class = StaffSetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")
    reset_url_token = "nieuw-wachtwoord"
    title = gettext_lazy("Nieuw wachtwoord")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["validlink"]:
            context["title"] = _("Deze link werkt niet (meer)")
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_login_failures(username=form.user.get_username())
        return response


class PasswordResetCompleteView(AdminLookMixin, auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
    title = gettext_lazy("Nieuw wachtwoord")
