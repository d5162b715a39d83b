"""Strategy sessions, information meetings and other gatherings, and who registers for them."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from partnerships.models import Partnership
from razon.collation import by_name
from razon.images import picture_fields, require_picture_description
from razon.models import DemoFlag, Document, Publishable, PublishableQuerySet, Sector
from razon.navigation import item_url
from razon.personal_data import ERASED, forget_in_admin_log
from razon.richtext import RichTextField


class EventKind(models.TextChoices):
    STRATEGY_SESSION = "strategiesessie", _("Strategiesessie")
    INFORMATION_MEETING = "informatiebijeenkomst", _("Informatiebijeenkomst")
    NETWORK_MEETING = "netwerkbijeenkomst", _("Netwerkbijeenkomst")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "overig", _("Overig")


class RegistrationState(models.TextChoices):
    """Where an event's registration stands for a visitor right now."""

    NONE = "none", _("Aanmelden is niet nodig of niet mogelijk")
    NOT_YET = "not_yet", _("Aanmelden kan nog niet")
    OPEN = "open", _("Aanmelden is open")
    WAITING_LIST = "waiting_list", _("Vol: aanmelden voor de wachtlijst")
    FULL = "full", _("Vol")
    CLOSED = "closed", _("Aanmelden is gesloten")


# What an event card shows (home page).
CARD_FIELDS = [
    *("kind", "title", "slug", "summary", "starts_at", "ends_at"),
    *("image", "image_alt", "image_width", "image_height"),
]
# A calendar subscription is a window, not the archive (see for_calendar_feed).
CALENDAR_FEED_SIZE = 100


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        """Events that have not ended yet, soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")

    def for_calendar_feed(self, now=None):
        """What the agenda's calendar subscription holds: the events of the past year and
        all upcoming ones, at most CALENDAR_FEED_SIZE (the latest kept), so the file stays
        small however long the archive grows."""
        since = (now or timezone.now()) - timedelta(days=365)
        return self.filter(ends_at__gte=since).order_by("-starts_at")[:CALENDAR_FEED_SIZE]

    def with_registration_counts(self):
        return self.annotate(
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
            pending_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.PENDING)
            ),
        )

    def for_list(self):
        return self.prefetch_related("sectors").order_by("starts_at")

    def for_cards(self):
        """Events as short cards (home page): the fields a card shows, no joins."""
        return self.only(*CARD_FIELDS)

    def for_export(self):
        """Events as the open data holds them: sectors, and the published organisers and
        partnerships."""
        return self.prefetch_related(
            "sectors",
            models.Prefetch(
                "organisers",
                queryset=Organization.objects.published().order_by(*by_name()),
                to_attr="public_organisers",
            ),
            models.Prefetch(
                "partnerships",
                queryset=Partnership.objects.published().order_by(*by_name()),
                to_attr="public_partnerships",
            ),
        ).order_by("starts_at")

    def for_page(self):
        return self.with_registration_counts().prefetch_related(
            "sectors",
            "programme_items",
            "documents",
            models.Prefetch("organisers", queryset=Organization.objects.published()),
            models.Prefetch("partnerships", queryset=Partnership.objects.published()),
        )


class Event(DemoFlag, Publishable):
    # Moments the public pages change by themselves (razon/pagecache.py: horizon).
    SCHEDULE_FIELDS = ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at")

    kind = models.CharField(_("soort"), max_length=30, choices=EventKind, default=EventKind.OTHER)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("webadres"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van het webadres; wordt uit de titel gemaakt."),
    )
    summary = models.CharField(
        _("samenvatting"),
        max_length=300,
        help_text=_("Eén of twee zinnen voor de agenda en zoekmachines."),
    )
    body = RichTextField(_("beschrijving"), blank=True)
    image, image_alt, image_width, image_height = picture_fields("image", "agenda/%Y/")
    starts_at = models.DateTimeField(
        _("begint om"), db_index=True, help_text=_("Datum en tijd in Nederlandse tijd.")
    )
    ends_at = models.DateTimeField(
        _("eindigt om"), help_text=_("Datum en tijd in Nederlandse tijd.")
    )
    location = models.CharField(
        _("locatie"),
        max_length=200,
        blank=True,
        help_text=_("Naam en adres van de plek. Leeg laten voor een online bijeenkomst."),
    )
    online = models.BooleanField(
        _("online"),
        default=False,
        help_text=_("Vink aan als de bijeenkomst (ook) online is, bijvoorbeeld via MS Teams."),
    )
    online_platform = models.CharField(
        _("online via"), max_length=60, blank=True, help_text=_("Bijvoorbeeld: MS Teams, Zoom.")
    )
    join_url = models.URLField(
        _("deelnamelink"),
        blank=True,
        help_text=_(
            "De link naar de online bijeenkomst. Staat niet op de site: alleen aangemelde "
            "deelnemers krijgen hem in hun bevestiging."
        ),
    )
    audience = models.TextField(
        _("doelgroep"), blank=True, help_text=_("Voor wie de bijeenkomst bedoeld is.")
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True)
    organisers = models.ManyToManyField(
        Organization,
        verbose_name=_("organisatoren"),
        blank=True,
        related_name="organised_events",
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerschappen"),
        blank=True,
        related_name="events",
        help_text=_(
            "De partnerschappen die deze bijeenkomst (mede) organiseren; hun "
            "partnerschapsredacteuren mogen haar bewerken."
        ),
    )
    documents = models.ManyToManyField(
        Document,
        verbose_name=_("documenten"),
        blank=True,
        related_name="events",
        help_text=_("Presentaties, analyses, verslagen en formats om te downloaden."),
    )
    report = RichTextField(_("verslag"), blank=True)
    follow_up = models.ForeignKey(
        "self",
        verbose_name=_("vervolgbijeenkomst"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="preceded_by",
    )
    registration_enabled = models.BooleanField(
        _("aanmelden via de site"),
        default=False,
        help_text=_("Vink aan om het aanmeldformulier op de pagina te tonen."),
    )
    registration_opens_at = models.DateTimeField(
        _("aanmelden open vanaf"),
        null=True,
        blank=True,
        help_text=_("Optioneel. Leeg: meteen open."),
    )
    registration_closes_at = models.DateTimeField(
        _("aanmelden sluit om"),
        null=True,
        blank=True,
        help_text=_("Optioneel. Leeg: open tot de bijeenkomst begint."),
    )
    capacity = models.PositiveIntegerField(
        _("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen maximum.")
    )
    waiting_list = models.BooleanField(
        _("wachtlijst"),
        default=True,
        help_text=_(
            "Als het vol is, kunnen mensen zich op de wachtlijst zetten. Wie afzegt, maakt "
            "plaats voor de eerste op de wachtlijst; die krijgt daar automatisch bericht van."
        ),
    )
    extra_question = models.CharField(
        _("extra vraag"),
        max_length=200,
        blank=True,
        help_text=_("Optioneel, bijvoorbeeld: Welke vraag wil je vooraf indienen?"),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Het einde ligt vóór het begin."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return item_url("events:detail", self.slug)

    def clean(self):
        super().clean()
        require_picture_description(self, "image")

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def registration_closes(self):
        return self.registration_closes_at or self.starts_at

    def registration_state(self, confirmed_count, now=None):
        """The state for a visitor, given how many seats are taken."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return RegistrationState.NONE
        if now >= self.registration_closes:
            return RegistrationState.CLOSED
        if self.registration_opens_at and now < self.registration_opens_at:
            return RegistrationState.NOT_YET
        if self.capacity is not None and confirmed_count >= self.capacity:
            return RegistrationState.WAITING_LIST if self.waiting_list else RegistrationState.FULL
        return RegistrationState.OPEN

    @property
    def current_registration_state(self):
        """The state now (needs `for_page()`'s counts)."""
        return self.registration_state(self.confirmed_count)

    @property
    def seats_left(self):
        """Free seats (needs `for_page()`'s counts); None when there is no maximum."""
        if self.capacity is None:
            return None
        return max(0, self.capacity - self.confirmed_count)


class ProgrammeItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme_items")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    starts_at = models.TimeField(_("tijd"), null=True, blank=True)
    title = models.CharField(_("onderdeel"), max_length=200)
    description = RichTextField(_("toelichting"), blank=True)
    speaker = models.CharField(
        _("door"), max_length=200, blank=True, help_text=_("Spreker of organisatie.")
    )

    class Meta:
        ordering = ["position", "starts_at", "pk"]
        verbose_name = _("programmaonderdeel")
        verbose_name_plural = _("programma")

    def __str__(self):
        return self.title


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op bevestiging")
    CONFIRMED = "confirmed", _("Aangemeld")
    WAITING = "waiting", _("Wachtlijst")
    CANCELLED = "cancelled", _("Afgemeld")


class PendingMail(models.TextChoices):
    """The e-mail a registration still has to receive (sent after commit, retried later)."""

    NONE = "", _("Geen")
    CONFIRM_REQUEST = "confirm_request", _("Vraag om te bevestigen")
    ALREADY_REGISTERED = "already", _("Al aangemeld")
    CONFIRMATION = "confirmation", _("Bevestiging")
    WAITING = "waiting", _("Op de wachtlijst")
    PROMOTED = "promoted", _("Van wachtlijst naar aangemeld")
    CANCELLED = "cancelled", _("Afmelding")


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def awaiting_mail(self):
        """Registrations owed a mail; an erased one has no address to mail."""
        return self.exclude(pending_mail=PendingMail.NONE).filter(erased_at__isnull=True)

    def first_waiting(self):
        """Who confirmed first (rows from before confirmation existed: who registered first)."""
        return (
            self.filter(status=RegistrationStatus.WAITING, erased_at__isnull=True)
            .order_by(Coalesce("confirmed_at", "created_at"), "pk")
            .first()
        )

    def for_email(self, address):
        """The registrations made with this address, in any case (none once erased)."""
        return self.filter(email__iexact=address, erased_at__isnull=True)

    def of_events_ended_before(self, moment):
        return self.filter(event__ends_at__lt=moment)

    def erase_personal_data(self):
        """Anonymises these registrations in place: name, address, organisation, function,
        question, mail error and cancel code are emptied, no mail stays owed, and `erased_at`
        records it. Event, status and dates stay, so every count of registrations and the
        waiting list stays as it was. An old cancel link then finds nothing, and an emptied
        address never counts as "already registered". Returns how many were erased."""
        rows = self.filter(erased_at__isnull=True)
        forget_in_admin_log(rows)
        return rows.update(
            name="",
            email="",
            organization="",
            role="",
            question="",
            mail_error="",
            token=None,
            pending_mail=PendingMail.NONE,
            erased_at=timezone.now(),
        )

    def unconfirmed_expired(self, now=None):
        """Registrations never confirmed whose link no longer works (see `confirm_before`):
        they hold no seat and are deleted (`expire_registrations`)."""
        now = now or timezone.now()
        return self.filter(status=RegistrationStatus.PENDING).filter(
            Q(created_at__lte=now - confirmation_window())
            | Q(event__registration_closes_at__lte=now)
            | Q(event__registration_closes_at__isnull=True, event__starts_at__lte=now)
        )


def confirmation_window():
    """How long a confirmation link works (settings.RAZON_REGISTRATION_CONFIRM_HOURS)."""
    return timedelta(hours=settings.RAZON_REGISTRATION_CONFIRM_HOURS)


class Registration(models.Model):
    """Someone who registered for an event. What they wrote is plain text, never HTML."""

    event = models.ForeignKey(
        Event, verbose_name=_("bijeenkomst"), on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("naam"), max_length=100)
    email = models.EmailField(_("e-mailadres"), max_length=254)
    organization = models.CharField(_("organisatie"), max_length=150, blank=True)
    role = models.CharField(_("functie"), max_length=100, blank=True)
    question = models.TextField(_("vraag vooraf"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RegistrationStatus,
        default=RegistrationStatus.CONFIRMED,
        db_index=True,
        help_text=_(
            "Wacht op bevestiging: de aanmelder heeft nog niet op de link in de e-mail "
            "geklikt. Zo'n aanmelding heeft geen plaats, telt nergens mee en wordt verwijderd "
            "als de link verloopt. Aangemeld: heeft een plaats. Wachtlijst: krijgt de eerste "
            "plaats die vrijkomt. Afgemeld: afgezegd, of door de site als spam apart gezet."
        ),
    )
    # Emptied when the personal data is erased: an old cancel link then finds nothing.
    token = models.UUIDField(
        _("afmeldcode"), default=uuid.uuid4, editable=False, unique=True, null=True
    )
    created_at = models.DateTimeField(
        _("aangemeld op"),
        auto_now_add=True,
        db_index=True,
        help_text=_("Wanneer het formulier is verstuurd (bij een onbevestigde: het laatst)."),
    )
    confirmed_at = models.DateTimeField(
        _("bevestigd op"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer de eigenaar van het e-mailadres de aanmelding bevestigde: de toestemming "
            "voor het gebruik van deze gegevens. Leeg bij aanmeldingen van vóór de bevestiging."
        ),
    )
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)
    pending_mail = models.CharField(
        _("nog te versturen e-mail"),
        max_length=20,
        choices=PendingMail,
        blank=True,
        default=PendingMail.NONE,
    )
    mail_attempts = models.PositiveSmallIntegerField(_("pogingen tot mailen"), default=0)
    mail_error = models.CharField(_("laatste fout bij mailen"), max_length=300, blank=True)
    mail_claimed_at = models.DateTimeField(
        _("e-mail wordt verstuurd sinds"),
        null=True,
        blank=True,
        help_text=_(
            "Wanneer de mailworker de e-mail oppakte; leeg als niemand ermee bezig is. Lukt "
            "het versturen niet binnen enkele minuten, dan pakt een volgende ronde de e-mail op."
        ),
    )
    erased_at = models.DateTimeField(
        _("gegevens gewist op"),
        null=True,
        blank=True,
        help_text=_(
            "Naam, e-mailadres, organisatie, functie en vraag zijn gewist: na de bewaartermijn "
            "na afloop van de bijeenkomst, of op verzoek van de deelnemer (AVG). De aanmelding "
            "telt nog mee in de aantallen."
        ),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status="cancelled") & Q(erased_at__isnull=True),
                name="one_active_registration_per_email",
                violation_error_message=_("Met dit e-mailadres is al iemand aangemeld."),
            )
        ]

    def __str__(self):
        return f"{ERASED if self.erased_at else self.name} ({self.event})"

    @property
    def confirm_before(self):
        """Until when the confirmation link works: the window after the (latest) request,
        never after registration closes."""
        return min(self.created_at + confirmation_window(), self.event.registration_closes)

    @property
    def confirmation_expired(self):
        return timezone.now() >= self.confirm_before
