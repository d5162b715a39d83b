from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from privacy.models import DataRequestLog
from razon import personal_data
from razon.admin import PlainLabelsAdmin


@admin.register(DataRequestLog)
class DataRequestLogAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    """The record of every lookup, export and erasure of a person's data: read-only, for who
    handles such requests. Search with the person's e-mail address: it is matched by its
    keyed hash, since the log keeps no address."""

    list_display = ["created_at", "action", "username", "counts_text"]
    list_filter = ["action", "created_at", "username"]
    search_fields = ["username"]
    search_help_text = _("Zoek op e-mailadres (het hele adres) of gebruikersnaam.")
    date_hierarchy = "created_at"
    fields = ["created_at", "action", "username", "counts_text", "address_digest"]
    readonly_fields = fields
    change_list_template = "admin/privacy/datarequestlog/change_list.html"

    @admin.display(description=_("aantallen"))
    def counts_text(self, obj):
        return obj.counts_text()

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if "@" in search_term:
            digest = personal_data.address_digest(search_term)
            found |= queryset.filter(address_digest=digest)
        return found, may_have_duplicates

    # A record: nobody adds, changes or deletes one by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
