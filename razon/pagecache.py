"""The cache of public pages: what is the same for every visitor is rendered once, what is
not (the CSRF token, a form's signed start time) is punched in again on every response.

- **Key**: the host, the path with its query string, the language, and for htmx (as the
  views test it: `request.htmx`) the HX-Target, so a fragment is never served as a page or
  the reverse (the response also says `Vary: HX-Request, Cookie`). A response that varies on
  a header the key does not hold is not stored.
- **Invalidation**: every save, delete or many-to-many change of a model in the content apps
  (and the admin's bulk publish actions) starts a new generation; an entry of an older
  generation is never served. The generation is a row in the database (`PageCacheGeneration`),
  changed in the transaction of the change and read with one primary-key query per request:
  every app process sees it at once, whatever the cache (local memory is per process), and
  a cache outage cannot lose it. With the database down, the last one this process read.
- **Registrations** do not start a new generation (a rush of them would empty the cache
  several times a second): the only pages that show them, an event's own, put what they
  show of them in their key (`cached_page(vary_on=...)`: the event's confirmed count), read
  with one query per request.
- **Schedule**: an entry never outlives the next moment the site changes by itself: the
  next `publiceren vanaf` of any published item, the next start, end, registration opening
  or closing of an event, and midnight (`horizon()`).
- **Per visitor**: the page is rendered with a placeholder instead of the CSRF token (see the
  context processor `razon.context_processors.site`); every response, hit or miss, gets the
  visitor's own token and a fresh form start time. The placeholder is random per process and
  stored with the entry: it never leaves the server, so text a visitor typed (a search word)
  can never match it. The CSP sets no nonce; a response that uses one (a `csp_nonce` was
  read) is not stored.
- **Bounded**: a response is stored only when the view vouched for every query parameter
  and the HX-Target (`accept()`: a valid choice, a facet value with results, an existing
  page number, one of its partials), each given once. Unknown, empty, repeated or free-text
  parameters (search words) and invalid values are rendered but not stored, so what a
  client makes up cannot fill the cache; the key holds the parameters sorted.
- Only anonymous GETs without a session are served from or written to the cache, only
  responses with status 200, and only when RAZON_PAGE_CACHE is on (the default in
  production; off in development and tests, which turn it on where they test it).
"""

import hashlib
import math
import re
import secrets
import time
from datetime import datetime, timedelta
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.connection import ConnectionProxy
from django.utils.http import urlencode

from razon import conditional
from razon.forms import fresh_start_time

# The cache alias of the pages (settings.CACHES): evictable, apart from the rate limits.
cache = ConnectionProxy(caches, "pages")
CSRF_PLACEHOLDER = f"csrf-placeholder-{secrets.token_hex(16)}"
MAX_TIMEOUT = 3600
MAX_QUERY_STRING = 300
CONTENT_APPS = {"razon", "alliances", "regions", "partnerships", "events", "news"}
# Written by the signals of these models, but never shown on a public page.
IGNORED_MODELS = {
    "contact.contactmessage",
    # Shown only on the event's own pages, which key on its confirmed count (see above).
    "events.registration",
    "razon.pagecachegeneration",
    "razon.searchentry",
    "sessions.session",
}
STARTED_FIELD = re.compile(rb'(<input type="hidden" name="started" value=")[^"]*(")')


# The request headers the key holds (through `request.htmx` and the language cookie): a
# response that varies on any other is not stored.
KEYED_HEADERS = {"cookie", "hx-request", "hx-target"}


def cached_page(view=None, *, vary_on=None):
    """Serve the view's anonymous GET responses from the page cache (see the module).
    `vary_on(request, *args, **kwargs)`, when given, returns what else the response depends
    on without a new generation; it is read for every request and becomes part of the key."""
    if view is None:
        return lambda view: cached_page(view, vary_on=vary_on)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        generation = current_generation()
        if generation is None:  # the database is down and this process never read it
            return view(request, *args, **kwargs)
        key = _key(request, vary_on(request, *args, **kwargs) if vary_on else "")
        stored = cache.get(key)
        request.razon_page_cache_hit = True  # until the branch below renders it (request log)
        # An entry of an older generation is stale (as is one without its placeholder,
        # stored by an older release).
        if stored is None or stored["generation"] != generation or "placeholder" not in stored:
            request.razon_page_cache = True  # the context processor renders the placeholder
            request.razon_page_cache_hit = False
            request.razon_page_cache_accepted = set()  # filled by accept()
            try:
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
            finally:
                request.razon_page_cache = False  # an error page renders the real token
            if not (_cacheable_response(request, response) and _bounded(request)):
                return _personalised(request, response, CSRF_PLACEHOLDER)
            stored = {
                "generation": generation,
                "placeholder": CSRF_PLACEHOLDER,  # another process renders with its own
                "content": response.content,
                "headers": dict(response.headers),  # the view's own; middleware adds more
            }
            timeout = seconds_until(horizon(generation))
            if timeout > 0:
                cache.set(key, stored, min(timeout, MAX_TIMEOUT))
        response = HttpResponse(stored["content"])
        for header, value in stored["headers"].items():
            response[header] = value
        patch_vary_headers(response, ["HX-Request"])
        response = _personalised(request, response, stored["placeholder"])
        return conditional.tag_cached_page(
            request, response, stored["content"], stored["placeholder"]
        )

    return wrapper


def _cacheable_request(request):
    return (
        settings.RAZON_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
    )


def _cacheable_response(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not get_nonce(request)  # a nonce is per response: such a page is not stored
        and _vary(response) <= KEYED_HEADERS
    )


_TARGET = object()  # HX-Target, apart from any query parameter's name


def accept(request, *parameters, target=False):
    """Tell the page cache that the response depends on these query parameters (and, with
    `target`, on HX-Target) and that the view found their values in a fixed set: a filter's
    choice, a facet value with results, an existing page number, one of its partials. A
    response is stored only when every parameter of its request was accepted."""
    accepted = getattr(request, "razon_page_cache_accepted", None)
    if accepted is not None:
        accepted.update(parameters)
        if target:
            accepted.add(_TARGET)


def _bounded(request):
    accepted = request.razon_page_cache_accepted
    return all(name in accepted and len(values) == 1 for name, values in request.GET.lists()) and (
        not request.htmx or request.htmx.target is None or _TARGET in accepted
    )


def _vary(response):
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def _personalised(request, response, placeholder):
    """The visitor's own CSRF token and a fresh form start time in place of the placeholders."""
    if response.streaming:
        return response
    content = response.content
    if placeholder.encode() in content:
        content = content.replace(placeholder.encode(), get_token(request).encode())
    if b'name="started"' in content:
        started = fresh_start_time().encode()
        content = STARTED_FIELD.sub(
            lambda match: match.group(1) + started + match.group(2), content
        )
    response.content = content
    return response


def _key(request, varies=""):
    """The entry's key: a digest of everything the response depends on, tested as the views
    test it (`request.htmx`, `request.htmx.target`), and the view's `vary_on` value; the
    entry holds its generation."""
    parts = [
        str(varies),
        request.get_host(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "htmx" if request.htmx else "page",
        (request.htmx.target or "") if request.htmx else "",
        request.path,
        urlencode(sorted(request.GET.lists()), doseq=True),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"


_last_generation = None  # this process's last read, for when the database is down


def current_generation():
    """The generation (one primary-key query). With the database down, the last one this
    process read, or None: no content can change while the database is down."""
    from razon.models import PageCacheGeneration

    global _last_generation
    try:
        generation = PageCacheGeneration.read()
        if generation is None:
            PageCacheGeneration.renew()
            generation = PageCacheGeneration.read()
    except DatabaseError:
        return _last_generation
    _last_generation = generation
    return generation


def new_generation(**_kwargs):
    """Invalidate every cached page (called on any content change): a new value, written in
    the transaction of the change, so it commits (or rolls back) with the content and no
    process can store a page of the new content under the old generation."""
    from razon.models import PageCacheGeneration

    PageCacheGeneration.renew()


def horizon(generation):
    """The next moment the public pages change by themselves (a timestamp), computed once
    per generation: until then a cached page stays right."""
    key = f"pagecache:horizon:{generation}"
    moment = cache.get(key)
    if moment is None:
        moment = _next_change(timezone.now()).timestamp()
        timeout = seconds_until(moment)
        if timeout > 0:
            cache.set(key, moment, min(timeout, MAX_TIMEOUT))
    return moment


def _next_change(now):
    from razon.models import Publishable, PublishStatus

    local = timezone.localtime(now)
    midnight = timezone.make_aware(
        datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    )
    moments = [midnight]
    for model in apps.get_models():
        if not issubclass(model, Publishable):
            continue
        fields = ["publish_at", *getattr(model, "SCHEDULE_FIELDS", ())]
        aggregates = {field: Min(field, filter=Q(**{f"{field}__gt": now})) for field in fields}
        found = model.objects.filter(status=PublishStatus.PUBLISHED).aggregate(**aggregates)
        moments += [moment for moment in found.values() if moment]
    return min(moments)


def seconds_until(moment):
    """Whole seconds until the timestamp, rounded down so an entry never outlives it."""
    return math.floor(moment - time.time())


def connect_signals():
    """A new generation on any change of public content."""
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label not in CONTENT_APPS or label in IGNORED_MODELS:
            continue
        uid = f"pagecache-{label}"
        post_save.connect(new_generation, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(new_generation, sender=model, weak=False, dispatch_uid=uid)
    m2m_changed.connect(_m2m_changed, weak=False, dispatch_uid="pagecache-m2m")


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        new_generation()
