"""Registering for an event, confirming, cancelling, and the e-mails that follow.

Registering asks the address's owner to confirm (double opt-in, README "Agenda and
registrations"): the form's answer is the same whatever the address's state, and the mail to
the address tells its owner what happened. A registration takes a seat only when confirmed.

Registrations are stored and confirmed under a lock on their event's row, so the last seat is
never given twice however many people confirm at once. The request only stores: each
registration carries the e-mail it is still owed (`pending_mail`) until the mail server
accepted it; the mail worker (razon/mail.py) claims it, sends it, and sends it again when the
mail server failed or the worker died on the way, so nothing is lost."""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.calendar import calendar_for
from events.models import Event, PendingMail, Registration, RegistrationState, RegistrationStatus
from razon.mail import replaced, site_url

CANCEL_SALT = "events.registration.cancel"
CONFIRM_SALT = "events.registration.confirm"
TYPED_FIELDS = ["name", "organization", "role", "question"]
# Mails that registering an address again can cause: at most one per registration per
# RAZON_REGISTRATION_REPEAT_MAIL_MINUTES, so the form cannot be used to flood an inbox.
REPEATABLE_MAILS = {PendingMail.CONFIRM_REQUEST, PendingMail.ALREADY_REGISTERED}


class RegistrationRefused(Exception):
    """Registration is not possible; the message tells the visitor why."""


class ConfirmationExpired(RegistrationRefused):
    """The confirmation link no longer works."""


def register(*, event_id, form, is_spam=False):
    """Stores a valid RegistrationForm; what follows depends on the address, but the visitor
    is told the same in every case ("we sent you an e-mail"), so the form never tells who is
    registered. Every case is one write under the event's lock, before the answer:

    - a new address: a row that waits for confirmation, holds no seat, and is owed the mail
      with the confirmation link;
    - an address that waits for confirmation: its row takes what was typed now, its link
      works again for the full window, and the link is mailed again;
    - an address registered or on the waiting list: its row stays as its owner confirmed it
      (what was typed now is not stored: it may be someone else's), and the owner is mailed
      that they are registered, with the cancel link;
    - a bot (`is_spam`): set aside without a seat or a mail.

    Raises RegistrationRefused only for the event's own state (closed, not yet open, full
    without a waiting list), which the event page shows anyone anyway."""
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
        existing = registrations.active().filter(email__iexact=email).first()
        try:
            with transaction.atomic():  # one write in every case, in a savepoint
                _store(event, form, existing, is_spam)
        except IntegrityError:
            pass  # registered a moment ago by a request that did not wait for the lock


def _store(event, form, existing, is_spam):
    if is_spam:
        # Set aside without a seat or a mail; the secretariat can see it in the admin.
        registration = form.save(commit=False)
        registration.event = event
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save()
    elif existing is None:
        registration = form.save(commit=False)
        registration.event = event
        registration.status = RegistrationStatus.PENDING
        registration.pending_mail = PendingMail.CONFIRM_REQUEST
        registration.save()
    elif existing.status == RegistrationStatus.PENDING:
        for field in TYPED_FIELDS:
            setattr(existing, field, form.cleaned_data[field])
        existing.created_at = timezone.now()
        existing.pending_mail = PendingMail.CONFIRM_REQUEST
        existing.save(update_fields=[*TYPED_FIELDS, "created_at", "pending_mail"])
    else:
        # A mail still owed (the confirmation, say) already tells the owner.
        existing.pending_mail = existing.pending_mail or PendingMail.ALREADY_REGISTERED
        existing.save(update_fields=["pending_mail"])


def _refusal(state):
    return {
        RegistrationState.NOT_YET: _("Aanmelden voor deze bijeenkomst kan nog niet."),
        RegistrationState.FULL: _("Deze bijeenkomst is vol en heeft geen wachtlijst."),
    }.get(state, _("Aanmelden voor deze bijeenkomst is gesloten."))


def confirm(registration_id):
    """Confirms a registration that waits for it: a seat when one is free, else the waiting
    list; owed the mail that says which. A registration confirmed before is left as it is.
    Returns the registration as it now is; raises ConfirmationExpired when the link no
    longer works and RegistrationRefused when the event takes nobody (closed, full without a
    waiting list: the registration then waits as it was, until its link expires)."""
    with transaction.atomic():
        # Locked in the order cancel() locks them.
        registration = Registration.objects.select_for_update().filter(pk=registration_id).first()
        if registration is None:  # expired and deleted a moment ago
            raise ConfirmationExpired(expired_message())
        registration.event = Event.objects.select_for_update().get(pk=registration.event_id)
        if registration.status != RegistrationStatus.PENDING:
            return registration
        if registration.confirmation_expired:
            raise ConfirmationExpired(expired_message())
        event = registration.event
        state = event.registration_state(
            event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        )
        if state == RegistrationState.OPEN:
            registration.status = RegistrationStatus.CONFIRMED
            registration.pending_mail = PendingMail.CONFIRMATION
        elif state == RegistrationState.WAITING_LIST:
            registration.status = RegistrationStatus.WAITING
            registration.pending_mail = PendingMail.WAITING
        else:
            raise RegistrationRefused(_refusal(state))
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "pending_mail", "confirmed_at"])
    return registration


def expired_message():
    return _(
        "Deze bevestigingslink is verlopen. Je aanmelding is niet doorgegaan; meld je opnieuw "
        "aan, dan sturen we je een nieuwe link."
    )


def expire_unconfirmed():
    """Deletes the registrations whose confirmation link expired unused; returns how many.
    Nobody consented to them: they may hold someone else's address."""
    deleted, _per_model = Registration.objects.unconfirmed_expired().delete()
    return deleted


def cancel(registration_id):
    """Cancels a registration; a freed seat goes to the first on the waiting list. Both are
    owed a mail. Returns the registration as it now is."""
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        event = Event.objects.select_for_update().get(pk=registration.event_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        freed_seat = registration.status == RegistrationStatus.CONFIRMED
        # One never confirmed is not mailed: its address may not be the registrant's.
        owner_confirmed = registration.status != RegistrationStatus.PENDING
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        # One never confirmed is not mailed (its address may not be the registrant's),
        # nor an erased one (it has no address).
        owner_reachable = owner_confirmed and not registration.erased_at
        registration.pending_mail = PendingMail.CANCELLED if owner_reachable else PendingMail.NONE
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


def confirm_token(registration):
    return signing.dumps(str(registration.token), salt=CONFIRM_SALT)


def registration_for_cancel_token(value):
    """The registration a cancel link belongs to, or None for a forged or unknown link."""
    return _registration_for(value, CANCEL_SALT)


def registration_for_confirm_token(value):
    """The registration a confirmation link belongs to, or None for a forged or unknown link
    (or one whose registration expired and was deleted)."""
    return _registration_for(value, CONFIRM_SALT)


def _registration_for(value, salt):
    # The signature keeps guessed values away from the database; the UUID inside is random.
    try:
        token = signing.loads(value, salt=salt)
    except signing.BadSignature:
        return None
    return Registration.objects.select_related("event").filter(token=token).first()


def send_registration_mail(claim):
    """Sends the e-mail a claimed registration is owed (razon/mail.py). Returns True when
    sent, False when it failed, None when none was owed (any more) or it is dropped.

    The kind sent is the one owed now; once the mail server accepted it, `pending_mail` is
    cleared only if it still names that kind: one owed meanwhile (confirmed or cancelled
    while this mail was on its way) stays owed for the next pass."""
    registration = Registration.objects.select_related("event").filter(pk=claim.pk).first()
    if registration is None:  # expired and deleted a moment ago
        return None
    kind = registration.pending_mail
    if not kind:  # erased a moment ago
        claim.finish()
        return None
    done = {"pending_mail": replaced("pending_mail", kind, PendingMail.NONE)}
    repeat_key = f"events:registration-mail:{registration.pk}"
    if kind in REPEATABLE_MAILS and cache.get(repeat_key):
        claim.finish(**done)  # its owner was mailed about it a moment ago: this one is dropped
        return None
    sent = claim.deliver(
        lambda: _mail(registration, kind),
        description=f"Registration mail {registration.pk} ({kind})",
        sent=done,
    )
    if sent and kind in REPEATABLE_MAILS:
        minutes = settings.RAZON_REGISTRATION_REPEAT_MAIL_MINUTES
        cache.set(repeat_key, True, minutes * 60)
    return sent


SUBJECTS = {
    PendingMail.CONFIRM_REQUEST: gettext_lazy("Bevestig je aanmelding: %(event)s"),
    PendingMail.ALREADY_REGISTERED: gettext_lazy("Je bent al aangemeld: %(event)s"),
    PendingMail.CONFIRMATION: gettext_lazy("Aanmelding bevestigd: %(event)s"),
    PendingMail.WAITING: gettext_lazy("Op de wachtlijst: %(event)s"),
    PendingMail.PROMOTED: gettext_lazy("Er is een plaats vrij: je bent aangemeld voor %(event)s"),
    PendingMail.CANCELLED: gettext_lazy("Afgemeld: %(event)s"),
}


ALREADY_WAITING_SUBJECT = gettext_lazy("Je staat al op de wachtlijst: %(event)s")


def _subject(registration, kind):
    waiting = registration.status == RegistrationStatus.WAITING
    if kind == PendingMail.ALREADY_REGISTERED and waiting:
        return ALREADY_WAITING_SUBJECT
    return SUBJECTS[kind]


def _mail(registration, kind):
    event = registration.event
    seated = registration.status == RegistrationStatus.CONFIRMED
    with translation.override(settings.LANGUAGE_CODE):  # the site's content is Dutch
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "event_url": site_url(event.get_absolute_url()),
            "cancel_url": site_url(reverse("events:cancel", args=[cancel_token(registration)])),
            # Only the address's owner reads this mail: the join link is safe in it.
            "show_join_url": kind in (PendingMail.CONFIRMATION, PendingMail.PROMOTED)
            or (kind == PendingMail.ALREADY_REGISTERED and seated),
        }
        if kind == PendingMail.CONFIRM_REQUEST:
            confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
            context |= {
                "confirm_url": site_url(
                    reverse("events:confirm", args=[confirm_token(registration)])
                ),
                "confirm_before": registration.confirm_before,
                "state": event.registration_state(confirmed),
            }
        message = EmailMessage(
            subject=str(_subject(registration, kind)) % {"event": event.title},
            body=render_to_string("events/email/registration.txt", context),
            to=[registration.email],
            reply_to=[settings.RAZON_CONTACT_EMAIL],
        )
    if context["show_join_url"]:
        message.attach("bijeenkomst.ics", calendar_for([event], site_url), "text/calendar")
    return message
