"""Building blocks shared by every app: the sectors, the publish state, the demo flag,
documents, old-address redirects and the search index."""

import secrets
from functools import cache

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from razon.uploads import DOCUMENT_TYPES, ManagedFileField, clean_filename, validate_document


@cache
def _choice_labels(field):
    """{value: label} of a field's choices, made once per field (the labels stay lazy)."""
    return {make_hashable(value): label for value, label in field.flatchoices}


class ChoiceLabels:
    """`get_<field>_display()` that translates only the label it returns. Django's rebuilds
    the dict of all the field's choices on every call, hashing each lazy label, which
    translates every one of them: an overview row paid about 25 gettext calls per label it
    showed. A base before models.Model (Django binds the method as the fields are added)."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        label = _choice_labels(field).get(make_hashable(value), value)
        return force_str(label, strings_only=True)


class SectorCode(models.TextChoices):
    """The education sectors, in their usual order. The one list of sectors in the code."""

    PO = "po", _("PO")
    VSO = "vso", _("(V)SO")
    VO = "vo", _("VO")
    MBO = "mbo", _("MBO")
    HO = "ho", _("HO")


class SectorManager(models.Manager):
    def ensure_all(self):
        """{code: Sector} for every SectorCode, creating rows that are missing (the migration
        creates them; a flushed test database may not have them)."""
        for position, code in enumerate(SectorCode.values):
            self.get_or_create(code=code, defaults={"position": position})
        return {sector.code: sector for sector in self.all()}


class Sector(ChoiceLabels, models.Model):
    """A row per SectorCode (created by a migration), so content can be filtered and counted
    by sector with a plain join on every database."""

    code = models.CharField(_("code"), max_length=8, primary_key=True, choices=SectorCode)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = SectorManager()

    class Meta:
        ordering = ["position"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectoren")

    def __str__(self):
        return self.get_code_display()


class PublishStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


def published_condition(prefix=""):
    """The condition of `published()` as a Q, for use across a relation (`prefix` ends in
    `__`), e.g. in a filtered Count."""
    return models.Q(**{f"{prefix}status": PublishStatus.PUBLISHED}) & (
        models.Q(**{f"{prefix}publish_at__isnull": True})
        | models.Q(**{f"{prefix}publish_at__lte": timezone.now()})
    )


class PublishState(models.TextChoices):
    """What an editor sees of the publish state: a published item whose publish time has not
    come yet is "scheduled" (gepland)."""

    DRAFT = "draft", _("Concept")
    SCHEDULED = "scheduled", _("Gepland")
    PUBLISHED = "published", _("Gepubliceerd")


def scheduled_condition(prefix=""):
    return models.Q(**{f"{prefix}status": PublishStatus.PUBLISHED}) & models.Q(
        **{f"{prefix}publish_at__gt": timezone.now()}
    )


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What visitors may see: published, and its publish time (if any) has come.

        Compares with the current time in the query, so scheduled items appear on time
        without a job having to flip them."""
        return self.filter(published_condition())

    def scheduled(self):
        """Published, but waiting for its publish time."""
        return self.filter(scheduled_condition())

    def drafts(self):
        return self.filter(status=PublishStatus.DRAFT)

    def in_state(self, state):
        """Items in one PublishState (the admin's filter)."""
        return {
            PublishState.DRAFT: self.drafts,
            PublishState.SCHEDULED: self.scheduled,
            PublishState.PUBLISHED: self.published,
        }[state]()

    def not_published(self):
        """Drafts and scheduled items: what the editors still have to (or will) publish."""
        return self.exclude(published_condition())


# What a public item's address and visibility depend on: remembered as loaded (see from_db).
ADDRESS_FIELDS = frozenset({"slug", "is_main", "status", "publish_at"})


class Publishable(ChoiceLabels, models.Model):
    """The publish state of everything public. Public reads start from `.published()`."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=PublishStatus,
        default=PublishStatus.DRAFT,
        db_index=True,
        help_text=_("Een concept is alleen in het beheer te zien; gepubliceerd staat op de site."),
    )
    publish_at = models.DateTimeField(
        _("publiceren vanaf"),
        null=True,
        blank=True,
        help_text=_(
            "Optioneel. Laat leeg om direct te publiceren; vul een datum en tijd (Nederlandse "
            "tijd) in om een gepubliceerd item pas vanaf dat moment te tonen."
        ),
    )
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # The state as loaded, so a save can tell that a published item's address changed
        # (razon/redirects.py keeps the old address working).
        instance._loaded_state = {
            name: value
            for name, value in zip(field_names, values, strict=True)
            if name in ADDRESS_FIELDS
        }
        return instance

    @property
    def is_published(self):
        return self.status == PublishStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )

    @property
    def publish_state(self):
        if self.status == PublishStatus.DRAFT:
            return PublishState.DRAFT
        return PublishState.PUBLISHED if self.is_published else PublishState.SCHEDULED

    def get_publish_state_display(self):
        return self.publish_state.label


class DemoFlag(models.Model):
    """Marks demo content that is (partly) invented: a column and a filter in the admin, a
    note on its page."""

    is_demo = models.BooleanField(
        _("demogegevens"),
        default=False,
        help_text=_(
            "Aan voor voorbeeldinhoud die bij de demo hoort en (deels) verzonnen is. "
            "Vervang of verwijder deze voordat de site live gaat."
        ),
    )

    class Meta:
        abstract = True


class DocumentKind(models.TextChoices):
    PRESENTATION = "presentatie", _("Presentatie")
    ANALYSIS = "analyse", _("Analyse")
    REPORT = "verslag", _("Verslag")
    FORMAT = "format", _("Format (om zelf te gebruiken)")
    WHITEPAPER = "whitepaper", _("Whitepaper")
    OTHER = "overig", _("Overig")


class DocumentQuerySet(models.QuerySet):
    def downloadable(self):
        """Documents visitors may download: held by at least one published item. One
        attached to nothing, or only to drafts and scheduled items, stays hidden until such an
        item is published."""
        return self.filter(self._held_by_published())

    def with_downloadable(self):
        """Each document with `is_downloadable`, the test of `downloadable()` (the admin's
        list shows it)."""
        return self.annotate(
            is_downloadable=models.Case(
                models.When(self._held_by_published(), then=True),
                default=False,
                output_field=models.BooleanField(),
            )
        )

    def _held_by_published(self):
        """Every relation to Document from a Publishable model counts (events today), found
        through the model's relations so this app need not know the others; an EXISTS per
        relation keeps it one query without duplicate rows."""
        condition = models.Q(pk__in=[])
        for relation in self.model._meta.related_objects:
            holder = relation.related_model
            if issubclass(holder, Publishable):
                condition |= models.Exists(
                    holder._default_manager.published().filter(
                        **{relation.field.name: models.OuterRef("pk")}
                    )
                )
        return condition


class Document(ChoiceLabels, models.Model):
    """A downloadable file (presentation, analysis, report, format, whitepaper). Its public
    address is /documenten/<slug>/, so it stays the same when the file is replaced."""

    title = models.CharField(
        _("titel"), max_length=200, help_text=_("Zoals bezoekers het in de lijst zien.")
    )
    slug = models.SlugField(
        _("webadres"),
        max_length=200,
        unique=True,
        help_text=_(
            "Het laatste deel van het downloadadres; blijft gelijk als je het bestand vervangt."
        ),
    )
    kind = models.CharField(
        _("soort"), max_length=20, choices=DocumentKind, default=DocumentKind.OTHER
    )
    file = ManagedFileField(
        _("bestand"),
        upload_to="documenten/%Y/",
        help_text=_(
            "PDF, Word, PowerPoint, Excel of OpenDocument; het type wordt aan de inhoud herkend."
        ),
    )
    content_type = models.CharField(_("bestandstype"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("grootte in bytes"), default=0, editable=False)
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("document")
        verbose_name_plural = _("documenten")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("document", args=[self.slug])

    @property
    def type_label(self):
        """The kind of file the visitor will open: "PDF", "Word"…"""
        kind = DOCUMENT_TYPES.get(self.content_type)
        return kind.label if kind else ""

    def clean(self):
        """A newly chosen file is checked by its content; its type, size and a clean name
        are recorded from what it is."""
        if self.file and not getattr(self.file, "_committed", True):
            try:
                kind = validate_document(self.file.file)
            except ValidationError as error:
                raise ValidationError({"file": error}) from None
            self.content_type = kind.content_type
            self.size = self.file.size
            self.file.name = clean_filename(self.file.name, kind.extension)


class SlugRedirect(models.Model):
    """An old address of a published item whose web address (slug) changed. Visitors and
    search engines that still use it are sent on to the item's current address with a
    permanent redirect (razon/redirects.py). It points at the item, not at an address, so a
    slug changed twice still leads to the current page in one step."""

    old_path = models.CharField(_("oud adres"), max_length=300, unique=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, verbose_name=_("soort inhoud")
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("aangemaakt"), auto_now_add=True)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.old_path


class SearchEntryQuerySet(models.QuerySet):
    def published(self):
        """Entries carry their item's status and publish time, so the publish rule is applied
        when searching: drafts and scheduled items are never found."""
        return self.filter(published_condition())


class SearchEntry(models.Model):
    """One row per searchable item: its words copied out of the item (see razon/search.py)
    so one query searches every kind of content. Kept in step by signals and rebuilt by
    `manage.py rebuild_search_index`. On PostgreSQL `search_vector` holds the weighted Dutch
    full-text vector, with GIN indexes on it and on the title's trigrams (migration 0004)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=40, db_index=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=PublishStatus)
    publish_at = models.DateTimeField(null=True, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("zoekresultaat")
        verbose_name_plural = _("zoekresultaten")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="unique_search_entry"
            )
        ]

    def __str__(self):
        return self.title


class PageCacheGeneration(models.Model):
    """The page cache's generations (razon/pagecache.py): one row per topic (`news`,
    `seats:<event>`), given a new random value in the transaction of every change of what the
    topic covers, so every app process sees the change the moment it commits, whatever the
    cache, and a cache outage cannot lose it. A topic without a row never changed."""

    topic = models.CharField(max_length=255, unique=True)
    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("generatie van de paginacache")
        verbose_name_plural = _("generaties van de paginacache")

    def __str__(self):
        return f"{self.topic}: {self.value}"

    @classmethod
    def read(cls, topics):
        """{topic: value} of these topics that have a row. Read on every cached request, so
        in plain SQL and one query: a third of the ORM's time (docs/decisions.md)."""
        table = connection.ops.quote_name(cls._meta.db_table)
        topics = list(topics)
        if not topics:
            return {}
        marks = ", ".join(["%s"] * len(topics))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT topic, value FROM {table} WHERE topic IN ({marks})", topics)
            return dict(cursor.fetchall())

    @classmethod
    def renew(cls, topics):
        """A new value for each topic, in the caller's transaction (one statement, the rows
        in order, so two transactions never lock them in opposite orders)."""
        cls.objects.bulk_create(
            [cls(topic=topic, value=secrets.token_hex(8)) for topic in sorted(set(topics))],
            update_conflicts=True,
            unique_fields=["topic"],
            update_fields=["value"],
        )


class Secretariat(DemoFlag, models.Model):
    """How visitors reach the secretariat: one row, shown in the footer of every page, on the
    contact page and in the toegankelijkheidsverklaring. Read through `secretariat()`, which
    keeps it in the cache, so a page costs no query for it (razon/secretariat.py)."""

    name = models.CharField(
        _("naam"), max_length=200, default="Secretariaat RA-ZON", help_text=_("Boven het adres.")
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Het algemene adres van het secretariaat, geen persoon.")
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    postal_address = models.TextField(
        _("postadres"),
        blank=True,
        help_text=_("Elke regel van het adres op een eigen regel, bijvoorbeeld postbus en plaats."),
    )

    class Meta:
        verbose_name = _("contactgegevens van het secretariaat")
        verbose_name_plural = _("contactgegevens van het secretariaat")

    def __str__(self):
        return self.name

    @property
    def address_lines(self):
        return [line.strip() for line in self.postal_address.splitlines() if line.strip()]
