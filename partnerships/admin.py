from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from alliances.models import Organization
from partnerships.models import Membership, Partnership, PartnershipContact
from razon import roles
from razon.admin import AssignedObjectsAdmin, PublishableAdmin


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


class ContactInline(admin.TabularInline):
    model = PartnershipContact
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "position"]
    verbose_name = _("contactpersoon")
    verbose_name_plural = _(
        "contactpersonen (alleen wie bij de persoon ‘tonen op de site’ aan heeft, staat op de site)"
    )


@admin.register(Partnership)
class PartnershipAdmin(AssignedObjectsAdmin, PublishableAdmin):
    assigned_users_lookup = "editors"
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
        "education_regions",
        InstituteFilter,
        "sectors",
        "is_demo",
        "status",
    ]
    search_fields = ["name", "short_name", "description", "memberships__organization__name"]
    ordering = ["name"]  # the list annotates counts, where Meta.ordering does not apply
    list_select_related = ["education_region"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = [
        "municipalities",
        "education_region",
        "education_regions",
        "editors",
        "rap_projects",
    ]
    filter_horizontal = ["sectors"]
    inlines = [MembershipInline, ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "sector_group", "sectors", "is_demo"]}),
        (_("Inhoud"), {"fields": ["description", "profile", "website"]}),
        (
            _("Erkenning en omvang"),
            {"fields": ["accreditation", "accreditation_year", "student_count"]},
        ),
        (_("Waar"), {"fields": ["education_region", "education_regions", "municipalities"]}),
        (_("Samenwerking"), {"fields": ["rap_projects"]}),
        PublishableAdmin.publish_fieldset,
    ]

    editors_fieldset = (
        _("Redactie"),
        {
            "fields": ["editors"],
            "description": _(
                "Wie dit partnerschap en zijn bijeenkomsten en berichten mag bijhouden. "
                "Alleen gebruikers met de rol Partnerschapsredacteur."
            ),
        },
    )

    def save_related(self, request, form, formsets, change):
        # The form has just set the regions as chosen: the main one belongs to them.
        super().save_related(request, form, formsets, change)
        form.instance.include_main_region()

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(Count("memberships"))

    def get_fieldsets(self, request, obj=None):
        # Assigning people is managing users: only for who may do that.
        if request.user.has_perm("auth.change_user"):
            return [*self.fieldsets, self.editors_fieldset]
        return self.fieldsets

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "editors":
            kwargs["queryset"] = get_user_model().objects.filter(
                groups__name=roles.PARTNERSHIP_EDITOR
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("deelnemers"), ordering="memberships__count")
    def member_count(self, obj):
        return obj.memberships__count
