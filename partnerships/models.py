"""Samen Opleiden & Professionaliseren (SO&P): the partnerships of schools and
teacher-training institutes, and who takes part in them."""

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from alliances.models import ContactQuerySet, Organization, Person
from razon.collation import DutchName, by_name
from razon.models import (
    ChoiceLabels,
    DemoFlag,
    Publishable,
    PublishableQuerySet,
    Sector,
    published_condition,
)
from razon.navigation import item_url
from razon.richtext import RichTextField
from regions.models import EducationRegion, Municipality, RAPProject


class SectorGroup(models.TextChoices):
    PO_VSO = "po-vso", _("PO/(V)SO")
    VO_MBO = "vo-mbo", _("VO/MBO")


class Accreditation(models.TextChoices):
    ACCREDITED = "erkend", _("Erkend")
    ASPIRANT = "aspirant", _("Aspirant")
    NONE = "geen", _("Geen erkenning")


class Role(models.TextChoices):
    INSTITUTE = "lerarenopleiding", _("Lerarenopleiding")
    BOARD = "bestuur", _("Schoolbestuur")
    TRAINING_SCHOOL = "opleidingsschool", _("Opleidingsschool")
    OTHER = "overig", _("Overig")


class PartnershipQuerySet(PublishableQuerySet):
    def with_size(self):
        """Adds `member_count`: how many published organisations take part. A subquery per
        partnership, which the database runs only for the rows of the page when the list
        is sorted on anything else (3 ms on 1,000 partnerships, where a GROUP BY took 35)."""
        members = (
            Membership.objects.filter(
                published_condition("organization__"), partnership=OuterRef("pk")
            )
            .order_by()
            .values("partnership")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(member_count=Coalesce(Subquery(members), 0))

    def with_size_to_sort(self):
        """`member_count` again, as one GROUP BY over all rows: cheaper than the subquery
        for each row when sorting by it."""
        return self.annotate(
            member_count=Count(
                "memberships", filter=published_condition("memberships__organization__")
            )
        )

    def for_overview(self):
        """Partnerships as the overview lists them: region, size, and the published
        institutes and boards (`key_memberships`), by name; only the columns the list
        shows."""
        return self._listed().only(
            *("name", "slug", "status", "publish_at", "sector_group"),
            *("accreditation", "accreditation_year"),
            *("education_region__name", "education_region__slug"),
            *("education_region__status", "education_region__publish_at"),
        )

    def for_export(self):
        """As the overview, with every column the exports hold and the municipalities. The
        export reads every row, so the size is one GROUP BY (`with_size_to_sort`): the
        subquery per row took 15 times as long on 1,000 partnerships."""
        return self._listed(whole_list=True).prefetch_related(
            Prefetch("municipalities", queryset=Municipality.objects.only("name")),
            Prefetch(
                "education_regions",
                queryset=EducationRegion.objects.published().only("name").order_by(*by_name()),
                to_attr="public_regions",
            ),
        )

    def _listed(self, whole_list=False):
        return (
            (self.with_size_to_sort() if whole_list else self.with_size())
            .order_by(*by_name())
            .select_related("education_region")
            .prefetch_related(
                Prefetch(
                    "memberships",
                    queryset=Membership.objects.public()
                    .filter(role__in=[Role.INSTITUTE, Role.BOARD])
                    .select_related("organization")
                    .only("partnership", "role", "organization__name", "organization__short_name"),
                    to_attr="key_memberships",
                )
            )
        )

    def working_in(self, region_slugs):
        """The partnerships working in (any of) these onderwijsregio's, main or not; a
        subquery, so no row comes twice."""
        through = Partnership.education_regions.through
        return self.filter(
            pk__in=through.objects.filter(educationregion__slug__in=region_slugs).values(
                "partnership"
            )
        )

    def with_public_contacts(self):
        """Prefetches `public_contacts`: the PartnershipContacts whose person the site may
        show, in order, with person and organisation (one query for all rows)."""
        return self.prefetch_related(
            Prefetch(
                "partnershipcontact_set",
                queryset=PartnershipContact.objects.with_public_person().select_related(
                    "person__organization"
                ),
                to_attr="public_contacts",
            )
        )

    def for_page(self):
        """A partnership with its published members (by role), municipalities, sectors,
        main region, the published regions it works in (`public_regions`) and its public
        contact people (`public_contacts`)."""
        return (
            self.with_public_contacts()
            .select_related("education_region")
            .prefetch_related(
                "sectors",
                "municipalities",
                Prefetch(
                    "education_regions",
                    queryset=EducationRegion.objects.published().only("name", "slug"),
                    to_attr="public_regions",
                ),
                Prefetch(
                    "memberships", queryset=Membership.objects.public(), to_attr="public_members"
                ),
            )
        )


class Partnership(DemoFlag, Publishable):
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    slug = models.SlugField(_("webadres"), max_length=200, unique=True)
    sector_group = models.CharField(
        _("sectorgroep"),
        max_length=10,
        choices=SectorGroup,
        db_index=True,
        help_text=_("Bepaalt in welk overzicht het partnerschap staat."),
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True)
    education_region = models.ForeignKey(
        EducationRegion,
        verbose_name=_("hoofdregio"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="main_partnerships",
        help_text=_(
            "De onderwijsregio waar het partnerschap thuishoort; die staat altijd ook bij de "
            "regio's waarin het werkt."
        ),
    )
    education_regions = models.ManyToManyField(
        EducationRegion,
        verbose_name=_("werkt in de onderwijsregio's"),
        related_name="partnerships",
        blank=True,
        help_text=_(
            "Alle onderwijsregio's waarin het partnerschap werkt. De hoofdregio hoeft u niet "
            "te kiezen: die komt er bij het bewaren vanzelf bij."
        ),
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten"), related_name="partnerships", blank=True
    )
    rap_projects = models.ManyToManyField(
        RAPProject,
        verbose_name=_("RAP-projecten"),
        related_name="partnerships",
        blank=True,
        help_text=_(
            "De RAP-projecten waarin dit partnerschap meewerkt. Het partnerschap staat dan op "
            "de pagina van het project, en het project op die van het partnerschap."
        ),
    )
    description = models.TextField(_("beschrijving"), blank=True)
    profile = RichTextField(
        _("beroepsbeeld of profiel"),
        blank=True,
        help_text=_("Waar het partnerschap voor staat, in eigen woorden."),
    )
    website = models.URLField(_("website"), blank=True)
    contacts = models.ManyToManyField(
        Person,
        verbose_name=_("contactpersonen"),
        through="PartnershipContact",
        related_name="partnerships",
        blank=True,
    )
    accreditation = models.CharField(
        _("erkenning"),
        max_length=10,
        choices=Accreditation,
        default=Accreditation.NONE,
        db_index=True,
    )
    accreditation_year = models.PositiveSmallIntegerField(_("erkend sinds"), null=True, blank=True)
    student_count = models.PositiveIntegerField(
        _("aantal studenten per jaar"), null=True, blank=True, help_text=_("Als bekend.")
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("partnerschapsredacteuren"),
        blank=True,
        related_name="edited_partnerships",
        help_text=_(
            "Gebruikers met de rol Partnerschapsredacteur die dit partnerschap en de "
            "bijeenkomsten en berichten ervan mogen bewerken."
        ),
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = [DutchName("name").asc(), "pk"]
        verbose_name = _("partnerschap")
        verbose_name_plural = _("partnerschappen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("partnerships:detail", self.slug)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.include_main_region()

    def include_main_region(self):
        """The main region is always one of the regions the partnership works in (after a
        save, and after a form set the regions: see PartnershipAdmin.save_related)."""
        if self.education_region_id:
            self.education_regions.add(self.education_region_id)

    @property
    def other_regions(self):
        """The published regions it works in besides its main one, by name (from
        `public_regions`, set by `for_page()`)."""
        return [r for r in self.public_regions if r.pk != self.education_region_id]


class MembershipQuerySet(models.QuerySet):
    def of_organizations(self, organizations, *, role=None):
        """The memberships of these organisations and of their published schools (a board
        works through its schools too); `role` limits the organisations' own memberships."""
        own = Q(organization__in=organizations)
        if role:
            own &= Q(role=role)
        return self.filter(
            own | Q(published_condition("organization__"), organization__parent__in=organizations)
        )

    def board_pairs(self):
        """(slug, name, partnership id) of the published board of each of these memberships
        as `of_organizations` counts them, for every board at once: a board's own board
        memberships, and any membership of a published school as its board's. Each pair
        once (UNION); one query."""
        own = self.filter(published_condition("organization__"), role=Role.BOARD).values_list(
            "organization__slug", "organization__name", "partnership_id"
        )
        schools = self.filter(
            published_condition("organization__"),
            published_condition("organization__parent__"),
            organization__parent__isnull=False,
        ).values_list("organization__parent__slug", "organization__parent__name", "partnership_id")
        return own.order_by().union(schools.order_by()).order_by()

    def public(self):
        return self.filter(organization__in=Organization.objects.published()).select_related(
            "organization"
        )


class Membership(ChoiceLabels, models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="partnership_memberships",
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role, default=Role.BOARD)
    since = models.PositiveSmallIntegerField(_("sinds (jaar)"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", DutchName("organization__name").asc(), "pk"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organization"], name="unique_partnership_member"
            )
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class PartnershipContact(models.Model):
    """A contact person of a partnership, in the order its page lists them."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, verbose_name=_("persoon"), on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    objects = ContactQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("contactpersoon van het partnerschap")
        verbose_name_plural = _("contactpersonen van het partnerschap")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "person"], name="unique_partnership_contact"
            )
        ]

    def __str__(self):
        return str(self.person)
