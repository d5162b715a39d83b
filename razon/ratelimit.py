"""A fixed-window rate limit per client, kept in the cache so that it holds across app
servers (Redis in production). Clients are known only by a salted hash of their address."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from razon.cache import warn_throttled


def client_address(request):
    """The client's address: REMOTE_ADDR, or the one the trusted proxies say they saw
    (TRUSTED_PROXY_COUNT). Also how django-axes tells clients apart at the login."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.TRUSTED_PROXY_COUNT:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
            address = forwarded[-settings.TRUSTED_PROXY_COUNT]
    return address


def client_fingerprint(request):
    """A salted hash of the client's address; the raw address is never stored."""
    return _fingerprint(client_address(request))


def _fingerprint(value):
    salted = f"{settings.SECRET_KEY}:{value}".encode()
    return hashlib.sha256(salted).hexdigest()[:32]


def limit_reached(request, scope, *, limit, window):
    """Counts this request against the client's budget for `scope`; True when over it.

    When the cache cannot be reached the request is let through (fails open, with a
    warning): a visitor's message or registration matters more than the limit, and the bot
    trap of the forms still holds."""
    return _counted_over(scope, client_fingerprint(request), limit=limit, window=window)


def subject_limit_reached(scope, subject, *, limit, window):
    """The same, with a budget per `subject` whichever client asks (e.g. one e-mail address
    asked for from many addresses), known only by its salted hash. Fails open too."""
    return _counted_over(scope, _fingerprint(subject), limit=limit, window=window)


def _counted_over(scope, identity, *, limit, window):
    key = f"ratelimit:{scope}:{identity}"
    try:
        if cache.add(key, 1, timeout=window):
            return limit < 1
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=window)
            count = 1
    except Exception as error:
        warn_throttled("Rate limit %r not checked, cache unavailable: %r", scope, error)
        return False
    return count > limit
