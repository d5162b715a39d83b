"""Receiving a contact message and notifying the secretariat.

The request only stores the message: a message without `notified_at` is owed its
notification, which the mail worker (razon/mail.py) sends, and sends again when the mail
server failed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from contact.models import ContactMessage, Status


def contact_message_create(*, form, is_spam):
    """Stores the message from a valid ContactForm; from then on its notification is owed
    (spam is never notified)."""
    message = form.save(commit=False)
    if is_spam:
        message.status = Status.SPAM
    message.save()
    return message


def send_notification(claim):
    """Mails the secretariat about one claimed message (razon/mail.py). Returns True when
    sent (`notified_at` then says when), False when it failed, None when it is gone."""
    message = ContactMessage.objects.filter(pk=claim.pk).first()
    if message is None:  # deleted a moment ago
        return None
    return claim.deliver(
        lambda: _notification(message),
        description=f"Contact notification {message.pk}",
        sent={"notified_at": timezone.now()},
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
