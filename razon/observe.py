"""Seeing the site run: one log line per request, and a friendly page while the database is
down.

- `RequestLogMiddleware` (outermost) logs every request once on the `razon.requests` logger, as
  key=value pairs: request id, method, path, status, duration in ms, number of database
  queries, and whether the page cache served it (`hit`), rendered it (`miss`) or was not
  asked (`-`). Over `RAZON_SLOW_REQUEST_MS` the line is a warning. The request id comes from a
  well-formed incoming `X-Request-ID` (a proxy's) or is made here, and is sent back in the
  response's `X-Request-ID`. The query string is never logged (it holds search words), and
  the secret part of a link sent by mail (confirm, cancel, password reset) is replaced by `…`.
- `DatabaseUnavailableMiddleware` answers a request that fails because the database cannot be
  reached with status 503, `Retry-After` and a page that needs no database (`unavailable()`);
  for htmx a message added at the top of the targeted region, so a form keeps what was typed.
  `handler500` (razon/urls.py) does the same for such a failure outside a view. Django opens a
  new connection on the next request once the database answers again (`CONN_HEALTH_CHECKS`).
"""

import logging
import re
import sys
import time
import uuid
from contextlib import ExitStack

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views import defaults

logger = logging.getLogger("razon.requests")
outage_logger = logging.getLogger("razon.outage")

REQUEST_ID_HEADER = "X-Request-ID"
# A proxy's request id is taken as it is when it looks like one (a UUID, or letters, digits and
# a few separators); anything else is replaced, so a client cannot write into the log.
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,99}")
# Paths whose last segments are a secret sent by mail: the log keeps their shape only.
SECRET_PATHS = [
    re.compile(r"^(/agenda/(?:afmelden|bevestigen)/)[^/]+"),
    re.compile(r"^(/admin/wachtwoord-vergeten/)(?!verstuurd/|klaar/)[^/]+/[^/]+"),
]
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = (OperationalError, InterfaceError)


def request_id(request):
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    if WELL_FORMED_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def loggable_path(path):
    for pattern in SECRET_PATHS:
        path = pattern.sub(r"\1…", path)
    return path


class QueryCounter:
    """Counts the queries run through a connection (`connection.execute_wrapper`), without
    DEBUG's query log."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request_id(request)
        counter = QueryCounter()
        started = time.perf_counter()
        with ExitStack() as stack:
            for connection in connections.all(initialized_only=False):
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        response[REQUEST_ID_HEADER] = request.request_id
        hit = getattr(request, "razon_page_cache_hit", None)
        slow = duration > settings.RAZON_SLOW_REQUEST_MS
        logger.log(
            logging.WARNING if slow else logging.INFO,
            "request_id=%s method=%s path=%s status=%s duration_ms=%.1f queries=%d cache=%s%s",
            request.request_id,
            request.method,
            loggable_path(request.path),
            response.status_code,
            duration,
            counter.count,
            "-" if hit is None else ("hit" if hit else "miss"),
            " slow=1" if slow else "",
        )
        return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            return unavailable(request, exception)
        return None


def unavailable(request, exception):
    """503 with a page (or for htmx a message) rendered without the database: no context
    processors, no lookups. A form that was sent is said not to have arrived."""
    outage_logger.error(
        "Database unavailable: %s %s: %s",
        request.method,
        loggable_path(request.path),
        exception,
        extra={"request": request},
    )
    htmx = request.headers.get("HX-Request") == "true"
    context = {
        "form_sent": request.method not in ("GET", "HEAD", "OPTIONS"),
        "retry_after": RETRY_AFTER_SECONDS,
        "contact_email": settings.RAZON_CONTACT_EMAIL,
    }
    template = "503.html#message" if htmx else "503.html"
    response = HttpResponse(render_to_string(template, context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    if htmx:
        response["HX-Reswap"] = "afterbegin"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """handler500: the 503 page when what failed was reaching the database (in a middleware,
    say), otherwise the 500 page with a search box and the main sections' links."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_DOWN):
        return unavailable(request, exception)
    from razon import navigation

    # The template has no request and no context processors: the sections' fixed
    # addresses (reversed, never read from the database) for its links.
    sections = [{"url": url, "label": label} for url, label, _ in navigation.sections()]
    response = HttpResponse(render_to_string(template_name, {"sections": sections}), status=500)
    add_never_cache_headers(response)
    return response
