"""A forgotten password: a staff member asks for a link by e-mail, with Django's own views and
token (accounts/urls.py). The request only records that a mail is owed (PasswordResetMail);
the mail worker (razon/mail.py) makes the link and sends it, so the answer never waits for the
mail server, nor takes longer for an address that has an account than for one that has not.

Limits: per client and per e-mail address in the cache (razon/ratelimit.py, failing open),
and per account in the database, which holds when the cache is out."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.models import PasswordResetMail
from razon.mail import site_url
from razon.ratelimit import limit_reached, subject_limit_reached


def limit_reached_for(request, email):
    """True when this client, or this e-mail address from any client, has asked too often.
    Counted for every address, with or without an account, so the answer tells nothing."""
    window = settings.RAZON_PASSWORD_RESET_RATE_WINDOW
    by_client = limit_reached(
        request,
        "password-reset",
        limit=settings.RAZON_PASSWORD_RESET_RATE_LIMIT,
        window=window,
    )
    by_address = subject_limit_reached(
        "password-reset-address",
        email.strip().lower(),
        limit=settings.RAZON_PASSWORD_RESET_ADDRESS_LIMIT,
        window=window,
    )
    return by_client or by_address


def request_mails(users):
    """Records the mail each user is owed, at most RAZON_PASSWORD_RESET_ADDRESS_LIMIT per
    account per window (silently: the page says the same either way). Requests older than the
    window are removed on the way, whoever asked."""
    PasswordResetMail.objects.expired().delete()
    for user in users:
        if user.password_reset_mails.recent().count() < settings.RAZON_PASSWORD_RESET_ADDRESS_LIMIT:
            PasswordResetMail.objects.create(user=user)


def may_reset(user):
    """Who may set a new password by e-mail: active staff with a usable password (non-staff
    have no business in the back-office)."""
    return user.is_active and user.is_staff and user.has_usable_password()


def send_password_reset_mail(claim):
    """Sends one claimed reset mail (razon/mail.py). Returns True when sent (`sent_at` then
    says when), False when it failed, None when it is gone or the account may no longer
    reset its password (it is then marked done unsent)."""
    mail = PasswordResetMail.objects.select_related("user").filter(pk=claim.pk).first()
    if mail is None:  # expired and deleted a moment ago
        return None
    if not (may_reset(mail.user) and mail.user.email):
        claim.finish(sent_at=timezone.now())
        return None
    return claim.deliver(
        lambda: _message(mail.user),
        description=f"Password reset mail {mail.pk}",
        sent={"sent_at": timezone.now()},
    )


def _message(user):
    # Made now, not at the request: the link is valid for PASSWORD_RESET_TIMEOUT from here.
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    with translation.override(settings.LANGUAGE_CODE):  # the back-office is Dutch
        context = {
            "user": user,
            "reset_url": site_url(path),
            "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        return EmailMessage(
            subject=_("Nieuw wachtwoord voor het beheer van RA-ZON"),
            body=render_to_string("accounts/email/password_reset.txt", context),
            to=[user.email],
        )
