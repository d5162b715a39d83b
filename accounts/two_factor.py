"""TOTP two-factor authentication (django-otp): one authenticator-app device per staff member."""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator-app"


def confirmed_device(user):
    """The user's confirmed TOTP device, or None."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user):
    """The device being set up: unconfirmed until the user has typed one code from it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def verify(device, token):
    """True when the token is valid for the device; django-otp throttles repeated failures."""
    token = "".join(token.split())
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, _extra = device.verify_is_allowed()
        return bool(allowed and device.verify_token(token))


def qr_code(device):
    """The device's otpauth:// address as an SVG data URI (allowed by the CSP's img-src)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def secret(device):
    """The key in base32, for typing into the app by hand, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def needs_verification(request):
    """True when RAZON_REQUIRE_2FA keeps this staff member out of the admin until they have
    verified a code in this session."""
    # The path first: public pages never load the session's user for this check.
    return (
        settings.RAZON_REQUIRE_2FA
        and request.path.startswith(reverse("admin:index"))
        and request.path not in _exempt_paths()
        and request.user.is_authenticated
        and request.user.is_staff
        and not request.user.is_verified()
    )


def _exempt_paths():
    return {
        reverse("admin:login"),
        reverse("admin:logout"),
        reverse("admin:jsi18n"),
        reverse("two_factor"),
    }
