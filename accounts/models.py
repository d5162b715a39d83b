"""Who works in the back-office for which organisation."""

from django.conf import settings
from django.db import models
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
