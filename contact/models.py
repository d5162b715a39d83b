from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from razon.personal_data import forget_in_admin_log


class Topic(models.TextChoices):
    SUGGESTION = "suggestie", _("Suggestie")
    REMARK = "opmerking", _("Opmerking")
    QUESTION = "vraag", _("Vraag")


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    IN_PROGRESS = "in_progress", _("In behandeling")
    DONE = "done", _("Afgehandeld")
    SPAM = "spam", _("Spam")


class ContactMessageQuerySet(models.QuerySet):
    def awaiting_notification(self):
        """Messages whose notification has not gone out yet (spam is never notified)."""
        return self.filter(notified_at__isnull=True).exclude(status=Status.SPAM)

    def older_than(self, moment):
        return self.filter(created_at__lt=moment)

    def for_email(self, address):
        """The messages sent with this address, in any case."""
        return self.filter(email__iexact=address)

    def erase(self):
        """Deletes these messages, and their names in the admin's log; returns how many."""
        forget_in_admin_log(self)
        deleted, _by_model = self.delete()
        return deleted

    def inbox_order(self):
        """New messages first, then in progress, done and spam; newest first within each."""
        priority = models.Case(
            *(models.When(status=status, then=rank) for rank, status in enumerate(Status.values)),
            output_field=models.IntegerField(),
        )
        return self.alias(status_rank=priority).order_by("status_rank", "-created_at")


class ContactMessage(models.Model):
    """A message a visitor sent with the form "Stuur ons een bericht". What the visitor wrote
    is plain text: it is never rendered as HTML."""

    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    organization = models.CharField(_("organisatie"), max_length=150, blank=True)
    topic = models.CharField(_("onderwerp"), max_length=20, choices=Topic, blank=True)
    message = models.TextField(_("bericht"), max_length=5000)
    page = models.CharField(
        _("verstuurd vanaf"),
        max_length=500,
        blank=True,
        help_text=_("De pagina waarop de bezoeker het formulier opende."),
    )
    created_at = models.DateTimeField(_("ontvangen"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NEW, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(
        _("interne notities"),
        blank=True,
        help_text=_("Alleen zichtbaar in het beheer, nooit voor de afzender."),
    )
    notified_at = models.DateTimeField(
        _("melding verstuurd"),
        null=True,
        blank=True,
        help_text=_("Wanneer de melding per e-mail naar het secretariaat is gegaan."),
    )
    notify_attempts = models.PositiveSmallIntegerField(_("pogingen tot melding"), default=0)
    notify_error = models.CharField(_("laatste fout bij melden"), max_length=300, blank=True)
    notify_claimed_at = models.DateTimeField(
        _("melding wordt verstuurd sinds"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer de mailworker de melding oppakte; leeg als niemand ermee bezig is. Lukt "
            "het versturen niet binnen enkele minuten, dan pakt een volgende ronde haar weer op."
        ),
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contactbericht")
        verbose_name_plural = _("contactberichten")

    def __str__(self):
        return f"{self.name}: {self.message[:60]}"
