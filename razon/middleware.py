from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
