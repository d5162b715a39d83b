"""Receiving a contact message and notifying the secretariat.

The request only stores the message: a message without `notified_at` is owed its
notification, which the mail worker (razon/mail.py) sends, and sends again when the mail
server failed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contact.models import ContactMessage, Status
from razon.mail import deliver


def contact_message_create(*, form, is_spam):
    """Stores the message from a valid ContactForm; from then on its notification is owed
    (spam is never notified)."""
    message = form.save(commit=False)
    if is_spam:
        message.status = Status.SPAM
    message.save()
    return message


def send_notification(message_id):
    """Mails the secretariat about one message, at most once. Returns True when sent, False
    when it failed, None when it was not owed (any more).

    The message is claimed by setting notified_at in one UPDATE, so two mail workers never
    both send it; a failure gives the claim back."""
    claimed = (
        ContactMessage.objects.awaiting_notification()
        .filter(pk=message_id)
        .update(notified_at=timezone.now())
    )
    if not claimed:
        return None
    message = ContactMessage.objects.get(pk=message_id)
    return deliver(
        lambda: _notification(message),
        description=f"Contact notification {message_id}",
        on_failure=lambda error: ContactMessage.objects.filter(pk=message_id).update(
            notified_at=None, notify_attempts=message.notify_attempts + 1, notify_error=error
        ),
        on_success=lambda: ContactMessage.objects.filter(pk=message_id).update(notify_error=""),
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
