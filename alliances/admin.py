from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alliances.models import Alliance, AllianceContact, FocusPoint, Organization, Person
from razon.admin import HistoryAdmin, PlainLabelsAdmin, PublishableAdmin


@admin.register(Organization)
class OrganizationAdmin(PublishableAdmin):
    list_display = [
        "name",
        "short_name",
        "kind",
        "parent",
        "city",
        "sector_list",
        "is_demo",
        "status",
    ]
    list_filter = ["kind", "sectors", "status", "alliances", "is_demo"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name", "city", "parent__name", "parent__short_name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sectors"]
    autocomplete_fields = ["parent"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "kind", "parent", "sectors", "is_demo"]}),
        (_("Gegevens"), {"fields": ["city", "website", "description", "logo"]}),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sectors")

    @admin.display(description=_("sectoren"))
    def sector_list(self, obj):
        return ", ".join(str(sector) for sector in obj.sectors.all()) or "–"


@admin.register(Person)
class PersonAdmin(HistoryAdmin):
    list_display = ["name", "role", "organization", "email", "is_public"]
    list_filter = ["is_public", "organization__kind"]
    list_select_related = ["organization"]
    search_fields = ["name", "role", "email", "organization__name", "organization__short_name"]
    autocomplete_fields = ["organization"]


class AllianceContactInline(admin.TabularInline):
    model = AllianceContact
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["position", "person"]
    verbose_name = _("contactpersoon")
    verbose_name_plural = _("Contactpersonen (op volgorde; 'Meer weten?' op de site)")


class FocusPointInline(PlainLabelsAdmin, admin.StackedInline):
    model = FocusPoint
    extra = 0
    fields = ["position", "title", "body", "parent"]
    verbose_name = _("speerpunt of subpunt")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Sub-points may only hang under a focus point of the same alliance.
        if db_field.name == "parent":
            alliance_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = FocusPoint.objects.filter(
                alliance_id=alliance_id, parent__isnull=True
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Alliance)
class AllianceAdmin(PublishableAdmin):
    list_display = ["short_name", "name", "is_main", "focus_point_count", "status"]
    list_filter = ["status", "is_main"]
    search_fields = ["name", "short_name", "intro"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["lead_institutes", "members"]
    inlines = [FocusPointInline, AllianceContactInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "is_main", "intro"]}),
        (
            _("Verhaal"),
            {"fields": ["background", "application_filed_on", "ambitions", "coming_period"]},
        ),
        (_("Wie doen mee"), {"fields": ["lead_institutes", "members"]}),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("focus_points"))

    @admin.display(description=_("speerpunten"), ordering="focus_points__count")
    def focus_point_count(self, obj):
        return obj.focus_points__count
