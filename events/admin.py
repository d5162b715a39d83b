from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from events import services
from events.models import Event, ProgrammeItem, Registration, RegistrationStatus
from razon.admin import AssignedObjectsAdmin, PlainLabelsAdmin, PublishableAdmin
from razon.exports import csv_response
from razon.models import PublishStatus
from razon.personal_data import ERASED
from razon.richtext import RichTextField, RichTextWidget

REGISTRATION_COLUMNS = [
    ("event", _("Bijeenkomst")),
    ("starts_at", _("Datum")),
    ("name", _("Naam")),
    ("email", _("E-mailadres")),
    ("organization", _("Organisatie")),
    ("role", _("Functie")),
    ("question", _("Vraag vooraf")),
    ("status", _("Status")),
    ("created_at", _("Aangemeld op")),
    ("confirmed_at", _("Bevestigd op")),
]


def registration_rows(registrations):
    for registration in registrations:
        yield {
            "event": registration.event.title,
            "starts_at": timezone.localtime(registration.event.starts_at).strftime("%d-%m-%Y"),
            "name": registration.name,
            "email": registration.email,
            "organization": registration.organization,
            "role": registration.role,
            "question": registration.question,
            "status": registration.get_status_display(),
            "created_at": _moment(registration.created_at),
            "confirmed_at": _moment(registration.confirmed_at),
        }


def _moment(value):
    return timezone.localtime(value).strftime("%d-%m-%Y %H:%M") if value else ""


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ["position", "starts_at", "title", "speaker", "description"]
    # A few lines fit a table row; the preview button stays.
    formfield_overrides = {RichTextField: {"widget": RichTextWidget(attrs={"rows": 3})}}


class RegistrationInline(admin.TabularInline):
    """Who registered, read-only: registrations come in through the site, and cancelling
    goes through the action in Aanmeldingen so the waiting list moves up."""

    model = Registration
    extra = 0
    history = False  # what visitors wrote is not content: restoring an event leaves it alone
    can_delete = False
    show_change_link = True
    fields = ["name", "email", "organization", "status", "created_at"]
    readonly_fields = fields
    ordering = ["status", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(AssignedObjectsAdmin, PublishableAdmin):
    assigned_users_lookup = "partnerships__editors"
    assignment_field = "partnerships"
    list_display = [
        "title",
        "kind",
        "starts_at",
        "confirmed",
        "waiting",
        "unconfirmed",
        "registration_enabled",
        "is_demo",
        "status",
    ]
    list_filter = ["kind", "status", "registration_enabled", "sectors", "starts_at", "is_demo"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "summary", "location"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisers", "partnerships", "documents", "follow_up"]
    filter_horizontal = ["sectors"]
    inlines = [ProgrammeItemInline, RegistrationInline]
    actions = [*PublishableAdmin.actions, "duplicate", "export_registrations"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "body", "is_demo"]}),
        (_("Afbeelding"), {"fields": ["image", "image_alt"]}),
        (
            _("Wanneer en waar"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "location",
                    "online",
                    "online_platform",
                    "join_url",
                ]
            },
        ),
        (
            _("Voor wie en door wie"),
            {"fields": ["audience", "sectors", "organisers", "partnerships"]},
        ),
        (
            _("Aanmelden"),
            {
                "fields": [
                    "registration_enabled",
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                    "waiting_list",
                    "extra_question",
                ]
            },
        ),
        (_("Na afloop"), {"fields": ["report", "documents", "follow_up"]}),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_registration_counts()

    def has_view_registrations_permission(self, request):
        # Registrations are personal data: only for who may see them in Aanmeldingen.
        return request.user.has_perm("events.view_registration")

    @admin.display(description=_("aangemeld"), ordering="confirmed_count")
    def confirmed(self, obj):
        if obj.capacity is None:
            return obj.confirmed_count
        return f"{obj.confirmed_count} / {obj.capacity}"

    @admin.display(description=_("wachtlijst"), ordering="waiting_count")
    def waiting(self, obj):
        return obj.waiting_count

    @admin.display(description=_("nog niet bevestigd"), ordering="pending_count")
    def unconfirmed(self, obj):
        return obj.pending_count

    @admin.action(
        description=_("Kopieer de geselecteerde bijeenkomsten (als concept)"), permissions=["add"]
    )
    def duplicate(self, request, queryset):
        copies = [duplicate_event(event) for event in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d kopie gemaakt, als concept: pas datum en titel aan.",
                "%(count)d kopieën gemaakt, als concept: pas datum en titel aan.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Download de aanmeldingen (CSV)"), permissions=["view_registrations"]
    )
    def export_registrations(self, request, queryset):
        # The participants: who confirmed (and who cancelled), not who has yet to.
        registrations = (
            Registration.objects.filter(event__in=queryset)
            .exclude(status=RegistrationStatus.PENDING)
            .select_related("event")
            .order_by("event__starts_at", "status", "created_at")
        )
        return csv_response(
            "aanmeldingen.csv", REGISTRATION_COLUMNS, registration_rows(registrations)
        )


@transaction.atomic
def duplicate_event(event):
    """A draft copy with the same programme, sectors, organisers, partnerships and settings;
    registrations, report and documents stay with the original."""
    sectors, organisers = list(event.sectors.all()), list(event.organisers.all())
    partnerships = list(event.partnerships.all())
    programme = list(event.programme_items.all())
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy.title = f"{event.title} ({_('kopie')})"
    copy.slug = _free_slug(slugify(copy.title)[:190])
    copy.status = PublishStatus.DRAFT
    copy.publish_at = None
    copy.report = ""
    copy.follow_up = None
    copy.save()
    copy.sectors.set(sectors)
    copy.organisers.set(organisers)
    copy.partnerships.set(partnerships)
    for item in programme:
        item.pk = None
        item.event = copy
    ProgrammeItem.objects.bulk_create(programme)
    return copy


def _free_slug(base):
    slug, number = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


class ErasedFilter(admin.SimpleListFilter):
    """Whether the personal data is erased (after the retention period, or on request)."""

    title = _("gegevens gewist")
    parameter_name = "gewist"

    def lookups(self, request, model_admin):
        return [("ja", _("Ja")), ("nee", _("Nee"))]

    def queryset(self, request, queryset):
        if self.value() in ("ja", "nee"):
            return queryset.filter(erased_at__isnull=self.value() == "nee")
        return queryset


@admin.register(Registration)
class RegistrationAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    list_display = [
        "display_name",
        "email",
        "organization",
        "event",
        "status",
        "created_at",
        "confirmed_at",
        "mail_state",
    ]
    list_filter = ["status", ErasedFilter, "event__kind", "event"]
    search_fields = ["name", "email", "organization", "event__title"]
    list_select_related = ["event"]
    date_hierarchy = "created_at"
    actions = ["cancel_registrations", "export"]
    readonly_fields = [
        "event",
        "name",
        "email",
        "organization",
        "role",
        "question",
        "status",
        "created_at",
        "confirmed_at",
        "confirm_before",
        "cancelled_at",
        "pending_mail",
        "mail_attempts",
        "mail_error",
        "erased_at",
    ]
    change_list_template = "admin/events/registration/change_list.html"

    def has_add_permission(self, request):
        return False  # registrations come in through the site's form

    def changelist_view(self, request, extra_context=None):
        # The retention the privacy statement states, from the same setting.
        extra_context = {
            **(extra_context or {}),
            "retention_days": settings.RAZON_REGISTRATION_RETENTION_DAYS,
            "confirm_hours": settings.RAZON_REGISTRATION_CONFIRM_HOURS,
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("naam"), ordering="name")
    def display_name(self, obj):
        return ERASED if obj.erased_at else obj.name

    @admin.display(description=_("bevestigen kan tot"))
    def confirm_before(self, obj):
        """Only for a registration that waits for its owner's confirmation."""
        if obj.status != RegistrationStatus.PENDING:
            return "-"
        return date_format(timezone.localtime(obj.confirm_before), "DATETIME_FORMAT")

    @admin.display(description=_("e-mail"))
    def mail_state(self, obj):
        if obj.pending_mail:
            return _("nog te versturen (%(kind)s)") % {"kind": obj.get_pending_mail_display()}
        return _("verstuurd") if not obj.mail_error else obj.mail_error

    @admin.action(
        description=_("Meld de geselecteerde aanmeldingen af (de wachtlijst schuift door)"),
        permissions=["change"],
    )
    def cancel_registrations(self, request, queryset):
        active = queryset.exclude(status=RegistrationStatus.CANCELLED)
        count = 0
        for registration in active:
            services.cancel(registration.pk)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d aanmelding afgemeld.", "%(count)d aanmeldingen afgemeld.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Download de geselecteerde aanmeldingen (CSV)"))
    def export(self, request, queryset):
        return csv_response(
            "aanmeldingen.csv",
            REGISTRATION_COLUMNS,
            registration_rows(queryset.select_related("event")),
        )
