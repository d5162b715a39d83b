"""Receiving a contact message and notifying the secretariat.

The message is stored first, in the request that receives it; the notification is sent after
the commit and, when the mail server fails, again later by `send_contact_notifications`."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contact.models import ContactMessage, Status
from razon.mail import deliver, send_each


def contact_message_create(*, form, is_spam):
    """Stores the message from a valid ContactForm; schedules its notification."""
    message = form.save(commit=False)
    if is_spam:
        message.status = Status.SPAM
    message.save()
    if not is_spam:
        transaction.on_commit(lambda: send_notification(message.pk))
    return message


def send_notification(message_id):
    """Mails the secretariat about one message, at most once. Returns True when sent.

    The message is claimed by setting notified_at in one UPDATE, so two senders (a request
    and the retry command) never both send it; a failure gives the claim back."""
    claimed = (
        ContactMessage.objects.awaiting_notification()
        .filter(pk=message_id)
        .update(notified_at=timezone.now())
    )
    if not claimed:
        return False
    message = ContactMessage.objects.get(pk=message_id)
    return deliver(
        lambda: _notification(message),
        description=f"Contact notification {message_id}",
        on_failure=lambda error: ContactMessage.objects.filter(pk=message_id).update(
            notified_at=None, notify_attempts=message.notify_attempts + 1, notify_error=error
        ),
        on_success=lambda: ContactMessage.objects.filter(pk=message_id).update(notify_error=""),
    )


def send_pending_notifications():
    """Sends every notification that has not gone out yet; returns (sent, failed)."""
    return send_each(
        ContactMessage.objects.awaiting_notification().values_list("pk", flat=True),
        send_notification,
    )


def _notification(message):
    with translation.override(settings.LANGUAGE_CODE):  # the secretariat reads Dutch
        return _build_notification(message)


def _build_notification(message):
    topic = message.get_topic_display() or _("Bericht")
    body = "\n".join(
        [
            _("Nieuw bericht via de website van RA-ZON."),
            "",
            f"{_('Naam')}: {message.name}",
            f"{_('E-mail')}: {message.email}",
            f"{_('Organisatie')}: {message.organization or '-'}",
            f"{_('Onderwerp')}: {topic}",
            f"{_('Pagina')}: {message.page or '-'}",
            "",
            message.message,
        ]
    )
    return EmailMessage(
        subject=f"[RA-ZON] {topic}: {message.name}"[:200],
        body=body,
        to=settings.RAZON_CONTACT_RECIPIENTS,
        reply_to=[message.email],
    )
