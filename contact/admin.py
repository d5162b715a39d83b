from urllib.parse import quote

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from contact.models import ContactMessage, Status
from razon.admin import PlainLabelsAdmin

VISITOR_FIELDS = ["name", "email", "organization", "topic", "message", "page", "created_at"]


@admin.register(ContactMessage)
class ContactMessageAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    """The secretariat's inbox: new messages first; what the visitor wrote is read-only."""

    list_display = [
        "created_at",
        "name",
        "topic",
        "short_message",
        "status",
        "assigned_to",
        "notified",
    ]
    list_filter = ["status", "topic", "assigned_to", "created_at"]
    search_fields = ["name", "email", "organization", "message"]
    list_select_related = ["assigned_to"]
    date_hierarchy = "created_at"
    readonly_fields = [
        *VISITOR_FIELDS,
        "reply_link",
        "notified_at",
        "notify_attempts",
        "notify_error",
    ]
    fieldsets = [
        (_("Bericht van de bezoeker"), {"fields": [*VISITOR_FIELDS, "reply_link"]}),
        (_("Afhandeling"), {"fields": ["status", "assigned_to", "notes"]}),
        (
            _("Melding aan het secretariaat"),
            {"fields": ["notified_at", "notify_attempts", "notify_error"]},
        ),
    ]
    actions = ["mark_in_progress", "mark_done", "mark_spam"]
    change_list_template = "admin/contact/contactmessage/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).inbox_order()

    def has_add_permission(self, request):
        return False  # messages come from visitors only

    def changelist_view(self, request, extra_context=None):
        counts = dict(ContactMessage.objects.order_by().values_list("status").annotate(Count("pk")))
        extra_context = {
            **(extra_context or {}),
            "status_counts": [
                (label, counts.get(value, 0), value) for value, label in Status.choices
            ],
            # The retention the privacy statement states, from the same setting.
            "retention_months": settings.RAZON_CONTACT_RETENTION_MONTHS,
        }
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("bericht"))
    def short_message(self, obj):
        return obj.message[:80] + ("…" if len(obj.message) > 80 else "")

    @admin.display(description=_("gemeld"), boolean=True)
    def notified(self, obj):
        return obj.notified_at is not None

    @admin.display(description=_("beantwoorden"))
    def reply_link(self, obj):
        subject = quote(f"Re: {obj.get_topic_display() or _('je bericht')} aan RA-ZON")
        # Encoded: a stored address with ? or & stays one recipient, never adds cc or body.
        address = quote(obj.email, safe="@")
        return format_html(
            '<a href="mailto:{}?subject={}">{}</a>', address, subject, _("Beantwoord per e-mail")
        )

    def _set_status(self, request, queryset, status):
        count = queryset.update(status=status)
        self.message_user(
            request,
            ngettext("%(count)d bericht bijgewerkt.", "%(count)d berichten bijgewerkt.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Markeer als in behandeling"), permissions=["change"])
    def mark_in_progress(self, request, queryset):
        self._set_status(request, queryset, Status.IN_PROGRESS)

    @admin.action(description=_("Markeer als afgehandeld"), permissions=["change"])
    def mark_done(self, request, queryset):
        self._set_status(request, queryset, Status.DONE)

    @admin.action(description=_("Markeer als spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._set_status(request, queryset, Status.SPAM)
