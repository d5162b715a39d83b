from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from conversations.models import Board, BoardLevel, Card, Comment, ScaleLevel
from razon.admin import PlainLabelsAdmin


@admin.register(ScaleLevel)
class ScaleLevelAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    list_display = ["name", "position", "description"]
    list_editable = ["position"]
    search_fields = ["name", "description"]


class BoardLevelInline(PlainLabelsAdmin, admin.TabularInline):
    model = BoardLevel
    extra = 0
    fields = ["name", "position"]


class CommentInline(PlainLabelsAdmin, admin.TabularInline):
    model = Comment
    extra = 0
    fields = ["text", "author_name", "hidden", "created_at"]
    readonly_fields = ["text", "author_name", "created_at"]


@admin.action(description=_("Verberg de gekozen kaartjes"))
def hide_cards(modeladmin, request, queryset):
    _set_hidden(queryset, hidden=True)


@admin.action(description=_("Zet de gekozen kaartjes terug op het bord"))
def show_cards(modeladmin, request, queryset):
    _set_hidden(queryset, hidden=False)


def _set_hidden(queryset, *, hidden):
    boards = list(Board.objects.filter(cards__in=queryset).distinct())
    queryset.update(hidden=hidden)
    _touch(boards)


def _touch(boards):
    """Open pages of the boards pick the change up, cached pages of published and example
    ones too (Board.touch)."""
    for board in boards:
        board.touch()


class TouchesBoard:
    """An editor's change or deletion of a card or comment shows on its board at once."""

    board_lookup = ""  # from Board to this admin's model

    def _boards(self, objects):
        return list(Board.objects.filter(**{f"{self.board_lookup}__in": objects}).distinct())

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # after the inline comments
        _touch(self._boards([form.instance]))

    def delete_model(self, request, obj):
        boards = self._boards([obj])
        super().delete_model(request, obj)
        _touch(boards)

    def delete_queryset(self, request, queryset):
        boards = self._boards(queryset)
        super().delete_queryset(request, queryset)
        _touch(boards)


@admin.register(Board)
class BoardAdmin(PlainLabelsAdmin, admin.ModelAdmin):
    """Boards are started on the site (/schaalniveau/), not here: editors look after them,
    hide what does not belong and delete boards."""

    list_display = [
        "name",
        "code",
        "state",
        "card_count",
        "is_published",
        "region",
        "is_example",
        "is_demo",
        "last_activity_at",
        "created_at",
    ]
    list_filter = ["state", "is_published", "is_example", "is_demo", "region", "created_at"]
    list_select_related = ["region"]
    search_fields = ["name", "code", "slug", "facilitator_email"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["region", "event"]
    inlines = [BoardLevelInline]
    readonly_fields = ["code", "created_at", "last_activity_at", "closed_at", "mail_error"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "code", "facilitator_email", "state", "is_demo"]}),
        (
            _("Publiceren en voorbeeld"),
            {"fields": ["is_published", "region", "published_at", "is_example", "event"]},
        ),
        (
            _("Activiteit"),
            {"fields": ["created_at", "last_activity_at", "closed_at", "mail_error"]},
        ),
    ]

    def has_add_permission(self, request):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                visible_cards=Count(
                    "cards", filter=Q(cards__hidden=False, cards__merged_into__isnull=True)
                )
            )
        )

    @admin.display(description=_("kaartjes"), ordering="visible_cards")
    def card_count(self, board):
        return board.visible_cards

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.touch()


@admin.register(Card)
class CardAdmin(TouchesBoard, PlainLabelsAdmin, admin.ModelAdmin):
    board_lookup = "cards"
    list_display = ["text", "board", "function", "level", "author_name", "hidden", "created_at"]
    list_filter = ["hidden", "function", "board__state", "created_at"]
    list_select_related = ["board", "level"]
    search_fields = ["text", "author_name", "board__name", "board__code"]
    actions = [hide_cards, show_cards]
    fields = ["board", "function", "level", "text", "author_name", "hidden", "merged_into"]
    readonly_fields = ["board", "function", "level", "merged_into"]
    inlines = [CommentInline]

    def has_add_permission(self, request):
        return False


@admin.register(Comment)
class CommentAdmin(TouchesBoard, PlainLabelsAdmin, admin.ModelAdmin):
    board_lookup = "cards__comments"
    list_display = ["text", "card", "author_name", "hidden", "created_at"]
    list_filter = ["hidden", "created_at"]
    list_select_related = ["card"]
    search_fields = ["text", "author_name", "card__text", "card__board__name"]
    fields = ["card", "text", "author_name", "hidden"]
    readonly_fields = ["card"]

    def has_add_permission(self, request):
        return False
