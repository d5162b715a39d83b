"""What goes on the wire: compression, validators and Cache-Control (issue #21, part 6).

- **Compression** (`CompressionMiddleware`): text responses (HTML, feeds, calendars, CSV,
  JSON, XML, the sitemap) are gzipped for a client that accepts it, when
  RAZON_COMPRESS_RESPONSES is on (the default; turn it off behind a proxy that compresses).
  Files (documents, images, whitenoise's static files, which are precompressed) are left
  alone. Django's GZipMiddleware adds random bytes to each gzip header against BREACH, and
  the CSRF token in a page is masked afresh for every response (also a page from the page
  cache: `pagecache._personalised` calls `get_token`), so a reflected search word can never
  be used to guess it (docs/decisions.md). Nothing is compressed for a request with a
  session (staff): the admin shows personal data beside a reflected search word, and its
  few users need no saving of bytes.
- **Validators** (`ConditionalGetMiddleware`): a page from the page cache gets an ETag of
  the page as cached (before the visitor's token and form time are put in), the language
  and, when the page holds a token, a keyed digest of the visitor's CSRF cookie
  (`tag_cached_page`): stable across requests although every response holds a fresh token,
  and a browser that sends it back holds a page whose token is still valid for its cookie.
  Any other GET response without a token (feeds, calendars, exports, robots.txt, fragments)
  gets Django's digest of its content. A matching If-None-Match is answered 304 without a
  body.
- **Cache-Control** (`CacheControlMiddleware`, for a response whose view set none): public
  for a short time (RAZON_PUBLIC_MAX_AGE) only for an anonymous GET answered 200 that sets
  no cookie, holds no token and is not an htmx fragment; a page holding the visitor's CSRF
  token, a fragment or an error page `private, no-cache` (the browser keeps its own copy and
  asks again, answered 304 when nothing changed); anything for a visitor with a session
  (staff) or a message, and every POST, `private, no-store`. A response that sets a cookie
  is never public, whatever the view said.
"""

import hashlib

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.crypto import salted_hmac
from django.utils.http import quote_etag

# The media types worth compressing (the part of Content-Type before any parameter).
TEXT_TYPES = {
    "application/atom+xml",
    "application/geo+json",
    "application/javascript",
    "application/json",
    "application/rss+xml",
    "application/xml",
    "image/svg+xml",
}
ETAG_SALT = "razon.conditional.page"


def carries_token(request, response):
    """Whether the response holds the visitor's CSRF token: `get_token` was called, which
    makes Django's CSRF middleware set the cookie (and then clear the flag)."""
    return (
        bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or settings.CSRF_COOKIE_NAME in response.cookies
    )


def personal(request):
    """A request from someone the site knows (staff with a session) or has told something (a
    message): its answer is never kept, by a browser or anyone else. Read from the cookies,
    as the page cache does, so it costs no query."""
    return request.method not in ("GET", "HEAD") or any(
        name in request.COOKIES for name in (settings.SESSION_COOKIE_NAME, "messages")
    )


def tag_cached_page(request, response, digest, has_token):
    """Give a page served from the page cache its ETag (see the module): `digest` is the
    sha256 of the page as cached, without the placeholder where the visitor's token goes
    (computed once, when the page is stored)."""
    tag = hashlib.sha256(getattr(request, "LANGUAGE_CODE", "").encode())
    tag.update(b"\n")
    tag.update(digest.encode())
    if has_token:
        secret = request.META.get("CSRF_COOKIE", "")
        tag.update(salted_hmac(ETAG_SALT, secret, algorithm="sha256").digest())
    # Weak: the bytes differ in every response (the token), the page does not.
    response["ETag"] = "W/" + quote_etag(tag.hexdigest()[:40])
    return response


class CompressionMiddleware(GZipMiddleware):
    """Django's GZipMiddleware (with its BREACH padding) for text responses only, when
    RAZON_COMPRESS_RESPONSES is on, and never for staff. Streaming responses are files:
    left alone."""

    def process_response(self, request, response):
        if response.status_code == 304:  # the Vary its 200 would have had (RFC 9110)
            if settings.RAZON_COMPRESS_RESPONSES:
                patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if (
            not settings.RAZON_COMPRESS_RESPONSES
            or settings.SESSION_COOKIE_NAME in request.COOKIES  # staff: see the module
            or response.streaming
            or not is_text(response.get("Content-Type", ""))
        ):
            return response
        return super().process_response(request, response)


def is_text(content_type):
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type.startswith("text/") or media_type in TEXT_TYPES


class ConditionalGetMiddleware:
    """Django's ConditionalGetMiddleware, except that a response holding a CSRF token gets
    no digest of its content (the masked token differs in every response, so it would never
    match): such a page is validated by `tag_cached_page` or not at all. Every tag is weak:
    If-None-Match compares weakly, and no response here is served by byte ranges."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "GET":
            return response
        if (
            not response.has_header("ETag")
            and not carries_token(request, response)
            and "no-store" not in response.get("Cache-Control", "")
        ):
            set_response_etag(response)
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            # Weak, as gzip makes it on a 200 (RFC 9110 8.8.1), so a 304 carries the same
            # tag as the 200 the browser keeps, compressed or not.
            etag = response["ETag"] = "W/" + etag
        if etag:
            return get_conditional_response(request, etag=etag, response=response)
        return response


class CacheControlMiddleware:
    """Cache-Control for every response (see the module). Placed outside the session and
    CSRF middleware, so it sees every cookie the response sets."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            if response.cookies:
                patch_cache_control(response, private=True)  # never public with a cookie
            return response
        if personal(request):
            patch_cache_control(response, private=True, no_store=True)
        elif (
            response.status_code == 200
            and not response.cookies
            and not carries_token(request, response)
            and not getattr(request, "htmx", False)
        ):
            patch_cache_control(response, public=True, max_age=settings.RAZON_PUBLIC_MAX_AGE)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response
