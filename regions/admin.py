from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from razon.admin import PlainLabelsAdmin, PublishableAdmin
from regions.models import EducationRegion, Municipality, RAPProject, RegionMembership


@admin.register(Municipality)
class MunicipalityAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    list_display = ["name", "code", "province"]
    list_filter = ["province"]
    search_fields = ["name", "code"]
    readonly_fields = ["geometry"]

    def has_add_permission(self, request):
        return False  # municipalities come from CBS: `manage.py import_municipalities`


class DemoAdminMixin:
    """Shows demo content as such, so nobody mistakes invented data for facts."""

    @admin.display(description=_("demo"), boolean=True, ordering="is_demo")
    def demo(self, obj):
        return obj.is_demo


class RegionMembershipInline(admin.TabularInline):
    model = RegionMembership
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(EducationRegion)
class EducationRegionAdmin(DemoAdminMixin, PublishableAdmin):
    list_display = ["name", "phase", "municipality_count", "member_count", "demo", "status"]
    list_filter = ["phase", "status", "sectors", "municipalities__province", "is_demo"]
    search_fields = ["name", "description", "municipalities__name", "members__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities", "contact"]
    filter_horizontal = ["sectors"]
    inlines = [RegionMembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "phase", "started_on", "is_demo"]}),
        (_("Inhoud"), {"fields": ["description", "sectors", "website", "contact"]}),
        (_("Gebied"), {"fields": ["municipalities"]}),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                municipalities__count=Count("municipalities", distinct=True),
                members__count=Count("members", distinct=True),
            )
        )

    @admin.display(description=_("gemeenten"), ordering="municipalities__count")
    def municipality_count(self, obj):
        return obj.municipalities__count

    @admin.display(description=_("deelnemers"), ordering="members__count")
    def member_count(self, obj):
        return obj.members__count


@admin.register(RAPProject)
class RAPProjectAdmin(DemoAdminMixin, PublishableAdmin):
    list_display = [
        "name",
        "programme",
        "lead_organization",
        "start_year",
        "end_year",
        "progress",
        "demo",
        "status",
    ]
    list_filter = [
        "programme",
        "progress",
        "status",
        "sectors",
        "municipalities__province",
        "is_demo",
    ]
    search_fields = ["name", "description", "lead_organization__name", "partners__name"]
    list_select_related = ["lead_organization"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["lead_organization", "partners", "municipalities", "education_region"]
    filter_horizontal = ["sectors"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "programme",
                    "progress",
                    "start_year",
                    "end_year",
                    "is_demo",
                ]
            },
        ),
        (_("Wie"), {"fields": ["lead_organization", "partners"]}),
        (_("Waar en voor wie"), {"fields": ["education_region", "municipalities", "sectors"]}),
        (_("Inhoud"), {"fields": ["description", "results", "link"]}),
        PublishableAdmin.publish_fieldset,
    ]
