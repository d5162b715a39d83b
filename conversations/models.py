"""The scale-level conversation ("welke activiteiten op welk schaalniveau?"): boards with the
five functions as rows and scale levels as columns, participants' cards on them, and the
facilitator who holds the board's management link. No accounts: a participant is known by a
random key in a signed cookie, a facilitator by the secret of the management link, of which
only a hash is kept."""

import hashlib
import hmac
import secrets

from django.db import models
from django.db.models import Count, Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from razon import pagecache
from razon.models import ChoiceLabels, DemoFlag
from regions.models import EducationRegion

CARD_TEXT_MAX = 140
NAME_MAX = 40
COMMENT_TEXT_MAX = 280
LEVEL_NAME_MAX = 60
BOARD_NAME_MAX = 120
# Join codes: no 0/O, 1/I/L, so a code read aloud or from a slide is typed right.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class Function(models.TextChoices):
    """The five functions of the 2024 strategy session's question, in its order (seed 003)."""

    RECRUIT = "werven", _("Werven")
    MATCH = "matchen", _("Matchen")
    TRAIN = "opleiden", _("Opleiden")
    SUPERVISE = "begeleiden", _("Begeleiden")
    DEVELOP = "professionaliseren", _("Professionaliseren")


def token_hash(token):
    """The stored form of a secret (management token, participant key): SHA-256, hex. The
    secrets are random and long, so a fast hash is enough."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# The default levels as shipped (the seeds name none: a proposal). 0001_initial puts them in
# ScaleLevel for editors to change; a board started when editors removed them all gets these.
DEFAULT_LEVELS = [
    "School",
    "Schoolbestuur",
    "Partnerschap (SO&P)",
    "Onderwijsregio",
    "Brede regio (RA-ZON)",
]


class ScaleLevelQuerySet(models.QuerySet):
    def names(self):
        """The default levels' names in order; the shipped proposal when there are none."""
        return list(self.values_list("name", flat=True)) or list(DEFAULT_LEVELS)


class ScaleLevel(models.Model):
    """A scale level of the default set that every new board copies. The seeds do not name
    levels: the set that ships is a proposal, maintained by editors in the admin."""

    name = models.CharField(_("naam"), max_length=LEVEL_NAME_MAX, unique=True)
    description = models.CharField(
        _("toelichting"),
        max_length=200,
        blank=True,
        help_text=_("Korte uitleg voor de begeleider en deelnemers; optioneel."),
    )
    position = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Lager staat verder links op het bord.")
    )

    objects = ScaleLevelQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("schaalniveau (standaard)")
        verbose_name_plural = _("schaalniveaus (standaard)")

    def __str__(self):
        return self.name


class BoardState(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "gesloten", _("Gesloten")


class BoardQuerySet(models.QuerySet):
    def published(self):
        """Closed boards their facilitator published (on an onderwijsregio's page, or the
        example board): what the public compare and region pages may show."""
        return self.filter(is_published=True, state=BoardState.CLOSED)

    def examples(self):
        """Example boards shown on /schaalniveau/ (the 2024 strategy session)."""
        return self.filter(is_example=True)

    def awaiting_mail(self):
        """Boards whose facilitator is still owed the management link by mail."""
        return self.exclude(mail_token="")

    def for_email(self, address):
        """The boards started with this facilitator address, in any case (the AVG tool)."""
        return self.filter(facilitator_email__iexact=address)

    def erase_facilitator(self):
        """Forgets the facilitator's address (and a management link not mailed yet); the boards,
        their cards and the management link already sent keep working. Returns how many."""
        return self.update(facilitator_email="", mail_token="", mail_error="")


class Board(ChoiceLabels, DemoFlag, models.Model):
    """One conversation: a name, a facilitator, the board's own levels and its cards."""

    name = models.CharField(
        _("naam"),
        max_length=BOARD_NAME_MAX,
        help_text=_('Bijvoorbeeld "Onderwijsregio Rijk van Nijmegen, werksessie maart".'),
    )
    slug = models.SlugField(_("webadres"), max_length=140, unique=True)
    code = models.CharField(
        _("deelnamecode"),
        max_length=12,
        unique=True,
        help_text=_("Korte code waarmee deelnemers meedoen (ook het korte webadres)."),
    )
    facilitator_email = models.EmailField(
        _("e-mailadres begeleider"),
        help_text=_("Krijgt de beheerlink. Wordt nergens op de site getoond."),
    )
    manage_token_hash = models.CharField(_("hash van de beheerlink"), max_length=64, editable=False)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=BoardState,
        default=BoardState.OPEN,
        db_index=True,
        help_text=_("Gesloten: alleen nog te lezen, niets meer toe te voegen of te verplaatsen."),
    )
    is_published = models.BooleanField(
        _("gepubliceerd"),
        default=False,
        help_text=_(
            "De begeleider kan een gesloten bord publiceren op de pagina van een onderwijsregio."
        ),
    )
    region = models.ForeignKey(
        EducationRegion,
        verbose_name=_("onderwijsregio"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversation_boards",
    )
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    is_example = models.BooleanField(
        _("voorbeeld"),
        default=False,
        help_text=_("Getoond als voorbeeld op /schaalniveau/ (de strategiesessie van 2024)."),
    )
    event = models.ForeignKey(
        Event,
        verbose_name=_("bijeenkomst"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="conversation_boards",
        help_text=_("De bijeenkomst waar het gesprek gevoerd is; optioneel."),
    )
    # Raised by every change a participant should see (a card added, moved, agreed with,
    # commented, hidden, merged; a level renamed; the board closed): the polling answer
    # compares it and says "not modified" with one query.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True, db_index=True)
    last_activity_at = models.DateTimeField(
        _("laatste activiteit"), default=timezone.now, db_index=True
    )
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # The management link's secret, kept only until the mail worker has mailed it; then
    # emptied, so the database holds only its hash.
    mail_token = models.CharField(
        _("beheerlink te mailen"), max_length=64, blank=True, editable=False
    )
    mail_attempts = models.PositiveSmallIntegerField(_("pogingen tot mailen"), default=0)
    mail_error = models.CharField(_("laatste fout bij mailen"), max_length=300, blank=True)
    mail_claimed_at = models.DateTimeField(_("e-mail wordt verstuurd sinds"), null=True, blank=True)

    objects = BoardQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("gespreksbord")
        verbose_name_plural = _("gespreksborden")

    def __str__(self):
        return self.name

    @property
    def is_open(self):
        return self.state == BoardState.OPEN

    def set_manage_token(self):
        """A new management secret: its hash is stored, the secret returned (to show once
        and to mail). Call before saving."""
        token = secrets.token_urlsafe(32)
        self.manage_token_hash = token_hash(token)
        self.mail_token = token
        return token

    def manage_token_matches(self, token):
        """Whether `token` is this board's management secret, compared in constant time."""
        return bool(self.manage_token_hash) and hmac.compare_digest(
            token_hash(token or ""), self.manage_token_hash
        )

    def touch(self):
        """Records a change participants should see: version + 1, last activity now, in one
        UPDATE (safe when many write at once). A published or example board is also on cached
        pages (its onderwijsregio's, the comparison, the start page): those are renewed."""
        now = timezone.now()
        Board.objects.filter(pk=self.pk).update(version=F("version") + 1, last_activity_at=now)
        if self.is_published or self.is_example:
            pagecache.new_generation(*pagecache.model_topics(Board))


class BoardLevel(models.Model):
    """A column of one board: copied from the default levels when the board starts, then
    the facilitator's to rename, add or remove."""

    board = models.ForeignKey(
        Board, verbose_name=_("bord"), on_delete=models.CASCADE, related_name="levels"
    )
    name = models.CharField(_("naam"), max_length=LEVEL_NAME_MAX)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["board", "position", "pk"]
        verbose_name = _("schaalniveau van een bord")
        verbose_name_plural = _("schaalniveaus van een bord")

    def __str__(self):
        return self.name


class CardQuerySet(models.QuerySet):
    def visible(self):
        """Cards participants see: not hidden, not merged into another."""
        return self.filter(hidden=False, merged_into__isnull=True)

    def for_board(self, participant=None):
        """A board's visible cards with their agreement count (`agree_count`) and, for a
        participant key, whether they agreed (`agreed`): one query."""
        cards = self.visible().annotate(agree_count=Count("agreements"))
        if participant:
            mine = Agreement.objects.filter(card=OuterRef("pk"), participant=participant)
            cards = cards.annotate(agreed=Exists(mine))
        return cards.order_by("created_at", "pk")


class Card(ChoiceLabels, models.Model):
    """An activity a participant put in one cell: a function and a level of the board. Plain
    text, never HTML."""

    board = models.ForeignKey(
        Board, verbose_name=_("bord"), on_delete=models.CASCADE, related_name="cards"
    )
    function = models.CharField(_("functie"), max_length=20, choices=Function)
    level = models.ForeignKey(
        BoardLevel, verbose_name=_("schaalniveau"), on_delete=models.PROTECT, related_name="cards"
    )
    text = models.CharField(_("activiteit"), max_length=CARD_TEXT_MAX)
    author_name = models.CharField(
        _("naam"), max_length=NAME_MAX, blank=True, help_text=_("Optioneel; alleen op dit bord.")
    )
    participant = models.CharField(_("deelnemer (hash)"), max_length=64, blank=True, editable=False)
    hidden = models.BooleanField(
        _("verborgen"),
        default=False,
        help_text=_("Verborgen kaartjes ziet niemand meer op het bord; ze blijven bewaard."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("samengevoegd met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_cards",
        help_text=_("Een dubbel kaartje, samengevoegd met dit kaartje; het telt daar mee."),
    )
    # Raised by each move: a move sent with an older version knows it crossed another.
    version = models.PositiveIntegerField(_("versie"), default=1, editable=False)
    created_at = models.DateTimeField(_("toegevoegd op"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["board", "created_at", "pk"]
        verbose_name = _("kaartje")
        verbose_name_plural = _("kaartjes")
        indexes = [models.Index(fields=["board", "hidden"])]

    def __str__(self):
        return self.text


class Agreement(models.Model):
    """A participant's +1 on a card: at most one per participant key."""

    card = models.ForeignKey(
        Card, verbose_name=_("kaartje"), on_delete=models.CASCADE, related_name="agreements"
    )
    participant = models.CharField(_("deelnemer (hash)"), max_length=64)
    created_at = models.DateTimeField(_("op"), auto_now_add=True)

    class Meta:
        verbose_name = _("eens (+1)")
        verbose_name_plural = _("eens (+1)")
        constraints = [
            models.UniqueConstraint(
                fields=["card", "participant"], name="one_agreement_per_participant"
            )
        ]

    def __str__(self):
        return f"+1 {self.card_id}"


class CommentQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(hidden=False)


class Comment(models.Model):
    """A short reaction to a card. Plain text, never HTML."""

    card = models.ForeignKey(
        Card, verbose_name=_("kaartje"), on_delete=models.CASCADE, related_name="comments"
    )
    text = models.CharField(_("reactie"), max_length=COMMENT_TEXT_MAX)
    author_name = models.CharField(_("naam"), max_length=NAME_MAX, blank=True)
    participant = models.CharField(_("deelnemer (hash)"), max_length=64, blank=True, editable=False)
    hidden = models.BooleanField(_("verborgen"), default=False)
    created_at = models.DateTimeField(_("geplaatst op"), auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["card", "created_at", "pk"]
        verbose_name = _("reactie")
        verbose_name_plural = _("reacties")

    def __str__(self):
        return self.text
