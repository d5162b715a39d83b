"""Municipalities, onderwijsregio's and RAP projects: the regio-infrastructuur."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization, Person, public_person
from razon.models import ChoiceLabels, DemoFlag, Publishable, PublishableQuerySet, Sector
from razon.navigation import item_url
from razon.richtext import RichTextField


def _count_per_region(through, region_field, counted_field):
    """How many different `counted_field` rows of the join table `through` the outer region
    has, as a subquery (0 for none)."""
    counted = (
        through.objects.filter(**{region_field: OuterRef("pk")})
        .order_by()
        .values(region_field)
        .annotate(count=Count(counted_field, distinct=True))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


class Municipality(models.Model):
    """A gemeente as CBS defines it, with its outline (imported by import_municipalities)."""

    code = models.CharField(_("CBS-code"), max_length=6, unique=True, help_text="GM0268")
    name = models.CharField(_("naam"), max_length=100, db_index=True)
    province = models.CharField(_("provincie"), max_length=40, db_index=True)
    geometry = models.JSONField(_("vorm"), help_text=_("GeoJSON-geometrie in WGS84."))
    # The shape on the regiokaart's grid (regions.maps.outline), computed once on import.
    outline = models.JSONField(_("kaartomtrek"), default=list, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")

    def __str__(self):
        return self.name


class RegionStatus(models.TextChoices):
    EXPLORING = "verkenning", _("Verkenning")
    PIONEER = "voorloper", _("Voorloper")
    FORMED = "gevormd", _("Gevormd")


class EducationRegionQuerySet(PublishableQuerySet):
    def for_overview(self):
        """Regions as the overview lists them: sectors, and member and municipality counts;
        only the columns the list shows. The counts are subqueries, not joins: the
        overview's filters, facets and page count then query the regions alone, without a
        row per member and municipality."""
        return (
            self.prefetch_related("sectors")
            .annotate(
                member_count=_count_per_region(RegionMembership, "region", "organization"),
                municipality_count=_count_per_region(
                    EducationRegion.municipalities.through, "educationregion", "municipality"
                ),
            )
            .only("name", "slug", "phase", "status", "publish_at")
        )

    def for_export(self):
        """Regions as the open data holds them, by name: sectors, municipalities (without
        their outline) and the published members (`public_memberships`)."""
        return self.prefetch_related(
            "sectors",
            Prefetch("municipalities", queryset=Municipality.objects.defer("geometry")),
            Prefetch(
                "regionmembership_set",
                queryset=RegionMembership.objects.filter(
                    organization__in=Organization.objects.published()
                )
                .select_related("organization")
                .order_by("organization__name"),
                to_attr="public_memberships",
            ),
        ).order_by("name")

    def with_public_contact(self):
        """Adds `public_contact`: the contact person with their organisation, only when the
        site may show them (None otherwise); in the same query."""
        return self.annotate(public_contact=public_person("contact")).select_related(
            "public_contact__organization"
        )

    def for_page(self):
        """A region with everything its page and the regiokaart panel show: published members
        with their role, municipalities, sectors, the public contact person and the published
        RAP projects."""
        return self.with_public_contact().prefetch_related(
            "sectors",
            "municipalities",
            Prefetch(
                "regionmembership_set",
                queryset=RegionMembership.objects.filter(
                    organization__in=Organization.objects.published()
                ).select_related("organization"),
                to_attr="public_memberships",
            ),
            Prefetch(
                "rap_projects",
                queryset=RAPProject.objects.published().select_related("lead_organization"),
                to_attr="public_rap_projects",
            ),
        )


class EducationRegion(DemoFlag, Publishable):
    """An onderwijsregio: boards, teacher-training institutes and the profession working
    together on the shortages in the education labour market."""

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("webadres"), max_length=200, unique=True)
    phase = models.CharField(
        _("fase"),
        max_length=20,
        choices=RegionStatus,
        default=RegionStatus.EXPLORING,
        db_index=True,
    )
    started_on = models.DateField(_("gestart op"), null=True, blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("gemeenten"),
        related_name="education_regions",
        blank=True,
        help_text=_("De gemeenten die de regio beslaat; zo verschijnt ze op de regiokaart."),
    )
    members = models.ManyToManyField(
        Organization,
        verbose_name=_("deelnemers"),
        through="RegionMembership",
        related_name="education_regions",
        blank=True,
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    contact = models.ForeignKey(
        Person,
        verbose_name=_("contactpersoon"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    # The contact person as the site may show them: set by `with_public_contact()`.
    public_contact = None

    objects = EducationRegionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("onderwijsregio")
        verbose_name_plural = _("onderwijsregio's")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("regions:education_region", self.slug)


class MemberRole(models.TextChoices):
    LEAD = "penvoerder", _("Penvoerder")
    BOARD = "bestuur", _("Schoolbestuur")
    INSTITUTE = "lerarenopleiding", _("Lerarenopleiding")
    PROFESSION = "beroepsgroep", _("Beroepsgroep")
    PARTNER = "partner", _("Partner")


class RegionMembership(ChoiceLabels, models.Model):
    region = models.ForeignKey(EducationRegion, on_delete=models.CASCADE)
    organization = models.ForeignKey(
        Organization, verbose_name=_("organisatie"), on_delete=models.CASCADE
    )
    role = models.CharField(_("rol"), max_length=20, choices=MemberRole, default=MemberRole.BOARD)

    class Meta:
        ordering = ["role", "organization__name"]
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        constraints = [
            models.UniqueConstraint(fields=["region", "organization"], name="unique_region_member")
        ]

    def __str__(self):
        return f"{self.organization} ({self.get_role_display()})"


class Programme(models.TextChoices):
    RAL = "ral", _("RAL (Regionale Aanpak Lerarentekort)")
    RAP = "rap", _("RAP (Regionale Aanpak Personeelstekorten)")


# The last day of the RAP scheme. Source: ra-zon.nl, "Regio-infrastructuur" (seed 001): "De
# RAP-regeling is verlengd tot uiterlijk december 2023."
RAP_SCHEME_ENDS_ON = datetime.date(2023, 12, 31)


class ProjectStatus(models.TextChoices):
    PLANNED = "gepland", _("Gepland")
    RUNNING = "lopend", _("Lopend")
    FINISHED = "afgerond", _("Afgerond")


class RAPProjectQuerySet(PublishableQuerySet):
    def for_overview(self):
        """Projects as the overview lists them: with lead organisation and sectors, only the
        columns the list shows."""
        return (
            self.select_related("lead_organization")
            .prefetch_related("sectors")
            .only(
                *("name", "slug", "programme", "progress", "start_year", "end_year"),
                *("status", "publish_at", "lead_organization__name"),
                "lead_organization__short_name",
                # whether the lead is published: a draft organisation is named nowhere
                *("lead_organization__status", "lead_organization__publish_at"),
            )
        )

    def for_export(self):
        """Projects as the open data holds them, by name: as the page, the municipalities
        without their outline."""
        return (
            self.select_related("lead_organization", "education_region")
            .prefetch_related(
                "sectors",
                Prefetch("municipalities", queryset=Municipality.objects.defer("geometry")),
                Prefetch(
                    "partners",
                    queryset=Organization.objects.published().order_by("name"),
                    to_attr="public_partners",
                ),
            )
            .order_by("name")
        )

    def for_page(self):
        """A project with its lead, region, published partners, municipalities and sectors."""
        return self.select_related("lead_organization", "education_region").prefetch_related(
            "sectors",
            "municipalities",
            Prefetch("partners", queryset=Organization.objects.published()),
        )

    def active_in(self, year):
        return self.filter(start_year__lte=year).filter(
            models.Q(end_year__isnull=True) | models.Q(end_year__gte=year)
        )


class RAPProject(DemoFlag, Publishable):
    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("webadres"), max_length=200, unique=True)
    programme = models.CharField(
        _("regeling"), max_length=3, choices=Programme, default=Programme.RAP, db_index=True
    )
    progress = models.CharField(
        _("stand van zaken"),
        max_length=10,
        choices=ProjectStatus,
        default=ProjectStatus.RUNNING,
        db_index=True,
    )
    lead_organization = models.ForeignKey(
        Organization,
        verbose_name=_("penvoerder"),
        on_delete=models.PROTECT,
        related_name="led_rap_projects",
        help_text=_("Het bestuur of de lerarenopleiding die de subsidie aanvroeg."),
    )
    partners = models.ManyToManyField(
        Organization, verbose_name=_("partners"), related_name="rap_projects", blank=True
    )
    education_region = models.ForeignKey(
        EducationRegion,
        verbose_name=_("onderwijsregio"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rap_projects",
    )
    municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("gemeenten"), related_name="rap_projects", blank=True
    )
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("startjaar"))
    end_year = models.PositiveSmallIntegerField(
        _("eindjaar"), null=True, blank=True, help_text=_("Leeg zolang het project loopt.")
    )
    description = models.TextField(_("beschrijving"), blank=True)
    results = RichTextField(_("resultaten"), blank=True)
    link = models.URLField(_("meer informatie"), blank=True)

    objects = RAPProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("RAP-project")
        verbose_name_plural = _("RAP-projecten")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return item_url("regions:rap_project", self.slug)

    def clean(self):
        """A RAP project lies within the scheme: it neither starts nor ends after the scheme's
        end, and once the scheme has ended it is finished, not running or planned."""
        super().clean()
        if self.programme != Programme.RAP:
            return
        last_year = RAP_SCHEME_ENDS_ON.year
        message = _("De RAP-regeling liep tot uiterlijk december %(year)s.") % {"year": last_year}
        errors = {}
        if self.start_year and self.start_year > last_year:
            errors["start_year"] = [message, _("Een RAP-project kan niet later beginnen.")]
        if self.end_year and self.end_year > last_year:
            errors["end_year"] = [message, _("Een RAP-project kan niet later eindigen.")]
        if self.progress != ProjectStatus.FINISHED and timezone.localdate() > RAP_SCHEME_ENDS_ON:
            errors["progress"] = [
                message,
                _("Een RAP-project is daarna afgerond: kies ‘Afgerond’ en vul het eindjaar in."),
            ]
        if self.progress == ProjectStatus.FINISHED and not self.end_year:
            errors.setdefault("end_year", []).append(
                _("Vul het eindjaar in: het project is afgerond.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year or '…'}"
