from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from razon.admin import PublishableAdmin
from routes.finder import Level
from routes.models import Route


class LevelFilter(admin.SimpleListFilter):
    """Routes by where they let you teach (a value in the JSON list)."""

    title = _("lesgeven op")
    parameter_name = "lesgeven_op"

    def lookups(self, request, model_admin):
        return Level.CHOICES

    def queryset(self, request, queryset):
        if self.value() in dict(Level.CHOICES):
            return queryset.filter(levels__icontains=f'"{self.value()}"')
        return queryset


@admin.register(Route)
class RouteAdmin(PublishableAdmin):
    list_display = [
        *("name", "kind", "qualification", "institute_list", "requires_school_job"),
        *("has_source", "is_demo", "status", "on_site"),
    ]
    list_display_links = ["name"]
    list_filter = [
        *("kind", "qualification", LevelFilter, "requires_school_job", "language"),
        *("institutes", "is_demo", "status"),
    ]
    search_fields = ["name", "summary", "entry_requirements", "source", "institutes__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["institutes", "partnerships", "events", "posts"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "institutes", "kind", "qualification", "summary"]}),
        (
            _("Voor wie en waarvoor"),
            {
                "fields": ["levels", "subjects", "admits", "requires_school_job"],
                "description": _(
                    "De vinder vergelijkt de antwoorden van bezoekers met deze velden en noemt "
                    "ze als reden waarom een route past. Vul alleen in wat de bron zegt."
                ),
            },
        ),
        (
            _("Praktisch"),
            {
                "fields": [
                    *("forms", "duration", "study_load", "start_moments", "places"),
                    *("language", "entry_requirements", "institute_url", "body"),
                ]
            },
        ),
        (
            _("Verbonden met"),
            {
                "fields": ["partnerships", "events", "posts"],
                "description": _(
                    "De komende bijeenkomsten en de berichten staan op de pagina van de route; "
                    "de route staat dan ook op de pagina van de bijeenkomst."
                ),
            },
        ),
        (
            _("Bron"),
            {
                "fields": ["source", "is_demo"],
                "description": _(
                    "Zeg waar elk gegeven vandaan komt. Wat geen bron heeft is demo-inhoud: de "
                    "pagina zegt dat er dan bij."
                ),
            },
        ),
        PublishableAdmin.publish_fieldset,
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("institutes")

    @admin.display(description=_("instituten"))
    def institute_list(self, obj):
        return ", ".join(i.short_name or i.name for i in obj.institutes.all()) or "–"

    @admin.display(description=_("bron"), boolean=True)
    def has_source(self, obj):
        return bool(obj.source.strip())

    @admin.display(description=_("op de site"))
    def on_site(self, obj):
        if not obj.is_published:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("bekijk"))
