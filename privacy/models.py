from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from razon import personal_data


class Action(models.TextChoices):
    LOOKUP = "lookup", _("Opgezocht")
    EXPORT = "export", _("Geëxporteerd")
    ERASE = "erase", _("Gewist")


class DataRequestLogQuerySet(models.QuerySet):
    def for_address(self, address):
        """The earlier requests for this address (matched by its keyed hash), newest first."""
        return self.filter(address_digest=personal_data.address_digest(address)).order_by(
            "-created_at"
        )


class DataRequestLog(models.Model):
    """One lookup, export or erasure of a person's data: who did it, when, and how many items
    of each kind. The address itself is not kept, only a keyed hash of it, so the log holds no
    personal data of the person once their data is erased, and still shows an earlier request
    when the same address is entered again."""

    action = models.CharField(_("handeling"), max_length=10, choices=Action)
    created_at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    username = models.CharField(
        _("gebruikersnaam"),
        max_length=150,
        help_text=_("Bewaard voor als het account later wordt verwijderd."),
    )
    address_digest = models.CharField(
        _("kenmerk van het e-mailadres"),
        max_length=64,
        db_index=True,
        editable=False,
        help_text=_(
            "Een versleuteld kenmerk, niet het adres zelf: voer het adres opnieuw in om eerdere "
            "verzoeken ervoor te vinden."
        ),
    )
    counts = models.JSONField(
        _("aantallen"),
        default=dict,
        help_text=_("Hoeveel items van elke soort er werden gevonden, geëxporteerd of gewist."),
    )

    objects = DataRequestLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("AVG-verzoek")
        verbose_name_plural = _("AVG-verzoeken")
        # "handle": look up, export and erase a person's data (privacy/views.py).
        permissions = [
            ("handle_datarequestlog", _("Mag gegevens van een persoon opzoeken en wissen (AVG)"))
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.created_at:%Y-%m-%d %H:%M} ({self.username})"

    def counts_text(self):
        """ "Aanmeldingen: 1, Wachtlijst: 0, Contactberichten: 2", in the registry's order."""
        return ", ".join(
            f"{label}: {count}" for label, count in personal_data.labelled(self.counts)
        )

    @classmethod
    def record(cls, user, action, address, counts):
        return cls.objects.create(
            action=action,
            user=user,
            username=user.get_username(),
            address_digest=personal_data.address_digest(address),
            counts=counts,
        )
