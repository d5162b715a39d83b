from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from accounts import two_factor
from accounts.forms import TokenForm


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
