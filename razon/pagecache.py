"""The cache of public pages: what is the same for every visitor is rendered once, what is
not (the CSRF token, a form's signed start time) is punched in again on every response.

- **Key**: the host, the path with its query string, the language, and for htmx (as the
  views test it: `request.htmx`) the HX-Target, so a fragment is never served as a page or
  the reverse (the response also says `Vary: HX-Request, Cookie`). A response that varies on
  a header the key does not hold is not stored.
- **Invalidation**: by topic. Each change of public content renews the generation of the
  topics it touches (by default its app's: `news`, `events`; apps register their own with
  `register()`, such as `seats:<event>` for a registration that takes or frees a seat, or
  none for one that is not shown), and each cached view names the topics it shows
  (`@cached_page(depends_on=[...])`; without, every topic but the per-item ones). An entry
  holds the generations of its topics and is served only while they are unchanged. The
  generations are rows in the database (`PageCacheGeneration`), changed in the transaction
  of the change and read with one query per request: every app process sees them at once,
  whatever the cache (local memory is per process), and a cache outage cannot lose them.
  With the database down, the last ones this process read.
- **Schedule**: an entry never outlives the next moment the site changes by itself: the
  next `publiceren vanaf` of any published item, the next start, end, registration opening
  or closing of an event, and midnight (`horizon()`, computed again whenever one of the
  entry's topics changes).
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

import contextlib
import hashlib
import math
import re
import secrets
import time
from contextvars import ContextVar
from datetime import datetime, timedelta
from functools import cache as cache_result
from functools import wraps

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.db import DatabaseError, connection
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
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
    "razon.pagecachegeneration",
    "razon.searchentry",
    "sessions.session",
}
STARTED_FIELD = re.compile(rb'(<input type="hidden" name="started" value=")[^"]*(")')


# The request headers the key holds (through `request.htmx` and the language cookie): a
# response that varies on any other is not stored.
KEYED_HEADERS = {"cookie", "hx-request", "hx-target"}


def cached_page(view=None, *, depends_on=None):
    """Serve the view's anonymous GET responses from the page cache (see the module). The
    topics in `depends_on` may name the view's arguments (`"seats:{slug}"`); without it the
    page depends on every topic but the per-item ones."""
    if view is None:
        return lambda view: cached_page(view, depends_on=depends_on)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        topics = _page_topics(depends_on, kwargs)
        request.razon_page_topics = topics  # what the page shows, for what it caches itself
        read = getattr(request, "razon_page_cache_read", None)  # by PageCacheMiddleware
        generations = read[1] if read and read[0] == topics else current_generations(topics)
        if generations is None:  # the database is down and this process never read them
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        pending = getattr(request, "razon_page_cache_middleware", False)
        request.razon_page_cache_hit = True  # until the branch below renders it (request log)
        # An entry of older generations is stale (as is one stored by an older release).
        if not _current(stored, generations):
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
            stored = _entry(response.content, dict(response.headers), topics, generations)
            timeout = seconds_until(horizon(generations))
            if timeout > 0 and not pending:
                cache.set(key, stored, min(timeout, MAX_TIMEOUT))
        if pending and "wire_headers" not in stored:
            # PageCacheMiddleware stores it with the headers the middleware between it and
            # the view add, so that it can answer the next request itself.
            timeout = seconds_until(horizon(generations))
            if timeout > 0:
                request.razon_page_cache_store = (key, stored, min(timeout, MAX_TIMEOUT))
        _remember(topics, generations)
        return _response(request, stored, stored["headers"])

    wrapper.depends_on = depends_on  # for the tests that check it against what it reads
    return wrapper


# Response headers that are each response's own: never stored with an entry.
PER_RESPONSE_HEADERS = {"content-length", "etag", "set-cookie"}


def _entry(content, headers, topics, generations):
    """What the cache keeps of a page: its content with the placeholder, the view's headers,
    its topics and their generations, and what each hit would otherwise compute again."""
    marker = CSRF_PLACEHOLDER.encode()
    return {
        "generations": generations,
        "topics": topics,
        "placeholder": CSRF_PLACEHOLDER,  # another process renders with its own
        "content": content,
        "headers": headers,  # the view's own; PageCacheMiddleware adds "wire_headers"
        "has_token": marker in content,
        "has_started": b'name="started"' in content,
        # The placeholder is random per process: left out, every process tags alike.
        "digest": hashlib.sha256(content.replace(marker, b"")).hexdigest(),
    }


def _current(stored, generations):
    return stored is not None and "digest" in stored and stored.get("generations") == generations


def _response(request, stored, headers):
    """The entry as a response for this visitor: their own token and form start time, and
    the page's ETag (razon/conditional.py)."""
    response = HttpResponse(
        _personalised_content(
            request,
            stored["content"],
            stored["placeholder"] if stored["has_token"] else None,
            stored["has_started"],
        )
    )
    for header, value in headers.items():
        response[header] = value
    patch_vary_headers(response, ["HX-Request"])
    return conditional.tag_cached_page(request, response, stored["digest"], stored["has_token"])


class PageCacheMiddleware:
    """Answers a request for a page in the cache before the middleware after it runs:
    sessions, language, CSRF checks, authentication, messages, security and CSP headers
    cost more than the hit itself. It stands after what every response needs (the request
    log, security headers, compression, ETag and Cache-Control) and adds what the skipped
    middleware would add: their headers, stored with the entry the first time it passes
    (`wire_headers`), and the CSRF cookie of a visitor without one. A request it does not
    answer (an entry of older generations, a miss, anything not cacheable) goes on as if it
    were not there, and a miss is stored on the way back."""

    def __init__(self, get_response):
        from django.middleware.csrf import CsrfViewMiddleware

        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not (_cacheable_request(request) and _plain(request)):
            return self.get_response(request)
        from django_htmx.middleware import HtmxDetails

        from razon.middleware import request_language

        request.LANGUAGE_CODE = request_language(request)
        request.htmx = HtmxDetails(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None and "wire_headers" in stored:
            generations = current_generations(stored["topics"])
            request.razon_page_cache_read = (stored["topics"], generations)
            if generations is not None and _current(stored, generations):
                request.razon_page_cache_hit = True
                _remember(stored["topics"], generations)
                self.csrf.process_request(request)  # the visitor's secret, if valid
                response = _response(request, stored, stored["wire_headers"])
                response["Content-Length"] = str(len(response.content))
                return self.csrf.process_response(request, response)
        request.razon_page_cache_middleware = True
        response = self.get_response(request)
        pending = getattr(request, "razon_page_cache_store", None)
        if (
            pending
            and response.status_code == 200
            and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
        ):
            key, stored, timeout = pending
            stored["wire_headers"] = {
                header: value
                for header, value in response.headers.items()
                if header.lower() not in PER_RESPONSE_HEADERS
            }
            cache.set(key, stored, timeout)
        return response


def _plain(request):
    """A request the middleware after PageCacheMiddleware would let through untouched: no
    body (PublicBodySizeMiddleware) and no control character in the path
    (ControlCharacterMiddleware; the key holds the query parameters as they were accepted,
    which had none)."""
    from razon.middleware import PATH_CONTROL_CHARACTERS

    return (
        request.META.get("CONTENT_LENGTH", "0") in ("", "0")
        and "HTTP_TRANSFER_ENCODING" not in request.META
        and not PATH_CONTROL_CHARACTERS.search(request.path_info)
    )


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


@contextlib.contextmanager
def shared_rendering(request):
    """Renders what many visitors will be served (a fragment a view caches itself): the CSRF
    token as CSRF_PLACEHOLDER, to be replaced by each visitor's own with `personalised()`."""
    request.razon_page_cache = True
    try:
        yield CSRF_PLACEHOLDER
    finally:
        request.razon_page_cache = False


def personalised(request, content, placeholder):
    """`content` (bytes) rendered under shared_rendering (in this process or another, whose
    `placeholder` it was) with this visitor's own CSRF token and form start time."""
    return _personalised_content(request, content, placeholder, b'name="started"' in content)


def _personalised(request, response, placeholder):
    """The visitor's own CSRF token and a fresh form start time in place of the placeholders."""
    if response.streaming:
        return response
    response.content = personalised(request, response.content, placeholder)
    return response


def _personalised_content(request, content, placeholder, has_started):
    if placeholder is not None and (marker := placeholder.encode()) in content:
        content = content.replace(marker, get_token(request).encode())
    if has_started:
        started = fresh_start_time().encode()
        content = STARTED_FIELD.sub(
            lambda match: match.group(1) + started + match.group(2), content
        )
    return content


def _key(request):
    """The entry's key: a digest of everything the response depends on, tested as the views
    test it (`request.htmx`, `request.htmx.target`); the entry holds its generation."""
    parts = [
        request.get_host(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "htmx" if request.htmx else "page",
        (request.htmx.target or "") if request.htmx else "",
        request.path,
        urlencode(sorted(request.GET.lists()), doseq=True),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"pagecache:page:{digest}"


# {topic: generation, or None for a topic without a row} as this process last read them, for
# when the database is down; only topics of pages served, so made-up addresses add none.
_last_read = {}


def current_generations(topics):
    """{topic: generation} of the topics that ever changed (one query). With the database
    down, the last ones this process read, or None: no content can change while the
    database is down."""
    try:
        return _read(topics)
    except DatabaseError:
        if not all(topic in _last_read for topic in topics):
            return None
        return {topic: _last_read[topic] for topic in topics if _last_read[topic] is not None}


def _read(topics):
    """PageCacheGeneration.read(), which serves as the connection's health check
    (CONN_HEALTH_CHECKS): one round trip on a hit instead of Django's `SELECT 1` and then
    the read. A connection the database dropped (restarted) fails the read: closed, and
    the read tried once more on a new one, as the health check would have."""
    from razon.models import PageCacheGeneration

    if not (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    ):
        return PageCacheGeneration.read(topics)
    connection.health_check_done = True
    try:
        return PageCacheGeneration.read(topics)
    except DatabaseError:
        connection.close()
    return PageCacheGeneration.read(topics)


def _remember(topics, generations):
    for topic in topics:
        _last_read[topic] = generations.get(topic)


# Inside `batched()`: the topics changed so far, renewed once when the batch ends.
_batch = ContextVar("razon_pagecache_batch", default=None)


def new_generation(*topics):
    """Invalidate the pages that depend on these topics (every topic without any): new
    values, written in the transaction of the change, so they commit (or roll back) with the
    content and no process can store a page of the new content under the old generations."""
    from razon.models import PageCacheGeneration

    if (batch := _batch.get()) is not None:
        batch.update(topics or all_topics())
        return
    PageCacheGeneration.renew(topics or all_topics())


@contextlib.contextmanager
def batched():
    """Many changes, one renewal of the topics they touch, at the end (a bulk load such as
    the demo content, inside the same transaction): a page cached in between may be stale
    until then, as with any transaction not yet committed."""
    batch = set()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    if batch:
        new_generation(*sorted(batch))


def horizon(generations):
    """The next moment the public pages change by themselves (a timestamp), computed once
    per set of generations: until then a cached page of those generations stays right (a
    change of what it does not show cannot change it)."""
    state = "\n".join(f"{topic}={value}" for topic, value in sorted(generations.items()))
    key = f"pagecache:horizon:{hashlib.sha256(state.encode()).hexdigest()}"
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


# {model label: (topic templates, shown_if, counted)} registered by the apps (`register()`).
_registered = {}
LOADED = "_pagecache_loaded"  # on the instance: whether it matched `shown_if` as loaded


def register(model, *topics, shown_if=None, counted=False):
    """Changes of `model` refresh the pages that depend on these topics instead of its app's
    (none: they refresh nothing). A topic may name the instance (`"seats:{obj.event.slug}"`).
    With `shown_if` ({field: value}), only an instance that matches it is on a page: a change
    refreshes only when the instance matches, or did as it was loaded. With `counted` as
    well, the pages show how many match, not the instances: a change refreshes only when an
    instance starts or stops matching (made, deleted or changed)."""
    label = model._meta.label_lower
    _registered[label] = (topics, shown_if or {}, counted)
    _connect(model)
    if shown_if:
        uid = f"pagecache-loaded-{label}"
        post_init.connect(_note_loaded, sender=model, weak=False, dispatch_uid=uid)
    all_topics.cache_clear()


def _connect(model):
    uid = f"pagecache-{model._meta.label_lower}"
    post_save.connect(_changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(_changed, sender=model, weak=False, dispatch_uid=uid)


def model_topics(model):
    """The topic templates of a model's changes ("{obj...}" names the instance)."""
    label = model._meta.label_lower
    if label in _registered:
        return _registered[label][0]
    if model._meta.app_label not in CONTENT_APPS or label in IGNORED_MODELS:
        return ()
    return (model._meta.app_label,)


@cache_result
def all_topics():
    """Every topic but the per-item ones: what a page without `depends_on` depends on."""
    return tuple(
        sorted(
            {
                topic
                for model in apps.get_models(include_auto_created=True)
                for topic in model_topics(model)
                if "{" not in topic
            }
        )
    )


# What every page shows in its shell: the secretariat's contact details in the footer
# (razon/secretariat.py). Every cached page depends on it besides its own topics.
SITE_TOPIC = "site"


def _page_topics(depends_on, kwargs):
    if depends_on is None:
        return all_topics()
    return (*(topic.format(**kwargs) for topic in depends_on), SITE_TOPIC)


def _note_loaded(sender, instance, **kwargs):
    fields = _registered[sender._meta.label_lower][1]
    # A deferred field is not read (that would cost a query): the state stays unknown.
    if all(field in instance.__dict__ for field in fields):
        setattr(instance, LOADED, _matches(instance.__dict__, fields))


def _matches(values, shown_if):
    return all(values[field] == value for field, value in shown_if.items())


def _changed(sender, instance, created=False, signal=None, **kwargs):
    templates = model_topics(sender)
    if not templates:
        return
    _topics, shown_if, counted = _registered.get(sender._meta.label_lower, ((), {}, False))
    if shown_if:
        matches = all(getattr(instance, field) == value for field, value in shown_if.items())
        # As loaded (unknown: it may have been shown); a new instance was nowhere.
        matched = False if created else getattr(instance, LOADED, None)
        setattr(instance, LOADED, matches)
        if counted:
            counts = matches and signal is not post_delete
            if matched is not None and counts == matched:
                return
        elif not (matches or matched is None or matched):
            return
    if topics := list(_formatted(templates, instance)):
        new_generation(*topics)


def _formatted(templates, instance):
    for template in templates:
        # What it names may be gone; its own deletion renewed its topics.
        with contextlib.suppress(ObjectDoesNotExist):
            yield template.format(obj=instance)


def _m2m_changed(sender, action, **kwargs):
    if action.startswith("post_") and (topics := model_topics(sender)):
        new_generation(*topics)


def connect_signals():
    """New generations on any change of public content."""
    from razon.models import Document, Sector, SlugRedirect

    register(Sector, "sectors")
    register(Document, "documents")
    register(SlugRedirect)  # an old address answers with a redirect, never stored
    for model in apps.get_models():
        if model_topics(model):
            _connect(model)
    m2m_changed.connect(_m2m_changed, weak=False, dispatch_uid="pagecache-m2m")
