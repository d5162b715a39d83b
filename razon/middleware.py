import re

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from razon.partials import render_page


class HtmxVaryMiddleware:
    """Pages answer htmx requests with a fragment of themselves, so every response varies on
    HX-Request: a cache must never hand a fragment to a full-page visit, or the reverse."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_vary_headers(response, ["HX-Request"])
        return response


class LanguageCookieMiddleware:
    """Dutch first: the page language is Dutch unless the visitor chose English with the
    language switch (which sets Django's language cookie). The browser's Accept-Language is
    deliberately ignored, and the URLs stay the same in both languages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = request_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


def request_language(request):
    """The page language (see LanguageCookieMiddleware): the language cookie's, if it names
    one of LANGUAGES, else Dutch. The page cache reads it before that middleware runs."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen and any(chosen == code for code, _name in settings.LANGUAGES):
        return chosen
    return settings.LANGUAGE_CODE


def refusal(request, status, title, message):
    """A request the site will not handle, answered with `status` and a page that says why
    (for htmx the message alone, added at the top of the targeted region)."""
    response = render_page(
        request, "refused.html", {"title": title, "message": message}, partials=["refusal"]
    )
    response.status_code = status
    patch_vary_headers(response, ["HX-Request"])
    if request.htmx:
        response["HX-Reswap"] = "afterbegin"
    return response


# Control characters (C0, DEL, C1) are never part of an address: NUL breaks PostgreSQL
# ("cannot contain NUL") and file names ("embedded null byte"), the others mean nothing.
PATH_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# A query may carry what a visitor pasted into a search box: tabs and line breaks stay.
QUERY_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class ControlCharacterMiddleware:
    """Refuses (400, with a page that says so) an address with a control character in its
    path or in a query parameter's name or value, before any view or lookup sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PATH_CONTROL_CHARACTERS.search(request.path_info) or any(
            QUERY_CONTROL_CHARACTERS.search(text)
            for name, values in request.GET.lists()
            for text in (name, *values)
        ):
            return refusal(
                request,
                400,
                _("Dit adres klopt niet"),
                _(
                    "Het adres bevat tekens die niet in een webadres horen, zoals onzichtbare "
                    "stuurtekens. Controleer de link, of typ het adres opnieuw."
                ),
            )
        return self.get_response(request)


class PublicBodySizeMiddleware:
    """Refuses a request body larger than RAZON_MAX_PUBLIC_BODY_SIZE outside the admin (413)
    before anything reads it: Django's DATA_UPLOAD_MAX_MEMORY_SIZE leaves files out, so any
    public form would otherwise take tens of megabytes. The admin keeps its uploads (up to
    RAZON_MAX_UPLOAD_SIZE). A body without a Content-Length (chunked) gets 411: Django would
    read none of it, so the form would fail without saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(reverse("admin:index")):
            return self.get_response(request)
        length = request.META.get("CONTENT_LENGTH")
        if not length and request.META.get("HTTP_TRANSFER_ENCODING"):
            return refusal(
                request,
                411,
                _("Verzoek zonder lengte"),
                _("Je browser stuurde niet mee hoe groot je bericht is. Verstuur het opnieuw."),
            )
        try:
            too_large = int(length or 0) > settings.RAZON_MAX_PUBLIC_BODY_SIZE
        except ValueError:
            too_large = False  # Django reads no body with a length it cannot read
        if too_large:
            limit = filesizeformat(settings.RAZON_MAX_PUBLIC_BODY_SIZE)
            return refusal(
                request,
                413,
                _("Je bericht is te groot"),
                _(
                    "Wat je verstuurde is groter dan %(limit)s, het maximum voor formulieren op "
                    "deze site. Maak je bericht korter; een groot bestand kun je mailen naar "
                    "%(email)s."
                )
                % {"limit": limit, "email": settings.RAZON_CONTACT_EMAIL},
            )
        return self.get_response(request)


class EmptyParametersMiddleware:
    """A GET form without JavaScript sends every field, the empty ones too
    (`?zoek=&regio=&sector=po`): such an address is redirected (302) to the same one without
    its empty parameters, so the address a visitor shares or bookmarks carries only the filters
    that are set, as the htmx requests do (razon.js drops them). Outside the admin (whose
    changelists read empty values), for GET and HEAD without htmx. Placed before the page
    cache, so an address with empty values never gets an entry of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and "HTTP_HX_REQUEST" not in request.META
            and not request.path_info.startswith(reverse("admin:index"))
            and any(value == "" for _name, values in request.GET.lists() for value in values)
        ):
            kept = [
                (name, value)
                for name, values in request.GET.lists()
                for value in values
                if value != ""
            ]
            query = urlencode(kept)
            return HttpResponseRedirect(f"{request.path}?{query}" if query else request.path)
        return self.get_response(request)
