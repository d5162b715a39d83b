"""Admin building blocks every content admin uses."""

from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from razon import pagecache
from razon.models import Document, PublishStatus, Sector


class PublishableAdmin(admin.ModelAdmin):
    """Publish state in the list, a filter on it, and bulk publish / back-to-draft actions."""

    actions = ["make_published", "make_draft"]
    readonly_fields = ["created_at", "updated_at"]
    publish_fieldset = (
        _("Publicatie"),
        {"fields": ["status", "publish_at", "created_at", "updated_at"]},
    )

    @admin.action(description=_("Publiceer de geselecteerde items"))
    def make_published(self, request, queryset):
        self._set_status(request, queryset, PublishStatus.PUBLISHED)

    @admin.action(description=_("Zet de geselecteerde items terug naar concept"))
    def make_draft(self, request, queryset):
        self._set_status(request, queryset, PublishStatus.DRAFT)

    def _set_status(self, request, queryset, status):
        count = queryset.update(status=status)
        pagecache.new_generation()  # update() sends no signals
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
