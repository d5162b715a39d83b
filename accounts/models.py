"""Who works in the back-office for which organisation, and the password-reset mails they
asked for."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization


class StaffProfile(models.Model):
    """The organisation a staff member works for. A Projectleider manages the users of their
    own organisation (accounts/admin.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("gebruiker"),
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profiles",
        help_text=_("De organisatie waarvoor deze gebruiker werkt."),
    )

    class Meta:
        verbose_name = _("organisatie van de gebruiker")
        verbose_name_plural = _("organisaties van gebruikers")

    def __str__(self):
        return str(self.organization or "–")


def organization_of(user):
    """The user's organisation, or None."""
    profile = getattr(user, "staff_profile", None) if user.is_authenticated else None
    return profile.organization if profile else None


class PasswordResetMailQuerySet(models.QuerySet):
    def recent(self):
        """Asked for within the rate window: these count against the account's limit."""
        return self.filter(requested_at__gte=self._window_start())

    def expired(self):
        """Asked for before the rate window: they count for nothing any more."""
        return self.filter(requested_at__lt=self._window_start())

    def awaiting_mail(self):
        """Recent requests whose mail has not gone out yet; one asked for longer ago is
        dropped (the person has asked again or given up)."""
        return self.recent().filter(sent_at__isnull=True)

    def _window_start(self):
        return timezone.now() - timedelta(seconds=settings.RAZON_PASSWORD_RESET_RATE_WINDOW)


class PasswordResetMail(models.Model):
    """A staff member asked for a link to set a new password: the mail worker owes them one
    (accounts/password_reset.py). The link itself is made when the mail is sent, and never
    stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="password_reset_mails",
        verbose_name=_("gebruiker"),
    )
    requested_at = models.DateTimeField(_("aangevraagd"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("verstuurd"), null=True, blank=True)
    mail_attempts = models.PositiveSmallIntegerField(_("pogingen tot versturen"), default=0)
    mail_error = models.CharField(_("laatste fout bij versturen"), max_length=300, blank=True)
    mail_claimed_at = models.DateTimeField(
        _("e-mail wordt verstuurd sinds"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer de mailworker de e-mail oppakte; leeg als niemand ermee bezig is. Lukt "
            "het versturen niet binnen enkele minuten, dan pakt een volgende ronde de e-mail op."
        ),
    )

    objects = PasswordResetMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail voor een nieuw wachtwoord")
        verbose_name_plural = _("e-mails voor een nieuw wachtwoord")

    def __str__(self):
        return f"{self.user} {self.requested_at:%Y-%m-%d %H:%M}"
