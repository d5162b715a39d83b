"""Registering for an event, cancelling, and the e-mails that follow.

A registration is stored under a lock on its event's row, so the last seat is never given
twice however many people register at once. The request only stores: each registration
carries the e-mail it is still owed (`pending_mail`), which the mail worker (razon/mail.py)
sends, and sends again when the mail server failed, so nothing is sent twice or lost."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.calendar import calendar_for
from events.models import Event, PendingMail, Registration, RegistrationState, RegistrationStatus
from razon.mail import deliver

CANCEL_SALT = "events.registration.cancel"


class RegistrationRefused(Exception):
    """Registration is not possible; the message tells the visitor why."""


def register(*, event_id, form, is_spam=False):
    """Stores a valid RegistrationForm as confirmed or on the waiting list. Raises
    RegistrationRefused (closed, full, already registered) with a message for the visitor."""
    with transaction.atomic():
        # The lock serialises registrations for this event (PostgreSQL); SQLite serialises
        # every write transaction anyway.
        event = Event.objects.select_for_update().get(pk=event_id)
        registrations = event.registrations.all()
        confirmed = registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        state = event.registration_state(confirmed)
        if state not in (RegistrationState.OPEN, RegistrationState.WAITING_LIST):
            raise RegistrationRefused(_refusal(state))
        email = form.cleaned_data["email"]
        if registrations.active().filter(email__iexact=email).exists():
            raise RegistrationRefused(
                _(
                    "Met dit e-mailadres ben je al aangemeld voor deze bijeenkomst. Kijk in je "
                    "mail voor de bevestiging; daarin staat ook hoe je je afmeldt."
                )
            )
        registration = form.save(commit=False)
        registration.event = event
        if state == RegistrationState.OPEN:
            registration.status = RegistrationStatus.CONFIRMED
            registration.pending_mail = PendingMail.CONFIRMATION
        else:
            registration.status = RegistrationStatus.WAITING
            registration.pending_mail = PendingMail.WAITING
        if is_spam:
            # Set aside without a seat or a mail; the secretariat can see it in the admin.
            registration.status = RegistrationStatus.CANCELLED
            registration.pending_mail = PendingMail.NONE
            registration.cancelled_at = timezone.now()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            raise RegistrationRefused(
                _("Met dit e-mailadres ben je al aangemeld voor deze bijeenkomst.")
            ) from None
    return registration


def _refusal(state):
    return {
        RegistrationState.NOT_YET: _("Aanmelden voor deze bijeenkomst kan nog niet."),
        RegistrationState.FULL: _("Deze bijeenkomst is vol en heeft geen wachtlijst."),
    }.get(state, _("Aanmelden voor deze bijeenkomst is gesloten."))


def cancel(registration_id):
    """Cancels a registration; a freed seat goes to the first on the waiting list. Both are
    owed a mail. Returns the registration as it now is."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed_seat = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        # An erased registration has no address to mail.
        registration.pending_mail = (
            PendingMail.NONE if registration.erased_at else PendingMail.CANCELLED
        )
        registration.save(update_fields=["status", "cancelled_at", "pending_mail"])
        if freed_seat and not event.is_past:
            promoted = event.registrations.first_waiting()
            if promoted:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.pending_mail = PendingMail.PROMOTED
                promoted.save(update_fields=["status", "pending_mail"])
    return registration


def erase_registrations(registrations):
    """Erases these registrations' personal data on the person's request (AVG). One for an
    event still to come that holds a seat or a place on the waiting list is cancelled first,
    as the cancel link would (the waiting list moves up, the next person is mailed), but
    without a mail to the person who asked; one for a past event keeps its status, so the
    counts stay. Returns how many were erased."""
    with transaction.atomic():
        # Fixed first: cancelling changes the status a queryset may select on.
        ids = list(registrations.values_list("pk", flat=True))
        chosen = Registration.objects.filter(pk__in=ids)
        upcoming = chosen.active().filter(event__ends_at__gte=timezone.now())
        for registration_id in list(upcoming.values_list("pk", flat=True)):
            cancel(registration_id)
        return chosen.erase_personal_data()


def cancel_token(registration):
    return signing.dumps(str(registration.token), salt=CANCEL_SALT)


def registration_for_cancel_token(value):
    """The registration a cancel link belongs to, or None for a forged or unknown link."""
    try:
        token = signing.loads(value, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(token=token).first()


def send_registration_mail(registration_id):
    """Sends the e-mail a registration is owed, at most once. Returns True when sent, False
    when it failed, None when none was owed (any more).

    The mail is claimed by clearing `pending_mail` in one UPDATE, so two mail workers never
    both send it; a failure puts the claim back for a later pass."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.pending_mail:
        return None
    kind = registration.pending_mail
    claimed = Registration.objects.filter(pk=registration_id, pending_mail=kind).update(
        pending_mail=PendingMail.NONE
    )
    if not claimed:
        return None
    return deliver(
        lambda: _mail(registration, kind),
        description=f"Registration mail {registration_id} ({kind})",
        on_failure=lambda error: Registration.objects.filter(
            pk=registration_id, pending_mail=PendingMail.NONE
        ).update(pending_mail=kind, mail_attempts=registration.mail_attempts + 1, mail_error=error),
        on_success=lambda: Registration.objects.filter(pk=registration_id).update(mail_error=""),
    )


SUBJECTS = {
    PendingMail.CONFIRMATION: gettext_lazy("Aanmelding bevestigd: %(event)s"),
    PendingMail.WAITING: gettext_lazy("Op de wachtlijst: %(event)s"),
    PendingMail.PROMOTED: gettext_lazy("Er is een plaats vrij: je bent aangemeld voor %(event)s"),
    PendingMail.CANCELLED: gettext_lazy("Afgemeld: %(event)s"),
}


def _mail(registration, kind):
    event = registration.event
    with translation.override(settings.LANGUAGE_CODE):  # the site's content is Dutch
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "event_url": _absolute(event.get_absolute_url()),
            "cancel_url": _absolute(reverse("events:cancel", args=[cancel_token(registration)])),
            "show_join_url": kind in (PendingMail.CONFIRMATION, PendingMail.PROMOTED),
        }
        message = EmailMessage(
            subject=str(SUBJECTS[kind]) % {"event": event.title},
            body=render_to_string("events/email/registration.txt", context),
            to=[registration.email],
            reply_to=[settings.RAZON_CONTACT_EMAIL],
        )
    if context["show_join_url"]:
        message.attach("bijeenkomst.ics", calendar_for([event], _absolute), "text/calendar")
    return message


def _absolute(path):
    return f"{settings.RAZON_SITE_URL.rstrip('/')}{path}"
