from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from events import services
from events.calendar import calendar_for
from events.exports import AGENDA
from events.filters import EventFilter
from events.forms import RegistrationForm
from events.models import Event, RegistrationStatus
from events.schema import event_schema
from razon import related
from razon.pagecache import cached_page
from razon.pagination import paginate
from razon.partials import OVERVIEW_PARTIALS, render_page
from razon.preview import get_public_or_preview
from razon.ratelimit import limit_reached

PER_PAGE = 20
# What the pages of one event show (razon/pagecache.py), its seats left among them; the
# event page also its posts.
EVENT_PAGE = ["alliances", "documents", "events", "partnerships", "sectors", "seats:{slug}"]


@require_safe
@cached_page(depends_on=["events", "sectors"])
def event_list(request):
    filterset = EventFilter(
        request.GET, queryset=Event.objects.published().for_list(), request=request
    )
    year = filterset.year
    events = filterset.events()
    return render_page(
        request,
        "events/event_list.html",
        {
            "filterset": filterset,
            "year": year,
            "page": paginate(request, events, PER_PAGE),
            "archive": filterset.facet("jaar"),
            "downloads": AGENDA.downloads(filterset),
            "breadcrumbs": [(_("Agenda"), request.path)],
        },
        partials=OVERVIEW_PARTIALS,
    )


def _published_event(slug):
    return get_object_or_404(Event.objects.published().for_page(), slug=slug)


@require_safe
@cached_page(depends_on=[*EVENT_PAGE, "news", "routes"])
def event_detail(request, slug):
    event = get_public_or_preview(request, Event.objects.for_page(), slug=slug)
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "form": RegistrationForm(event=event),
            "related_sections": related.sections("event", event),
            "schema": event_schema(event, request.build_absolute_uri),
            "breadcrumbs": _breadcrumbs(event),
        },
    )


def _breadcrumbs(event, *extra):
    return [
        (_("Agenda"), reverse("events:list")),
        (event.title, event.get_absolute_url()),
        *extra,
    ]


@require_http_methods(["GET", "HEAD", "POST"])
@cached_page(depends_on=EVENT_PAGE)
def register(request, slug):
    """The registration form as a page of its own (without JavaScript) and, for htmx, the
    fragment on the event page that answers in place."""
    event = _published_event(slug)
    form = RegistrationForm(request.POST or None, event=event)
    context = {"event": event, "form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        if limit_reached(
            request,
            "registration",
            limit=settings.RAZON_REGISTRATION_RATE_LIMIT,
            window=settings.RAZON_REGISTRATION_RATE_WINDOW,
        ):
            context["refusal"] = _(
                "Er zijn vanaf dit adres de afgelopen minuten veel aanmeldingen verstuurd. Wacht "
                "even en probeer het dan opnieuw; je gegevens staan hieronder nog klaar."
            )
            status = 429
        else:
            try:
                services.register(event_id=event.pk, form=form, is_spam=form.looks_automated())
            except services.RegistrationRefused as refusal:
                context["refusal"] = str(refusal)
            else:
                # The same answer whatever the address's state (and for a bot set aside):
                # the mail tells the address's owner what happened.
                if not request.htmx:
                    return redirect("events:registered", slug=event.slug)
                context |= _mail_sent()
    context["breadcrumbs"] = _breadcrumbs(event, (_("Aanmelden"), request.path))
    response = render_page(request, "events/register.html", context, partials=["registration"])
    response.status_code = status
    return response


def _mail_sent():
    return {"mail_sent": True, "repeat_minutes": settings.RAZON_REGISTRATION_REPEAT_MAIL_MINUTES}


@require_safe
def registered(request, slug):
    """Where the form without JavaScript ends: "check your mail", the same for everyone."""
    event = _published_event(slug)
    return render(
        request,
        "events/register.html",
        {
            "event": event,
            **_mail_sent(),
            "breadcrumbs": _breadcrumbs(event, (_("Aanmelden"), request.path)),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The link in the mail: GET shows what will be confirmed and a button (mail scanners
    follow links, so a GET never confirms), POST confirms."""
    registration = services.registration_for_confirm_token(token)
    crumb = (_("Bevestigen"), request.path)
    if registration is None:
        context = {"registration": None, "breadcrumbs": [crumb]}
        return render(request, "events/confirm.html", context, status=400)
    context = {"registration": registration, "breadcrumbs": _breadcrumbs(registration.event, crumb)}
    status = 200
    pending = registration.status == RegistrationStatus.PENDING
    if pending and registration.confirmation_expired:
        context["refusal"], status = services.expired_message(), 410
    elif pending and request.method == "POST":
        try:
            context["registration"] = services.confirm(registration.pk)
            context["confirmed_now"] = True
        except services.ConfirmationExpired as refusal:
            context["refusal"], status = str(refusal), 410
        except services.RegistrationRefused as refusal:
            context["refusal"] = str(refusal)
    return render(request, "events/confirm.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """GET asks to confirm (mail scanners follow links), POST cancels."""
    registration = services.registration_for_cancel_token(token)
    context = {"registration": registration, "breadcrumbs": [(_("Afmelden"), request.path)]}
    if registration is None:
        response = render(request, "events/cancel.html", context)
        response.status_code = 400
        return response
    if request.method == "POST" and registration.status != RegistrationStatus.CANCELLED:
        context["registration"] = services.cancel(registration.pk)
        context["cancelled_now"] = True
    return render(request, "events/cancel.html", context)


@require_safe
@cached_page(depends_on=EVENT_PAGE)
def event_calendar(request, slug):
    event = _published_event(slug)
    return _ics(calendar_for([event], request.build_absolute_uri), f"{event.slug}.ics")


@require_safe
@cached_page(depends_on=["events"])
def agenda_calendar(request):
    events = Event.objects.published().for_calendar_feed()
    return _ics(
        calendar_for(events, request.build_absolute_uri, name=_("RA-ZON agenda")), "agenda.ics"
    )


def _ics(text, filename):
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
