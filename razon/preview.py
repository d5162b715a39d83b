"""Previewing drafts and scheduled items on the site itself.

An editor gets a signed, expiring link to the item's own public address with
`?voorbeeld=<token>`. The detail views fetch their item with `get_public_or_preview`, so a
preview is rendered by exactly the view and template visitors will get; the page then shows
a "Voorbeeld" banner (base.html) and is marked noindex and never cached
(PreviewMiddleware). The token names one item and is only honoured for a logged-in staff
member with the admin's access (two-factor included) whom the item's admin allows to view
it; anyone else gets a clear 403, and a page without a token stays a 404 as long as the item
is not published."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import user_passes_test
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _

PARAMETER = "voorbeeld"
MAX_AGE = 24 * 3600  # a preview link works for one day
_SALT = "razon.preview"


def _object_key(obj):
    return f"{obj._meta.label_lower}:{obj.pk}"


def preview_token(obj):
    return signing.TimestampSigner(salt=_SALT).sign(_object_key(obj))


def preview_url(obj):
    """The item's public address with a preview token: valid for MAX_AGE seconds."""
    return f"{obj.get_absolute_url()}?{urlencode({PARAMETER: preview_token(obj)})}"


def has_staff_access(user):
    """What the admin asks of a user, for every staff-only page outside it too: active staff
    and, with RAZON_REQUIRE_2FA on, a code verified in this session (django-otp's middleware
    gives the request's user `is_verified`)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return not settings.RAZON_REQUIRE_2FA or _is_verified(user)


def _is_verified(user):
    is_verified = getattr(user, "is_verified", None)
    return is_verified is not None and is_verified()


# For staff-only views: anyone else is sent to the admin's login.
staff_required = user_passes_test(has_staff_access, login_url="admin:login")


def can_preview(user, obj):
    """A staff member with the admin's access whom the item's admin allows to view this item
    (permissions and any per-object limits of the admin's queryset)."""
    if not has_staff_access(user):
        return False
    if not admin.site.is_registered(type(obj)):
        opts = obj._meta
        return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    model_admin = admin.site.get_model_admin(type(obj))
    request = _UserRequest(user)
    return (
        model_admin.has_view_permission(request, obj)
        and model_admin.get_queryset(request).filter(pk=obj.pk).exists()
    )


class _UserRequest:
    """Enough of a request for ModelAdmin permission checks (they only look at the user)."""

    def __init__(self, user):
        self.user = user


def check_token(request, obj, token):
    """Raise PermissionDenied (with a message for the editor) unless the token is a valid,
    unexpired preview token for this very item and the user may view it."""
    try:
        key = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise PermissionDenied(
            _("Deze voorbeeldlink is verlopen. Open het item opnieuw in het beheer.")
        ) from None
    except signing.BadSignature:
        raise PermissionDenied(_("Deze voorbeeldlink is ongeldig.")) from None
    if key != _object_key(obj):
        raise PermissionDenied(_("Deze voorbeeldlink is ongeldig."))
    if not can_preview(request.user, obj):
        if request.user.is_staff and not has_staff_access(request.user):
            raise PermissionDenied(
                _("Vul eerst in het beheer de code uit je authenticator-app in.")
            )
        raise PermissionDenied(
            _("Een voorbeeld is alleen te zien als je bent ingelogd als redacteur.")
        )


def get_public_or_preview(request, queryset, **lookup):
    """The published item that matches `lookup`, as every detail page fetches it; with a
    valid preview token also a draft or scheduled item (marked on `request.preview`).

    `queryset` is the page's own queryset (joins and prefetches) without `.published()`."""
    try:
        return queryset.published().get(**lookup)
    except queryset.model.DoesNotExist:
        if not request.GET.get(PARAMETER):
            raise Http404 from None
    return preview_or_404(request, queryset.filter(**lookup).first())


def private_or_404(request, obj):
    """`obj` (visitors may not see it) for a staff member who may view it, without a token:
    for what has no page to show a banner on, such as a document an editor checks. Marked as
    a preview (private, noindex); a 404 for everyone else, as for visitors."""
    if obj is None or not can_preview(request.user, obj):
        raise Http404
    request.preview = obj
    return obj


def preview_or_404(request, obj):
    """`obj` (an item visitors may not see yet) for a valid preview request; otherwise a 404
    without a token, or a 403 that says what is wrong with the token."""
    token = request.GET.get(PARAMETER)
    if obj is None or not token:
        raise Http404
    check_token(request, obj, token)
    request.preview = obj
    return obj


class PreviewMiddleware:
    """A preview is private: never cached by anyone, never indexed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "preview", None) is not None:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True, no_store=True)
            response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response
