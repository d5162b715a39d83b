"""The alliance (RA-ZON and others), its focus points, people and the organisations in it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import FilteredRelation, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from razon.collation import DutchName, by_name
from razon.images import WebImageField
from razon.models import DemoFlag, Publishable, PublishableQuerySet, Sector
from razon.navigation import item_url
from razon.richtext import RichTextField


class OrganizationKind(models.TextChoices):
    TEACHER_TRAINING_HBO = "hbo", _("Lerarenopleiding (hbo)")
    TEACHER_TRAINING_WO = "wo", _("Lerarenopleiding (wo)")
    TEACHER_TRAINING_ARTS = "kunst", _("Kunstvakopleiding")
    SCHOOL_BOARD = "bestuur", _("Schoolbestuur")
    SCHOOL = "school", _("School")
    MBO_INSTITUTION = "mbo", _("Mbo-instelling")
    UNION = "vakbond", _("Vakbond of beroepsgroep")
    MUNICIPALITY = "gemeente", _("Gemeente")
    CHILDCARE = "kinderopvang", _("Kinderopvang")
    PLATFORM = "platform", _("Platform of netwerk")
    SECTOR_COUNCIL = "sectorraad", _("Sectorraad of vereniging")
    GOVERNMENT = "overheid", _("Ministerie of overheidsdienst")
    OTHER = "overig", _("Overig")


# The kinds of organisation that can have schools under them.
PARENT_KINDS = [OrganizationKind.SCHOOL_BOARD, OrganizationKind.MBO_INSTITUTION]


class OrganizationQuerySet(PublishableQuerySet):
    def for_directory(self):
        """Organisations as the directory lists them: with their sectors, by name."""
        return self.prefetch_related("sectors").order_by(*by_name())

    def for_export(self):
        """As the directory, with the published alliances each takes part in (open data)."""
        return self.for_directory().prefetch_related(
            Prefetch(
                "alliances",
                queryset=Alliance.objects.published().order_by("-is_main", "short_name"),
                to_attr="public_alliances",
            )
        )

    def with_main_sector(self):
        """Adds `main_sector`: the code of the organisation's first sector (in the sectors'
        order), for its monogram's colour, in the same query."""
        first = (
            Organization.sectors.through.objects.filter(organization=OuterRef("pk"))
            .order_by("sector__position")
            .values("sector_id")[:1]
        )
        return self.annotate(main_sector=Subquery(first))

    def by_slug(self, slugs):
        """The published organisations with these slugs, as {slug: organisation}; a missing or
        unpublished one is left out, so a page can name it without a link."""
        return {org.slug: org for org in self.published().filter(slug__in=slugs)}

    def teacher_training(self):
        return self.filter(
            kind__in=[
                OrganizationKind.TEACHER_TRAINING_HBO,
                OrganizationKind.TEACHER_TRAINING_WO,
                OrganizationKind.TEACHER_TRAINING_ARTS,
            ]
        )


class Organization(DemoFlag, Publishable):
    name = models.CharField(_("naam"), max_length=200, help_text=_("De volledige officiële naam."))
    short_name = models.CharField(
        _("korte naam"),
        max_length=60,
        blank=True,
        help_text=_("De afkorting die iedereen gebruikt, zoals HAN of RU. Mag leeg blijven."),
    )
    slug = models.SlugField(
        _("webadres"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van het webadres; wordt uit de naam gemaakt."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=OrganizationKind,
        default=OrganizationKind.OTHER,
        db_index=True,
    )
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectoren"),
        blank=True,
        help_text=_("De onderwijssectoren waarin de organisatie actief is."),
    )
    city = models.CharField(
        _("plaats"), max_length=100, blank=True, help_text=_("Vestigingsplaats.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Begin met https://."))
    description = models.TextField(
        _("beschrijving"), blank=True, help_text=_("Een of twee zinnen over de organisatie.")
    )
    logo = WebImageField(
        _("logo"),
        upload_to="organisaties/logo/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("Optioneel. PNG, JPEG of WebP, liefst met een transparante achtergrond."),
    )
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("bestuur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"kind__in": PARENT_KINDS},
        help_text=_(
            "Voor een school: het schoolbestuur waaronder ze valt. Dan staat de school op de "
            "pagina van het bestuur, en vindt wie partnerschappen op het bestuur filtert ook "
            "die van de school."
        ),
    )

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = [DutchName("name").asc(), "pk"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self):
        return self.short_name or self.name

    def get_absolute_url(self):
        return item_url("alliances:organization", self.slug)

    def clean(self):
        """A parent is a board (or mbo institution), not the organisation itself nor one of
        the organisations under it."""
        super().clean()
        if self.parent_id is None:
            return
        if self.parent_id == self.pk:
            raise ValidationError(
                {"parent": _("Een organisatie kan niet onder zichzelf vallen.")}, code="self"
            )
        if self.parent.kind not in PARENT_KINDS:
            raise ValidationError(
                {"parent": _("Kies een schoolbestuur of mbo-instelling.")}, code="kind"
            )
        seen, ancestor = set(), self.parent
        while ancestor is not None and ancestor.pk not in seen:
            if ancestor.parent_id == self.pk and self.pk is not None:
                message = _(
                    "%(parent)s valt zelf (via via) onder deze organisatie; dat zou een kring "
                    "maken."
                )
                raise ValidationError(
                    {
                        "parent": ValidationError(
                            message, code="cycle", params={"parent": self.parent}
                        )
                    }
                )
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    @property
    def display_name(self):
        if self.short_name and self.short_name != self.name:
            return f"{self.name} ({self.short_name})"
        return self.name


def public_person_condition(prefix=""):
    """The one rule for showing a person on the site, as a Q (`prefix` ends in `__` to apply
    it across a relation): only people marked public (`is_public`). Every public page,
    fragment, feed, export and structured data reads people through what is built on it:
    `Person.objects.public()`, `AllianceContact.objects.with_public_person()`, and
    `public_person()` for a foreign key to a person."""
    return Q(**{f"{prefix}is_public": True})


def public_person(field):
    """The person in the foreign key `field`, but only a public one, as a filtered relation:
    `.annotate(public_contact=public_person("contact")).select_related("public_contact")`
    joins it in the same query (no extra query per row). On a row whose person is not public
    the attribute is not set: the model declares it `= None`, so it reads None there, and
    on every object fetched without it (a person is shown only when asked for this way)."""
    return FilteredRelation(field, condition=public_person_condition(f"{field}__"))


class PersonQuerySet(models.QuerySet):
    def public(self):
        """The people the site may show (`public_person_condition`)."""
        return self.filter(public_person_condition())


class Person(models.Model):
    """Someone visitors can contact. Only people marked public are shown on the site (read
    them through `public()`, `with_public_person()` or `public_person()`)."""

    name = models.CharField(_("naam"), max_length=200)
    role = models.CharField(
        _("functie"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: projectleider.")
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("tonen op de site"),
        default=True,
        help_text=_(
            "Aan: de persoon staat op de site waar die gekoppeld is: als contactpersoon van "
            "een alliantie (op de alliantiepagina met functie, organisatie, e-mailadres en "
            "telefoon, en op de homepage), van een partnerschap of een onderwijsregio (ook op "
            "de regiokaart), en als auteur van berichten (op het bericht, in het overzicht en "
            "in de feeds). Uit: de persoon is alleen in het beheer te zien; naam en gegevens "
            "staan nergens op de site, ook niet waar de persoon gekoppeld is."
        ),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = [DutchName("name").asc(), "pk"]
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")

    def __str__(self):
        return self.name


class AllianceQuerySet(PublishableQuerySet):
    def main(self):
        """RA-ZON itself: the alliance marked "onze alliantie", on the home page and at
        /alliantie/."""
        return self.filter(is_main=True)

    def for_page(self):
        """Alliances with everything their page shows: the published lead institutes
        (`lead_institutes`), the public contact people in order with their organisation
        (`public_contacts`), and the focus points with their sub-points (`top_focus_points`)."""
        return self.prefetch_related(
            Prefetch("lead_institutes", queryset=Organization.objects.published()),
            Prefetch(
                "alliancecontact_set",
                queryset=AllianceContact.objects.with_public_person().select_related(
                    "person__organization"
                ),
                to_attr="public_contacts",
            ),
            Prefetch(
                "focus_points",
                queryset=FocusPoint.objects.filter(parent__isnull=True).prefetch_related(
                    "children"
                ),
                to_attr="top_focus_points",
            ),
        )


class Alliance(Publishable):
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=40, help_text=_("Bijv. RA-ZON."))
    slug = models.SlugField(_("webadres"), max_length=100, unique=True)
    is_main = models.BooleanField(
        _("onze alliantie"),
        default=False,
        help_text=_("Aan voor RA-ZON zelf: deze alliantie staat op de homepage en op /alliantie/."),
    )
    intro = models.TextField(
        _("inleiding"), help_text=_("Twee of drie zinnen: wie is de alliantie en wat doet ze?")
    )
    background = RichTextField(
        _("achtergrond"),
        blank=True,
        help_text=_("Het ontstaan: het bestuursakkoord, de aanvraag."),
    )
    ambitions = RichTextField(_("ambities"), blank=True)
    coming_period = RichTextField(
        _("komende periode"), blank=True, help_text=_("Wat er de komende tijd gebeurt.")
    )
    application_filed_on = models.DateField(_("aanvraag ingediend op"), null=True, blank=True)
    lead_institutes = models.ManyToManyField(
        Organization,
        verbose_name=_("penvoerende lerarenopleidingen"),
        related_name="led_alliances",
        blank=True,
    )
    members = models.ManyToManyField(
        Organization,
        verbose_name=_("deelnemende organisaties"),
        related_name="alliances",
        blank=True,
    )
    contacts = models.ManyToManyField(
        Person,
        verbose_name=_("contactpersonen"),
        related_name="alliances",
        through="AllianceContact",
        blank=True,
    )

    objects = AllianceQuerySet.as_manager()

    class Meta:
        ordering = ["-is_main", DutchName("name").asc(), "pk"]
        verbose_name = _("alliantie")
        verbose_name_plural = _("allianties")
        constraints = [
            # Two main alliances would leave one without a page: /alliantie/ shows only one
            # and the other's own address redirects there.
            models.UniqueConstraint(
                fields=["is_main"],
                condition=Q(is_main=True),
                name="one_main_alliance",
                violation_error_message=_(
                    "Er is al een andere alliantie aangemerkt als onze alliantie; er kan er "
                    "maar één zijn."
                ),
            )
        ]

    def __str__(self):
        return self.short_name

    def clean(self):
        # The constraint's own message cannot name the other alliance; this one can. With
        # the error on the field, the form leaves the constraint's check out.
        if self.is_main:
            other = Alliance.objects.main().exclude(pk=self.pk).first()
            if other is not None:
                message = _(
                    "%(alliance)s is al onze alliantie (op de homepage en op /alliantie/), en "
                    "er kan er maar één zijn. Zet het vinkje daar eerst uit, of laat het hier uit."
                )
                raise ValidationError(
                    {
                        "is_main": ValidationError(
                            message, code="one_main_alliance", params={"alliance": other}
                        )
                    }
                )

    def get_absolute_url(self):
        if self.is_main:
            return reverse("alliances:alliance")
        return item_url("alliances:detail", self.slug)


class ContactQuerySet(models.QuerySet):
    """For a contact-person model (a `person` with a place in a list): the alliance's, and
    the partnership's (partnerships.PartnershipContact)."""

    def with_public_person(self):
        """The contacts whose person the site may show (`public_person_condition`)."""
        return self.filter(public_person_condition("person__"))


class AllianceContact(models.Model):
    """A contact person of an alliance, in the order the alliance page lists them."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contactpersoon van de alliantie")
        verbose_name_plural = _("contactpersonen van de alliantie")
        constraints = [
            models.UniqueConstraint(fields=["alliance", "person"], name="unique_alliance_contact")
        ]

    def __str__(self):
        return str(self.person)


class FocusPoint(models.Model):
    """A speerpunt of an alliance; sub-points hang under a parent."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="focus_points")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("valt onder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("Leeg voor een speerpunt; kies een speerpunt voor een subpunt."),
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    body = models.TextField(_("toelichting"), blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("speerpunt")
        verbose_name_plural = _("speerpunten")

    def __str__(self):
        return self.title
