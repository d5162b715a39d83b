"""The pages of the site shell that need no app: privacy, search (through razon.search's
registry), health, robots, downloads of documents and uploaded images, and the admin's
Markdown preview. The home page reads every app and lives in portal/."""

import datetime
import secrets

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from razon import exports, mail, preview, richtext, search
from razon.filters import SearchFilter
from razon.images import CONTENT_TYPES_BY_EXTENSION, open_stored_image
from razon.models import Document, SearchEntry
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_page
from razon.uploads import PDF

PREVIEW_MAX_LENGTH = 200_000
SEARCH_PER_PAGE = 10


@require_safe
@cached_page(depends_on=())  # nothing from the database
def privacy(request):
    return render(
        request,
        "razon/privacy.html",
        {
            "retention_months": settings.RAZON_CONTACT_RETENTION_MONTHS,
            "registration_retention_days": settings.RAZON_REGISTRATION_RETENTION_DAYS,
            "registration_confirm_hours": settings.RAZON_REGISTRATION_CONFIRM_HOURS,
            "conversation_idle_days": settings.RAZON_CONVERSATION_IDLE_DAYS,
            "breadcrumbs": [(_("Privacy"), request.path)],
        },
    )


# The day the toegankelijkheidsverklaring was last checked against the site: change it with
# the text (templates/razon/accessibility.html) whenever the tests or limitations change.
ACCESSIBILITY_STATEMENT_DATE = datetime.date(2026, 12, 2)


@require_safe
@cached_page(depends_on=())  # nothing from the database (the secretariat is in the cache)
def accessibility(request):
    """The toegankelijkheidsverklaring, after the Dutch model statement (digitoegankelijk.nl):
    status, what is tested and how, known limitations, contact and date."""
    return render(
        request,
        "razon/accessibility.html",
        {
            "statement_date": ACCESSIBILITY_STATEMENT_DATE,
            "breadcrumbs": [(_("Toegankelijkheid"), request.path)],
        },
    )


@require_safe
@cached_page(depends_on=())  # the registered exports: nothing from the database
def open_data(request):
    """Every overview's open data (razon/exports.py): formats, columns and licence."""
    return render(
        request,
        "razon/open_data.html",
        {
            "datasets": [
                {
                    "export": export,
                    "overview_url": reverse(export.overview),
                    "csv_url": reverse(export.csv_url_name),
                    "json_url": reverse(export.json_url_name),
                    "columns": export.column_list(),
                }
                for export in exports.registered()
            ],
            "licence": exports.LICENCE,
            "licence_url": exports.LICENCE_URL,
            "breadcrumbs": [(_("Open data"), request.path)],
        },
    )


@require_safe
@cached_page
def search_page(request):
    """The site search; for htmx only the results region (the typed words stay put)."""
    filterset = SearchFilter(request.GET, queryset=SearchEntry.objects.published(), request=request)
    page = paginate(request, filterset.qs, SEARCH_PER_PAGE)
    page.object_list = search.add_snippets(page.object_list, filterset.query)
    return render_page(
        request,
        "razon/search.html",
        {
            "filterset": filterset,
            "query": filterset.query,
            "page": page,
            "breadcrumbs": [(_("Zoeken"), request.path)],
        },
        partials=OVERVIEW_PARTIALS,
    )


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it does not (for the load balancer). It says
    what it checked: the database, the caches (reported, never failing it: without them the
    site serves, only slower), and the mail owed (how many wait, and the oldest's age in
    seconds: a growing age means the mail worker or the mail server is stuck)."""
    state = {"cache": "ok" if _caches_answer() else "unavailable"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        waiting, oldest = mail.waiting()
    except DatabaseError:
        state.update(mail_waiting=None, mail_oldest_seconds=None)
        return JsonResponse({"status": "error", "database": "unavailable", **state}, status=503)
    state.update(mail_waiting=waiting, mail_oldest_seconds=oldest)
    return JsonResponse({"status": "ok", "database": "ok", **state})


def _caches_answer():
    """Whether every cache keeps what is written to it (a cache that is down answers like a
    miss: razon/cache.py)."""
    token = secrets.token_hex(8)
    key = f"healthz:{token}"
    for cache in caches.all():
        cache.set(key, token, 10)
        answered = cache.get(key) == token
        cache.delete(key)
        if not answered:
            return False
    return True


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /healthz",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# Content-Security-Policy of files served from the site's origin (see the views below).
DOCUMENT_CSP = "sandbox allow-scripts allow-downloads; frame-ancestors 'none'"
IMAGE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


@require_safe
def document(request, slug):
    """A download under a stable address, for visitors once a published item holds it; an
    editor who may view documents gets it before that too, privately (to check an upload).
    Served with the type sniffed at upload; PDFs open in the browser, the office formats
    download."""
    doc = Document.objects.downloadable().filter(slug=slug).first()
    if doc is None:
        doc = preview.private_or_404(request, Document.objects.filter(slug=slug).first())
    try:
        handle = doc.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404(_("Dit document is niet meer beschikbaar.")) from None
    response = FileResponse(
        handle,
        content_type=doc.content_type or "application/octet-stream",
        as_attachment=doc.content_type != PDF.content_type,
        filename=doc.file.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "public, max-age=3600"
    # Whatever a document holds runs in an opaque origin: no access to the site's cookies or
    # pages. Scripts stay allowed because Safari's PDF viewer needs them to draw the page.
    response["Content-Security-Policy"] = DOCUMENT_CSP
    return response


@require_safe
def media(request, path):
    """Uploaded images and their renditions (production has no other server for MEDIA_ROOT;
    whitenoise serves only static files). Only the image types the site accepts are served,
    with the type their checked content gave them (the extension was set from it), inline,
    and cached for a year: names carry a hash of the content, so a new image has a new
    address. Documents are not served here: they go through `document`, which applies their
    publish state."""
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    content_type = CONTENT_TYPES_BY_EXTENSION.get(extension)
    if content_type is None:
        raise Http404
    try:
        handle = open_stored_image(default_storage, path)
    except (OSError, SuspiciousFileOperation):  # missing, a folder, a name too long …
        raise Http404 from None
    response = FileResponse(handle, content_type=content_type, filename=path.rsplit("/", 1)[-1])
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = IMAGE_CSP
    return response


@never_cache
@preview.staff_required
@require_POST
def richtext_preview(request):
    """The admin's "Voorbeeld" of a rich text field: the posted Markdown as the sanitised HTML
    visitors will see (razon/richtext.py). Staff only; CSRF-protected like every POST."""
    text = request.POST.get("text", "")
    if len(text) > PREVIEW_MAX_LENGTH:
        return HttpResponseBadRequest(_("De tekst is te lang voor een voorbeeld."))
    return HttpResponse(richtext.preview(text), content_type="text/html; charset=utf-8")
