"""Admin building blocks every content admin uses."""

from django.contrib import admin, messages
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from razon import roles
from razon.models import Document, PublishStatus, Sector


class AssignedObjectsAdmin:
    """Object-level rights for users limited to what they are assigned to (the
    Partnerschapsredacteur, see razon/roles.py), written once for every admin that needs it.

    - `assigned_users_lookup`: the lookup from this model to the assigned users, e.g.
      "editors" on partnerships, "partnerships__editors" on events and posts. The admin's
      queryset keeps only matching objects, so the list, a change, delete or history page
      opened by direct URL, a forged POST and every bulk action see nothing else.
    - `assignment_field`: the relation that makes an object theirs ("partnerships"). Its
      choices are limited to their own (plus what the object already has), and saving needs at
      least one of their own, so what they add stays theirs and they cannot give it away.
      Links to other limited models (events, posts) are limited to their own the same way.

    Users with other roles and superusers are not limited."""

    assigned_users_lookup = None
    assignment_field = None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not roles.assigned_only(request.user):
            return queryset
        assigned = self.model._default_manager.filter(
            **{self.assigned_users_lookup: request.user}
        ).values("pk")
        # A subquery rather than a join: list annotations (counts) stay correct.
        return queryset.filter(pk__in=assigned)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not roles.assigned_only(request.user):
            return form
        own = {}
        for name, field in form.base_fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            related_admin = self.admin_site._registry.get(model)
            if name == self.assignment_field:
                lookup = self.assigned_users_lookup.removeprefix(f"{name}__")
                own[name] = model._default_manager.filter(**{lookup: request.user})
            elif isinstance(related_admin, AssignedObjectsAdmin):
                # Links to other limited items (an event's follow-up, a post's events and
                # related posts) may point only at their own as well.
                own[name] = related_admin.get_queryset(request)
        return limit_to_own(form, own, self.assignment_field)


def limit_to_own(form_class, own, assignment_field):
    """The form with each field in `own` ({name: queryset}) limited to those choices plus what
    the object already has; `assignment_field` is required to keep one of its own."""

    class OwnChoicesForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, queryset in own.items():
                allowed = Q(pk__in=queryset.values("pk"))
                if self.instance.pk:
                    allowed |= Q(pk__in=self._current_pks(name))
                self.fields[name].queryset = self.fields[name].queryset.filter(allowed)
            if assignment_field in own:
                self.fields[assignment_field].required = True

        def _current_pks(self, name):
            value = getattr(self.instance, name)
            if hasattr(value, "values"):  # a many-to-many manager
                return value.values("pk")
            return [value.pk] if value is not None else []

        def clean(self):
            cleaned_data = super().clean()
            chosen = cleaned_data.get(assignment_field)
            if (
                assignment_field in own
                and chosen
                and not own[assignment_field].filter(pk__in=[c.pk for c in chosen]).exists()
            ):
                self.add_error(
                    assignment_field,
                    _("Kies minstens één partnerschap waarvan u redacteur bent."),
                )
            return cleaned_data

    return OwnChoicesForm


class PublishableAdmin(admin.ModelAdmin):
    """Publish state in the list, a filter on it, and bulk publish / back-to-draft actions."""

    actions = ["make_published", "make_draft"]
    readonly_fields = ["created_at", "updated_at"]
    publish_fieldset = (
        _("Publicatie"),
        {"fields": ["status", "publish_at", "created_at", "updated_at"]},
    )

    # Actions without `permissions` are offered to anyone who may view the list.
    @admin.action(description=_("Publiceer de geselecteerde items"), permissions=["change"])
    def make_published(self, request, queryset):
        self._set_status(request, queryset, PublishStatus.PUBLISHED)

    @admin.action(
        description=_("Zet de geselecteerde items terug naar concept"), permissions=["change"]
    )
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, PublishStatus.DRAFT)

    def _set_status(self, request, queryset, status):
        count = queryset.update(status=status)
        self.message_user(
            request,
            ngettext("%(count)d item bijgewerkt.", "%(count)d items bijgewerkt.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "position"]

    def has_add_permission(self, request):
        return False  # the sectors are fixed: one per SectorCode

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "type_label", "file_size", "updated_at"]
    list_filter = ["kind", "content_type"]
    search_fields = ["title", "slug", "file"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_type", "file_size", "created_at", "updated_at"]
    fields = [
        "title",
        "slug",
        "kind",
        "file",
        "content_type",
        "file_size",
        "created_at",
        "updated_at",
    ]

    @admin.display(description=_("grootte"), ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size)

    @admin.display(description=_("bestandstype"))
    def type_label(self, obj):
        return obj.type_label
