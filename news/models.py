"""Posts: news, blogs and reports, with what they are about and what to read next."""

import datetime
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization, Person, public_person
from events.models import Event
from partnerships.models import Partnership
from razon.images import picture_fields, require_picture_description
from razon.models import DemoFlag, Publishable, PublishableQuerySet, Sector
from razon.navigation import item_url
from razon.richtext import RichTextField, reading_minutes
from regions.models import EducationRegion, RAPProject

RELATED_LIMIT = 3
# What a post card shows (home page, related posts).
CARD_FIELDS = [
    *("kind", "title", "slug", "date", "intro"),
    *("cover", "cover_alt", "cover_width", "cover_height"),
]
# Paths under /berichten/ that are not posts.
RESERVED_SLUGS = {"feed"}


class PostKind(models.TextChoices):
    NEWS = "nieuws", _("Nieuws")
    BLOG = "blog", _("Blog")
    REPORT = "verslag", _("Verslag")


# How a feed or a heading names several posts of one kind.
KIND_PLURALS = {
    PostKind.NEWS: _("Nieuws"),
    PostKind.BLOG: _("Blogs"),
    PostKind.REPORT: _("Verslagen"),
}

# What a post shares with another, and how much it counts when posts are related
# automatically: a shared event, partnership, region or organisation says more than a sector.
SHARED_WEIGHTS = {
    "events": 2,
    "partnerships": 2,
    "regions": 2,
    "organizations": 2,
    "sectors": 1,
}
# Fields whose items most posts share (there are few sectors): only the newest
# BROAD_CANDIDATES posts that share nothing else are scored (PostQuerySet.related_to).
BROAD_FIELDS = {"sectors"}
BROAD_CANDIDATES = 100


class PostQuerySet(PublishableQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-pk")

    def with_public_author(self):
        """Adds `public_author`: the author chosen from the contact people, only when the
        site may show them (None otherwise); in the same query. The byline reads it."""
        return self.annotate(public_author=public_person("author")).select_related("public_author")

    def for_list(self):
        """Posts as the overview lists them: newest first, with public author and sectors."""
        return self.newest_first().with_public_author().prefetch_related("sectors")

    def for_cards(self):
        """Posts as short cards (home page, related posts): newest first, no joins."""
        return self.newest_first().only(*CARD_FIELDS)

    def for_feed(self):
        """Posts as the feeds carry them: newest first, with public author and sectors."""
        return self.for_list()

    def for_page(self):
        """A post with everything its page shows: public author, sectors, further reading, and
        the published events, partnerships, regions, RAP projects and organisations it is
        about."""
        return self.with_public_author().prefetch_related(
            "sectors",
            "links",
            models.Prefetch("events", queryset=Event.objects.published().order_by("-starts_at")),
            models.Prefetch("partnerships", queryset=Partnership.objects.published()),
            models.Prefetch("regions", queryset=EducationRegion.objects.published()),
            models.Prefetch("rap_projects", queryset=RAPProject.objects.published()),
            models.Prefetch("organizations", queryset=Organization.objects.published()),
        )

    def related_to(self, post, limit=RELATED_LIMIT):
        """Up to `limit` posts to read next, in one query: first the ones the editor chose,
        then the posts sharing the most with `post` (see SHARED_WEIGHTS); within each, more
        in common first, then newest first. Posts sharing nothing and not chosen are left
        out. Chain after `published()`, so drafts are never related.

        A sector is shared by a large part of all posts: of the posts sharing only a sector,
        the newest BROAD_CANDIDATES are scored (enough to fill the list), so the cost follows
        the posts in common, not the size of the archive: the shared counts are looked up only
        for the candidates found by set lookups."""
        chosen = Post.related_posts.through.objects.filter(from_post=post.pk).values("to_post")
        own = {field: _own(post, field) for field in SHARED_WEIGHTS}  # built once, used twice
        shares = {field: Q(pk__in=_sharing(*own[field])) for field in SHARED_WEIGHTS}
        narrow = [shares[field] for field in SHARED_WEIGHTS if field not in BROAD_FIELDS]
        broad = reduce(or_, (shares[field] for field in BROAD_FIELDS))
        newest_broad = (
            self.exclude(pk=post.pk).filter(broad).newest_first().values("pk")[:BROAD_CANDIDATES]
        )
        score = sum(
            (weight * _shared_count(*own[field]) for field, weight in SHARED_WEIGHTS.items()),
            start=Value(0),
        )
        return (
            self.exclude(pk=post.pk)
            .filter(reduce(or_, narrow, Q(pk__in=chosen) | Q(pk__in=newest_broad)))
            .annotate(is_chosen=Q(pk__in=chosen), shared_score=score)
            .order_by("-is_chosen", "-shared_score", "-date", "-pk")
            .only(*CARD_FIELDS)[:limit]
        )

    def about(self, field, obj):
        """Posts about `obj` through the many-to-many `field` (events, partnerships, regions,
        rap_projects, organizations), newest first."""
        return self.filter(**{field: obj}).newest_first()

    def reports_first(self):
        """Reports before the other kinds, each newest first (for an event's page)."""
        return self.order_by(Case(When(kind=PostKind.REPORT, then=0), default=1), "-date", "-pk")


def _own(post, field):
    """The join table of `post`'s many-to-many `field`, its target column, and `post`'s items
    in it (a subquery)."""
    through = Post._meta.get_field(field).remote_field.through
    target = Post._meta.get_field(field).m2m_reverse_field_name()
    return through, target, through.objects.filter(post=post.pk).values(target)


def _sharing(through, target, own):
    """The posts sharing at least one of a post's items (`_own()`) in that join table (a
    subquery of post ids)."""
    return through.objects.filter(**{f"{target}__in": own}).values("post")


def _shared_count(through, target, own):
    """How many of a post's items (`_own()`) a candidate post shares in that join table, as a
    subquery on it (so counting costs no extra query and no row multiplication)."""
    shared = (
        through.objects.filter(post=OuterRef("pk"), **{f"{target}__in": own})
        .order_by()
        .values("post")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), 0)


class Post(DemoFlag, Publishable):
    kind = models.CharField(
        _("soort"),
        max_length=10,
        choices=PostKind,
        default=PostKind.NEWS,
        db_index=True,
        help_text=_(
            "Nieuws: wat er gebeurt of komt. Blog: een persoonlijke bijdrage van een auteur. "
            "Verslag: hoe een bijeenkomst ging."
        ),
    )
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(
        _("webadres"),
        max_length=200,
        unique=True,
        help_text=_("Het laatste deel van het webadres; wordt uit de titel gemaakt."),
    )
    date = models.DateField(
        _("datum"),
        blank=True,
        db_index=True,
        help_text=_(
            "De datum boven het bericht; de nieuwste berichten staan bovenaan. Leeg laten: "
            "de dag waarop het bericht verschijnt (de datum van 'publiceren vanaf', of vandaag)."
        ),
    )
    intro = models.TextField(
        _("inleiding"),
        max_length=600,
        help_text=_(
            "Een of twee zinnen, zonder opmaak. Staat in het overzicht, boven het bericht, in "
            "de feeds en bij zoekmachines."
        ),
    )
    body = RichTextField(_("tekst"))
    author = models.ForeignKey(
        Person,
        verbose_name=_("auteur (contactpersoon)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        help_text=_(
            "Kies een contactpersoon als die de schrijver is. Staat de schrijver er niet tussen, "
            "vul dan hieronder de naam in."
        ),
    )
    author_name = models.CharField(
        _("auteur (naam)"),
        max_length=200,
        blank=True,
        help_text=_("Alleen als de schrijver geen contactpersoon is. Bijvoorbeeld: Miranda."),
    )
    author_role = models.CharField(
        _("rol van de auteur"),
        max_length=200,
        blank=True,
        help_text=_(
            "Bijvoorbeeld: lector Partners in Opleiding en Ontwikkeling. Leeg: de functie van "
            "de contactpersoon."
        ),
    )
    cover, cover_alt, cover_width, cover_height = picture_fields("cover", "berichten/%Y/")
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectoren"), blank=True)
    events = models.ManyToManyField(
        Event,
        verbose_name=_("bijeenkomsten"),
        related_name="posts",
        blank=True,
        help_text=_(
            "De bijeenkomsten waar het bericht over gaat; een verslag staat dan ook bij de "
            "bijeenkomst in de agenda."
        ),
    )
    partnerships = models.ManyToManyField(
        Partnership,
        verbose_name=_("partnerschappen"),
        related_name="posts",
        blank=True,
        help_text=_("Het bericht staat dan ook op de pagina van het partnerschap."),
    )
    regions = models.ManyToManyField(
        EducationRegion,
        verbose_name=_("onderwijsregio's"),
        related_name="posts",
        blank=True,
        help_text=_("Het bericht staat dan ook op de pagina van de onderwijsregio."),
    )
    rap_projects = models.ManyToManyField(
        RAPProject,
        verbose_name=_("RAP-projecten"),
        related_name="posts",
        blank=True,
        help_text=_("Het bericht staat dan ook op de pagina van het RAP-project."),
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("organisaties"),
        related_name="posts",
        blank=True,
        help_text=_("Het bericht staat dan ook op de pagina van de organisatie."),
    )
    related_posts = models.ManyToManyField(
        "self",
        verbose_name=_("gerelateerde berichten"),
        symmetrical=False,
        related_name="+",
        blank=True,
        help_text=_(
            "Optioneel. Deze berichten staan bovenaan bij 'Gerelateerde berichten'; de site "
            "vult aan met berichten over dezelfde sectoren, bijeenkomsten of partners."
        ),
    )

    # The author as the site may show them: set by `with_public_author()`.
    public_author = None

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        indexes = [models.Index(fields=["-date", "-id"], name="post_newest_first")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return item_url("news:detail", self.slug)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Dit webadres is al in gebruik op de site; kies een ander.")}
            )
        require_picture_description(self, "cover")
        if self.author_id and self.author_name:
            raise ValidationError(
                {"author_name": _("Kies een contactpersoon óf vul een naam in, niet allebei.")}
            )

    def save(self, *args, **kwargs):
        if self.date is None:
            self.date = timezone.localdate(self.publish_at) if self.publish_at else None
            self.date = self.date or timezone.localdate()
        super().save(*args, **kwargs)

    @property
    def byline_name(self):
        """Who wrote it, as the site shows it (fetched `with_public_author()`); a person kept
        out of the site stays unnamed."""
        if self.public_author:
            return self.public_author.name
        return self.author_name

    @property
    def byline_role(self):
        if self.author_role:
            return self.author_role
        return self.public_author.role if self.public_author else ""

    @property
    def published_at(self):
        """The moment the post came out: its scheduled time on its date, else the start of
        its date (Dutch time). For feeds and structured data."""
        if self.publish_at and timezone.localdate(self.publish_at) == self.date:
            return self.publish_at
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time()))

    @property
    def reading_minutes(self):
        return reading_minutes(self.body)


class PostLink(models.Model):
    """A link under "Meer lezen of luisteren?" at the end of a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="links")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("Zoals de link op de site staat, bijvoorbeeld: Podcast Samen Opleiden #11."),
    )
    url = models.URLField(
        _("webadres"), max_length=500, help_text=_("Het volledige adres, beginnend met https://.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("link om verder te lezen")
        verbose_name_plural = _("meer lezen of luisteren")
        constraints = [
            # Only web links reach the page, whatever path the data took.
            models.CheckConstraint(
                condition=Q(url__istartswith="https://") | Q(url__istartswith="http://"),
                name="post_link_is_a_web_address",
                violation_error_message=_("Een link begint met https:// of http://."),
            )
        ]

    def __str__(self):
        return self.title
