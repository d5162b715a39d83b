from django.templatetags.static import static

from razon import navigation, pagecache
from razon.pagination import PAGE_PARAM
from razon.secretariat import secretariat


def site(request):
    """What the site shell (header, footer) needs on every page."""
    details = secretariat()
    sections = navigation.sections()
    current = navigation.current_url(request.path, [url for url, _label, _text in sections])
    context = {
        "nav_sections": [
            {"url": url, "label": label, "current": url == current}
            for url, label, _description in sections
        ],
        "contact_url": navigation.url_or_none("contact:form"),
        "contact_email": details.email,
        "secretariat": details,
        "canonical_url": canonical_url(request),
        # The picture shared for a page without one of its own (bin/draw_illustrations.py).
        "share_image_url": request.build_absolute_uri(static("img/share.png")),
    }
    if getattr(request, "razon_page_cache", False):
        # Rendered for the page cache: each response gets its visitor's own token instead.
        context["csrf_token"] = pagecache.CSRF_PLACEHOLDER
    return context


def canonical_url(request):
    """The page's address for search engines: the path, plus the page number of a list
    (page 2 is other content). Filters, sorting, search words and tracking parameters are
    left out: they show a selection of the same page. The language is a cookie, not part of
    the address, so both languages share it (the content is Dutch in both)."""
    url = request.build_absolute_uri(request.path)
    page = request.GET.get(PAGE_PARAM, "")
    if page.isdigit() and int(page) > 1:
        url += f"?{PAGE_PARAM}={int(page)}"
    return url
