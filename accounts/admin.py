"""Users in the admin. Superusers manage everyone; a Projectleider manages only the users of
their own organisation, gives them only the four roles, and can never hand out superuser
status or loose permissions (the form has no such fields, so a forged POST sets nothing)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import LoginForm
from accounts.models import StaffProfile, organization_of
from razon import roles
from razon.admin import PlainLabelsAdmin

User = get_user_model()

# The login asks for the two-factor code too (for whoever has set it up).
admin.site.login_form = LoginForm
admin.site.login_template = "accounts/login.html"


class StaffProfileInline(PlainLabelsAdmin, admin.StackedInline):
    model = StaffProfile
    can_delete = False
    autocomplete_fields = ["organization"]
    fields = ["organization"]
    verbose_name_plural = _("Organisatie")


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(PlainLabelsAdmin, UserAdmin):
    list_display = ["username", "full_name", "email", "organization", "role_list", "is_active"]
    list_filter = ["groups", "is_active", "is_staff", "is_superuser"]
    search_fields = ["username", "first_name", "last_name", "email"]
    project_leader_fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Persoonlijke gegevens"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Rollen"),
            {
                "fields": ["is_active", "groups"],
                "description": _(
                    "Projectleider: alle inhoud en de gebruikers van de eigen organisatie. "
                    "Redacteur: alle inhoud. Partnerschapsredacteur: alleen de partnerschappen "
                    "waaraan hij of zij is toegewezen, met hun bijeenkomsten en berichten. "
                    "Secretariaat: contactberichten en aanmeldingen; de inhoud alleen lezen."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        queryset = (
            super()
            .get_queryset(request)
            .select_related("staff_profile__organization")
            .prefetch_related("groups")
        )
        if request.user.is_superuser:
            return queryset
        organization = organization_of(request.user)
        if organization is None:
            return queryset.none()
        return queryset.filter(is_superuser=False, staff_profile__organization=organization)

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser or obj is None:
            return super().get_fieldsets(request, obj)
        return self.project_leader_fieldsets

    def get_inlines(self, request, obj):
        return [StaffProfileInline] if request.user.is_superuser else []

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=roles.ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            # Whoever a Projectleider adds works in the admin, never as a superuser.
            obj.is_staff = True
            obj.is_superuser = False
        super().save_model(request, obj, form, change)
        if not request.user.is_superuser and not change:
            StaffProfile.objects.update_or_create(
                user=obj, defaults={"organization": organization_of(request.user)}
            )

    @admin.display(description=_("naam"))
    def full_name(self, obj):
        return obj.get_full_name() or "–"

    @admin.display(description=_("organisatie"))
    def organization(self, obj):
        return organization_of(obj) or "–"

    @admin.display(description=_("rollen"))
    def role_list(self, obj):
        return ", ".join(group.name for group in obj.groups.all()) or "–"


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("ingesteld")
    parameter_name = "ingesteld"

    def lookups(self, request, model_admin):
        return [("ja", _("Ja")), ("nee", _("Nee, nog niet bevestigd"))]

    def queryset(self, request, queryset):
        if self.value() in ("ja", "nee"):
            return queryset.filter(confirmed=self.value() == "ja")
        return queryset


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class AuthenticatorAppAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    """The staff's authenticator apps, in Dutch (django-otp's own admin is English and shows
    the secret key). Staff set up their app themselves on the two-factor page; here an
    administrator sees who has one and removes a lost one, so the admin never adds or edits."""

    list_display = ["user_name", "device_name", "is_confirmed", "created", "last_used"]
    list_filter = [ConfirmedFilter]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "user__email"]
    fields = readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("gebruiker"), ordering="user__username")
    def user_name(self, device):
        return device.user.get_full_name() or device.user.get_username()

    @admin.display(description=_("naam van het apparaat"), ordering="name")
    def device_name(self, device):
        return device.name

    @admin.display(description=_("ingesteld"), boolean=True, ordering="confirmed")
    def is_confirmed(self, device):
        return device.confirmed

    @admin.display(description=_("aangemaakt"), ordering="created_at")
    def created(self, device):
        return _moment(device.created_at)

    @admin.display(description=_("laatst gebruikt"), ordering="last_used_at")
    def last_used(self, device):
        return _moment(device.last_used_at)


def _moment(value):
    """A moment as the admin shows a date and time (the page of a read-only item would show
    a method's datetime as Python writes it)."""
    return date_format(localtime(value), "DATETIME_FORMAT") if value else "–"
