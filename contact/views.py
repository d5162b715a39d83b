from django.conf import settings
from django.shortcuts import redirect
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from contact.forms import ContactForm
from contact.services import contact_message_create
from razon.pagecache import cached_page
from razon.partials import render_page
from razon.ratelimit import limit_reached

TEMPLATE = "contact/contact.html"


@require_http_methods(["GET", "HEAD", "POST"])
@cached_page(depends_on=())  # nothing from the database
def contact(request):
    """The form as a page of its own (the no-JavaScript path) and, for htmx, as the fragment
    that opens in the footer of every page and answers its submissions in place."""
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            if limit_reached(
                request,
                "contact",
                limit=settings.RAZON_CONTACT_RATE_LIMIT,
                window=settings.RAZON_CONTACT_RATE_WINDOW,
            ):
                return _render(request, form, status=429, rate_limited=True)
            contact_message_create(form=form, is_spam=form.looks_automated())
            if request.htmx:
                return _render(request, None, sent=True)
            return redirect("contact:thanks")
        return _render(request, form)
    form = ContactForm(initial={"page": _sent_from(request)})
    response = _render(request, form)
    if request.htmx:
        # The form notes the page it was opened on (so the page cache does not store it).
        patch_vary_headers(response, ["HX-Current-URL"])
    return response


@require_safe
def thanks(request):
    return _render(request, None, sent=True)


def _render(request, form, *, status=200, sent=False, rate_limited=False):
    response = render_page(
        request,
        TEMPLATE,
        {
            "form": form,
            "sent": sent,
            "rate_limited": rate_limited,
            "breadcrumbs": [(_("Contact"), request.path)],
        },
        partials=["contact-form"],
    )
    response.status_code = status
    return response


def _sent_from(request):
    """The page the visitor opened the form on: htmx tells it, the footer link passes it."""
    if request.htmx and request.htmx.current_url_abs_path:
        return request.htmx.current_url_abs_path
    return request.GET.get("van", "")
