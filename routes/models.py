"""Training routes into teaching: what each route of the institutes asks and gives, for the
finder (/opleidingsroutes/) and the route pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from events.models import Event
from news.models import CARD_FIELDS, Post
from partnerships.models import Partnership
from razon.models import DemoFlag, Publishable, PublishableQuerySet
from razon.navigation import item_url
from razon.richtext import RichTextField
from routes.finder import Form, Level, Place, Prior, RouteFacts, Subject

# Paths under /opleidingsroutes/ that are not routes.
RESERVED_SLUGS = {"vergelijk", "export"}


class ChoiceListField(models.JSONField):
    """A list of values from a fixed set, stored as a JSON list (the same on SQLite and
    PostgreSQL) and edited as checkboxes. The finder reads the lists in Python."""

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return models.Field.formfield(
            self,
            **{
                "form_class": forms.MultipleChoiceField,
                "choices": self.item_choices,
                "widget": forms.CheckboxSelectMultiple,
                **kwargs,
            },
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.item_choices}
        if not isinstance(value, list) or not set(value) <= allowed:
            raise ValidationError(_("Kies alleen uit de mogelijkheden."), code="invalid_choice")

    def labels(self, values):
        """The labels of `values`, in the order of the choices."""
        return [str(label) for choice, label in self.item_choices if choice in (values or [])]


class RouteKind(models.TextChoices):
    PABO = "pabo", _("Pabo")
    SECOND_DEGREE = "tweedegraads", _("Tweedegraads lerarenopleiding")
    FIRST_DEGREE = "eerstegraads", _("Eerstegraads lerarenopleiding of educatieve master")
    ARTS = "kunstvak", _("Kunstvakdocent")
    SIDE_ENTRY = "zij-instroom", _("Zij-instroom")
    SHORTENED = "verkort", _("Verkort traject")
    PART_TIME = "deeltijd", _("Deeltijdopleiding")
    DUAL = "duaal", _("Duaal of werkend leren")
    PROFESSIONAL = "professionalisering", _("Professionalisering")


class Qualification(models.TextChoices):
    PO = "po", _("Bevoegdheid primair onderwijs")
    SECOND_DEGREE = "tweedegraads", _("Tweedegraads bevoegdheid (vo en mbo)")
    FIRST_DEGREE = "eerstegraads", _("Eerstegraads bevoegdheid (vo en mbo)")
    ARTS = "kunstvakken", _("Bevoegdheid kunstvakken")
    MBO = "mbo-pd", _("Pedagogisch-didactisch getuigschrift (mbo)")
    NONE = "geen", _("Geen nieuwe bevoegdheid")


class Language(models.TextChoices):
    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("Engels")
    BOTH = "nl-en", _("Nederlands en Engels")


class RouteQuerySet(PublishableQuerySet):
    def for_finder(self):
        """Routes as the finder and the open data read them: by name, with their published
        institutes (`public_institutes`); two queries whatever the number of routes."""
        return self.order_by("name").prefetch_related(
            models.Prefetch(
                "institutes",
                queryset=Organization.objects.published().only("name", "short_name", "slug"),
                to_attr="public_institutes",
            )
        )

    def facts(self):
        """Every route as the finder's questions read it (RouteFacts), by name: one query
        and no model instances, whatever the number of routes."""
        rows = self.order_by("name").values_list(*RouteFacts._fields)
        return [RouteFacts(*row) for row in rows]

    def for_results(self, pks):
        """The routes the finder shows, by pk, with what a result card reads (their
        published institutes as well): two queries, none without pks."""
        fields = ["name", "slug", "kind", "summary", "is_demo", "forms"]
        return self.filter(pk__in=pks).for_finder().only(*fields).in_bulk()

    def for_page(self):
        """A route with its published institutes and partnerships, its upcoming published
        information meetings (`upcoming_events`) and its published posts, newest first
        (`public_posts`)."""
        return self.for_finder().prefetch_related(
            models.Prefetch(
                "partnerships",
                queryset=Partnership.objects.published().only("name", "slug", "sector_group"),
                to_attr="public_partnerships",
            ),
            models.Prefetch(
                "events",
                queryset=Event.objects.published()
                .filter(ends_at__gte=timezone.now())
                .order_by("starts_at")
                .only("title", "slug", "starts_at", "ends_at", "location", "online"),
                to_attr="upcoming_events",
            ),
            models.Prefetch(
                "posts",
                queryset=Post.objects.published().newest_first().only(*CARD_FIELDS),
                to_attr="public_posts",
            ),
        )

    def for_compare(self, slugs):
        """The published routes with these slugs, with their institutes."""
        return self.published().filter(slug__in=slugs).for_finder()


class Route(DemoFlag, Publishable):
    """A route into teaching (or further within it) at one or more institutes."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(
        _("webadres"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van het webadres; wordt uit de naam gemaakt."),
    )
    institutes = models.ManyToManyField(
        Organization,
        verbose_name=_("lerarenopleidingen"),
        related_name="training_routes",
        help_text=_("De instituten die de route aanbieden (een of meer)."),
    )
    kind = models.CharField(_("soort route"), max_length=30, choices=RouteKind, db_index=True)
    qualification = models.CharField(
        _("leidt tot"),
        max_length=20,
        choices=Qualification,
        db_index=True,
        help_text=_("De bevoegdheid of het getuigschrift waarmee je de route afsluit."),
    )
    levels = ChoiceListField(
        _("lesgeven op"),
        item_choices=Level.CHOICES,
        help_text=_(
            "Waar je na de route les mag geven. De vinder toont de route bij wie daar wil lesgeven."
        ),
    )
    subjects = ChoiceListField(
        _("vakken"),
        item_choices=Subject.CHOICES,
        blank=True,
        help_text=_("Leeg laten als de route voor alle vakken opleidt (zoals de pabo)."),
    )
    forms = ChoiceListField(
        _("vorm"),
        item_choices=Form.CHOICES,
        help_text=_("Voltijd, deeltijd en/of werkend leren."),
    )
    admits = ChoiceListField(
        _("toelaatbaar met"),
        item_choices=Prior.CHOICES,
        help_text=_(
            "Met welke vooropleiding je kunt beginnen. Alleen aanvinken wat de bron zegt; de "
            "vinder noemt het bezoekers als reden."
        ),
    )
    requires_school_job = models.BooleanField(
        _("baan op een school nodig"),
        default=False,
        help_text=_("Aan als je tijdens de route op een school moet werken (zij-instroom, duaal)."),
    )
    entry_requirements = models.TextField(
        _("toelatingseisen"),
        blank=True,
        help_text=_(
            "In gewone woorden: vooropleiding, vakkennis, een baan, een assessment. Alleen "
            "wat een bron zegt."
        ),
    )
    duration = models.CharField(
        _("duur"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: 2 jaar.")
    )
    study_load = models.CharField(
        _("studielast"), max_length=100, blank=True, help_text=_("Bijvoorbeeld: 60 EC.")
    )
    start_moments = models.CharField(
        _("startmomenten"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: september en februari."),
    )
    places = ChoiceListField(
        _("studieplaatsen"),
        item_choices=Place.CHOICES,
        help_text=_("Waar je studeert. 'Online' laat de route bij elke plaats zien."),
    )
    language = models.CharField(_("taal"), max_length=10, choices=Language, default=Language.DUTCH)
    summary = models.TextField(
        _("samenvatting"),
        max_length=600,
        help_text=_(
            "Een of twee zinnen, zonder opmaak: in de vinder, de zoekresultaten en de open data."
        ),
    )
    body = RichTextField(_("tekst"), blank=True)
    institute_url = models.URLField(
        _("pagina bij het instituut"),
        max_length=500,
        blank=True,
        help_text=_("De pagina van de route op de site van het instituut, beginnend met https://."),
    )
    partnerships = models.ManyToManyField(
        Partnership,
        verbose_name=_("partnerschappen"),
        related_name="training_routes",
        blank=True,
        help_text=_("De partnerschappen Samen Opleiden waar studenten van deze route leren."),
    )
    events = models.ManyToManyField(
        Event,
        verbose_name=_("informatiebijeenkomsten"),
        related_name="training_routes",
        blank=True,
        help_text=_("Bijeenkomsten over deze route; de komende staan op de pagina van de route."),
    )
    posts = models.ManyToManyField(
        Post,
        verbose_name=_("berichten"),
        related_name="training_routes",
        blank=True,
        help_text=_("Berichten over deze route."),
    )
    source = models.TextField(
        _("bron"),
        blank=True,
        help_text=_(
            "Waar de gegevens vandaan komen: een webadres of document met datum. Zonder bron "
            "is de route demo-inhoud: zet dan 'demogegevens' aan."
        ),
    )

    objects = RouteQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("opleidingsroute")
        verbose_name_plural = _("opleidingsroutes")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("routes:detail", self.slug)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Dit webadres is al in gebruik op de site; kies een ander.")}
            )
        if not self.source.strip() and not self.is_demo:
            raise ValidationError(
                {
                    "source": _(
                        "Noem de bron van deze gegevens, of zet 'demogegevens' aan als ze "
                        "(deels) verzonnen zijn."
                    )
                }
            )

    def _labels(self, name):
        return self._meta.get_field(name).labels(getattr(self, name))

    @property
    def level_labels(self):
        return self._labels("levels")

    @property
    def subject_labels(self):
        return self._labels("subjects")

    @property
    def form_labels(self):
        return self._labels("forms")

    @property
    def admits_labels(self):
        return self._labels("admits")

    @property
    def place_labels(self):
        return self._labels("places")

    @property
    def institute_names(self):
        """The published institutes' short names (from `for_finder()`)."""
        return [i.short_name or i.name for i in getattr(self, "public_institutes", [])]
