from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from news.models import Post, PostLink
from razon.admin import AssignedObjectsAdmin, PublishableAdmin


class PostLinkInline(admin.TabularInline):
    model = PostLink
    extra = 0
    fields = ["position", "title", "url"]


@admin.register(Post)
class PostAdmin(AssignedObjectsAdmin, PublishableAdmin):
    assigned_users_lookup = "partnerships__editors"
    assignment_field = "partnerships"
    list_display = ["title", "kind", "date", "byline", "is_demo", "status", "publish_at", "on_site"]
    list_display_links = ["title"]
    list_filter = ["kind", "status", "sectors", "date", "is_demo"]
    search_fields = ["title", "intro", "body", "author_name", "author__name"]
    list_select_related = ["author"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "author",
        "events",
        "partnerships",
        "regions",
        "rap_projects",
        "organizations",
        "related_posts",
    ]
    filter_horizontal = ["sectors"]
    inlines = [PostLinkInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "date", "intro", "body"]}),
        (
            _("Auteur"),
            {
                "fields": ["author", "author_name", "author_role"],
                "description": _(
                    "Voor een blog: wie schrijft er? Nieuws en verslagen mogen zonder auteur."
                ),
            },
        ),
        (_("Afbeelding"), {"fields": ["cover", "cover_alt"]}),
        (
            _("Waar gaat het over?"),
            {
                "fields": [
                    *("sectors", "events", "partnerships", "regions", "rap_projects"),
                    "organizations",
                ],
                "description": _(
                    "Het bericht verschijnt ook op de pagina's van wat je hier kiest, en helpt "
                    "de site om gerelateerde berichten te vinden."
                ),
            },
        ),
        (_("Gerelateerde berichten"), {"fields": ["related_posts"]}),
        (None, {"fields": ["is_demo"]}),
        PublishableAdmin.publish_fieldset,
    ]

    @admin.display(description=_("auteur"))
    def byline(self, obj):
        # The author as chosen, public or not: the admin is where non-public people show.
        return obj.author or obj.author_name or "–"

    @admin.display(description=_("op de site"))
    def on_site(self, obj):
        if not obj.is_published:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("bekijk"))
