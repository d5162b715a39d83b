"""Admin building blocks every content admin uses."""

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from razon import preview, roles
from razon.forms import PlainLabelsMixin
from razon.models import Document, PublishState, PublishStatus, Secretariat, Sector


def plain_labels(form_class):
    """`form_class` with labels without Django's trailing colon (PlainLabelsMixin)."""
    return type(form_class.__name__, (PlainLabelsMixin, form_class), {})


class PlainLabelsAdmin:
    """An admin (or inline) whose form labels have no trailing colon, as on the public
    forms; readonly fields' labels follow the form."""

    def get_form(self, request, obj=None, **kwargs):
        return plain_labels(super().get_form(request, obj, **kwargs))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = plain_labels(formset.form)
        return formset


class HistoryAdmin(PlainLabelsAdmin, VersionAdmin):
    """Who changed what and when (django-reversion), with "restore this version", for every
    content admin. Each save in the admin is one revision of the item with its inlines;
    inlines whose `history` is False (registrations, say: not content) are left out of the
    revision, so restoring an item never deletes or brings back what visitors wrote.

    Restoring goes through the normal change form, so the admin's permissions (model and
    per-object, via get_queryset and has_change_permission) apply to it as to an edit."""

    history_latest_first = True

    def reversion_register(self, model, **options):
        """The library registers the model and its inlines' models, following each inline;
        an inline with `history = False` is neither registered nor followed."""
        left_out = {inline.model for inline in self.inlines if not getattr(inline, "history", True)}
        if model in left_out:
            return
        if model is self.model:
            left_out_names = {
                relation.get_accessor_name()
                for relation in model._meta.related_objects
                if relation.related_model in left_out
            }
            options["follow"] = [
                name for name in options.get("follow", ()) if name not in left_out_names
            ]
        super().reversion_register(model, **options)

    def history_view(self, request, object_id, extra_context=None):
        # Django's own history view checks the object; reversion's checks only the model.
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Only a version of this admin's model: the library looks a version up by its id and
        # the item's id alone, which would let another model's version be reverted here.
        get_object_or_404(
            Version.objects.get_for_model(self.model),
            pk=version_id,
            object_id=unquote(object_id),
        )
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
        return super().revision_view(request, object_id, version_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        # The library wraps the whole list in one revision (for list_editable). Actions then
        # put every item into that one revision, and restoring one item would restore them
        # all; so without list_editable the actions make their own revision per item.
        if self.list_editable:
            context = {"has_recover_permission": self.has_recover_permission(request)}
            return super().changelist_view(request, {**context, **(extra_context or {})})
        context = {
            "has_change_permission": self.has_change_permission(request),
            "has_recover_permission": self.has_recover_permission(request),
        }
        return admin.ModelAdmin.changelist_view(self, request, {**context, **(extra_context or {})})

    def has_recover_permission(self, request):
        """Who may bring back deleted items ("Verwijderde … herstellen"): the library asks
        for the add and change permission; admins with object-level limits ask more."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def recover_view(self, request, version_id, extra_context=None):
        get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        return super().recover_view(request, version_id, extra_context)


class PublishStateFilter(admin.SimpleListFilter):
    """Concept / gepland / gepubliceerd: "gepland" is a published item whose publish time
    has not come yet."""

    title = _("status")
    parameter_name = "publicatie"

    def lookups(self, request, model_admin):
        return PublishState.choices

    def queryset(self, request, queryset):
        if self.value() in PublishState.values:
            return queryset.in_state(self.value())
        return queryset


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

    def has_recover_permission(self, request):
        """Deleted items are no longer assigned to anyone: bringing one back is left to
        users who may edit all content."""
        return not roles.assigned_only(request.user) and super().has_recover_permission(request)

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not self.has_recover_permission(request):
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not roles.assigned_only(request.user):
            return form
        own = {}
        for name, field in form.base_fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            related_admin = (
                self.admin_site.get_model_admin(model)
                if self.admin_site.is_registered(model)
                else None
            )
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
                    _("Kies minstens één partnerschap waarvan je redacteur bent."),
                )
            return cleaned_data

    return OwnChoicesForm


class PublishableAdmin(HistoryAdmin):
    """Everything an editor needs around the publish state, for every public model: the state
    (concept, gepland, gepubliceerd) as a list column and filter (an admin that lists or
    filters on "status" gets these instead), bulk publish / back-to-draft actions recorded in
    the history, "Bekijk op de site" for published items and "Voorbeeld bekijken" (a signed
    preview link) for drafts and scheduled items, and the history with restore."""

    actions = ["make_published", "make_draft"]
    readonly_fields = ["created_at", "updated_at"]
    change_form_template = "admin/razon/publishable_change_form.html"
    publish_fieldset = (
        _("Publicatie"),
        {
            "fields": ["status", "publish_at", "created_at", "updated_at"],
            "description": _(
                "Concept: alleen in het beheer te zien (bekijk het met 'Voorbeeld bekijken'). "
                "Gepubliceerd met een datum in de toekomst: gepland, het verschijnt vanzelf op "
                "dat moment. Elke wijziging wordt bewaard onder 'Geschiedenis', waar je een "
                "eerdere versie kunt terugzetten."
            ),
        },
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "slug" and field is not None:
            field.help_text = _(
                "Het laatste deel van het webadres, vanzelf ingevuld uit de titel. Wijzig je "
                "het bij een gepubliceerd item, dan blijft het oude adres werken: bezoekers "
                "worden doorgestuurd naar het nieuwe."
            )
        return field

    def get_list_display(self, request):
        return [
            "publish_state" if name == "status" else name
            for name in super().get_list_display(request)
        ]

    def get_list_filter(self, request):
        return [
            PublishStateFilter if name == "status" else name
            for name in super().get_list_filter(request)
        ]

    @admin.display(description=_("status"), ordering="status")
    def publish_state(self, obj):
        label = obj.get_publish_state_display()
        if obj.publish_state == PublishState.SCHEDULED:
            moment = date_format(timezone.localtime(obj.publish_at), "SHORT_DATETIME_FORMAT")
            return _("%(state)s (vanaf %(moment)s)") % {"state": label, "moment": moment}
        return label

    def view_on_site(self, obj):
        # "Bekijk op de site" only for what visitors can see; a draft has "Voorbeeld bekijken".
        return obj.get_absolute_url() if obj.is_published else None

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk and not obj.is_published:
            context["preview_url"] = preview.preview_url(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

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
        """Saves item by item, so the history records who did it and the search index,
        redirects and other receivers stay in step. One revision per item: restoring an item
        restores its whole revision, which must not carry other items along."""
        count = 0
        with transaction.atomic():
            for obj in queryset.exclude(status=status):
                with self.create_revision(request):
                    reversion.set_comment(_("Status gewijzigd via een lijstactie."))
                    obj.status = status
                    obj.save()
                self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
                count += 1
        self.message_user(
            request,
            ngettext("%(count)d item bijgewerkt.", "%(count)d items bijgewerkt.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Sector)
class SectorAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    list_display = ["code", "position"]

    def has_add_permission(self, request):
        return False  # the sectors are fixed: one per SectorCode

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(HistoryAdmin):
    list_display = ["title", "kind", "type_label", "file_size", "on_site", "updated_at"]
    list_filter = ["kind", "content_type"]
    search_fields = ["title", "slug", "file"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["content_type", "file_size", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "description": _(
                    "Bezoekers kunnen een document pas downloaden als het bij een gepubliceerd "
                    "item hoort, zoals een bijeenkomst (bij “Na afloop”). Tot dan "
                    "opent alleen wie in het beheer documenten mag zien het webadres, om de "
                    "upload te controleren; een link ernaar in een tekst werkt voor bezoekers "
                    "pas na die koppeling."
                ),
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "file",
                    "content_type",
                    "file_size",
                    "created_at",
                    "updated_at",
                ],
            },
        )
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_downloadable()

    @admin.display(description=_("op de site"), boolean=True, ordering="is_downloadable")
    def on_site(self, obj):
        return obj.is_downloadable

    @admin.display(description=_("grootte"), ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size)

    @admin.display(description=_("bestandstype"))
    def type_label(self, obj):
        return obj.type_label


@admin.register(Secretariat)
class SecretariatAdmin(HistoryAdmin):
    """One row: the footer of every page, the contact page and the toegankelijkheidsverklaring
    show it (razon/secretariat.py)."""

    list_display = ["name", "email", "phone", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["name", "email"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Secretariat.objects.exists()
