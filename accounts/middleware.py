from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.two_factor import needs_verification


class TwoFactorMiddleware:
    """With RAZON_REQUIRE_2FA on, sends a staff member who has not verified a code in this
    session to the two-factor page (set up or verify) before any admin page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_verification(request):
            return redirect(f"{reverse('two_factor')}?{urlencode({'next': request.path})}")
        return self.get_response(request)
