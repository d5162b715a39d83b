"""What the events app adds to other pages (see razon/related.py): on an organisation's page
the events it is tied to, upcoming first, then the archive, a few of each."""

from django.db.models import BooleanField, Case, Exists, F, OuterRef, Q, When, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event
from partnerships.models import Partnership
from razon.related import RelatedItem, RelatedSection

LIMIT = 5


def _tied_to(organization):
    """The published events an organisation organises (the organisers cover co-organising:
    there is no separate co-organiser) or that one of its published partnerships organises,
    each with `organised` telling which."""
    organised = Event.organisers.through.objects.filter(
        event=OuterRef("pk"), organization=organization
    )
    partnerships = Partnership.objects.published().filter(memberships__organization=organization)
    via_partnership = Event.partnerships.through.objects.filter(
        event=OuterRef("pk"), partnership__in=partnerships
    )
    return (
        Event.objects.published()
        .annotate(organised=Exists(organised))
        .filter(Q(organised=True) | Exists(via_partnership))
        .only("title", "slug", "starts_at", "ends_at")
    )


def _section(title, events, more_url):
    return RelatedSection(
        title,
        [
            RelatedItem(
                event.title,
                event.get_absolute_url(),
                "{} · {}".format(
                    date_format(timezone.localtime(event.starts_at), "j F Y"),
                    _("organisator") if event.organised else _("via een partnerschap"),
                ),
            )
            for event in events[:LIMIT]
        ],
        more_url=more_url if len(events) > LIMIT else "",
        more_label=_("Meer bijeenkomsten in de agenda"),
    )


def events_of(organization):
    """For the organisation page: its next events, soonest first, then its latest past
    ones, newest first: LIMIT of each, in one query whatever their number (a row number per
    group; one more row tells that there are more, for the link to the agenda)."""
    now = timezone.now()
    upcoming = Q(ends_at__gte=now)
    events = list(
        _tied_to(organization)
        .annotate(
            is_upcoming=Case(When(upcoming, then=True), default=False, output_field=BooleanField()),
            number=Window(
                RowNumber(),
                partition_by=[F("is_upcoming")],
                order_by=[
                    Case(When(upcoming, then=F("starts_at"))).asc(nulls_last=True),
                    F("starts_at").desc(),
                    F("pk").asc(),
                ],
            ),
        )
        .filter(number__lte=LIMIT + 1)
        .order_by("number")
    )
    agenda = reverse("events:list")
    coming = [event for event in events if event.is_upcoming]
    past = [event for event in events if not event.is_upcoming]
    # The agenda's archive opens by year: the year of the first past event not shown.
    older = f"{agenda}?jaar={timezone.localtime(past[-1].starts_at).year}" if past else ""
    return [
        _section(_("Komende bijeenkomsten"), coming, agenda),
        _section(_("Eerdere bijeenkomsten"), past, older),
    ]
