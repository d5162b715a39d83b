from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from partnerships.models import Membership, Partnership
from razon.admin import PublishableAdmin


class InstituteFilter(admin.SimpleListFilter):
    title = _("lerarenopleiding")
    parameter_name = "opleiding"

    def lookups(self, request, model_admin):
        return [(str(o.pk), str(o)) for o in Organization.objects.teacher_training()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(memberships__organization_id=self.value()).distinct()


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "since"]


@admin.register(Partnership)
class PartnershipAdmin(PublishableAdmin):
    list_display = [
        "name",
        "sector_group",
        "education_region",
        "accreditation",
        "member_count",
        "is_demo",
        "status",
    ]
    list_filter = [
        "sector_group",
        "accreditation",
        "education_region",
        InstituteFilter,
        "sectors",
        "is_demo",
        "status",
    ]
    search_fields = ["name", "short_name", "description", "memberships__organization__name"]
    list_select_related = ["education_region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["municipalities", "contact", "education_region"]
    filter_horizontal = ["sectors"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "sector_group", "sectors", "is_demo"]}),
        (_("Inhoud"), {"fields": ["description", "profile", "website", "contact"]}),
        (
            _("Erkenning en omvang"),
            {"fields": ["accreditation", "accreditation_year", "student_count"]},
        ),
        (_("Waar"), {"fields": ["education_region", "municipalities"]}),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("memberships"))

    @admin.display(description=_("deelnemers"), ordering="memberships__count")
    def member_count(self, obj):
        return obj.memberships__count
