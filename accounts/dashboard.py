"""The admin's start page for editors: what needs attention and what changed (shown above
the app list by `{% admin_dashboard %}`, accounts/templatetags/dashboard.py).

Every section asks the model's admin (permissions, and any per-object limits of its
get_queryset), so a user sees only what they may see. The number of queries is fixed: one
per section and one per kind of content, however much content there is."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from contact.models import ContactMessage, Status
from events.models import Event
from razon import preview
from razon.admin import HistoryAdmin
from razon.models import Publishable

UPCOMING_EVENTS = 6
NEW_MESSAGES = 5
UNPUBLISHED_ITEMS = 10
RECENT_CHANGES = 10


@dataclass
class Item:
    """A draft or scheduled item with the links the dashboard shows."""

    obj: object
    kind: str
    change_url: str
    preview_url: str


def _admin_url(obj, action="change"):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[obj.pk])


def _visible_admins(request):
    """(model, model admin) for every admin this user may view, in the apps' order."""
    registered = (
        (model, admin.site.get_model_admin(model))
        for model in apps.get_models()
        if admin.site.is_registered(model)
    )
    return [
        (model, model_admin)
        for model, model_admin in registered
        if model_admin.has_view_permission(request)
    ]


def upcoming_events(request, admins):
    """The next events (any state), with their registration counts."""
    model_admin = admins.get(Event)
    if model_admin is None:
        return None
    queryset = model_admin.get_queryset(request).upcoming()  # the admin adds the counts
    return list(queryset[:UPCOMING_EVENTS])


def new_messages(request, admins):
    """The number of new contact messages and the latest few."""
    model_admin = admins.get(ContactMessage)
    if model_admin is None:
        return None
    queryset = model_admin.get_queryset(request).filter(status=Status.NEW)
    latest = list(queryset.order_by("-created_at")[:NEW_MESSAGES])
    count = len(latest) if len(latest) < NEW_MESSAGES else queryset.count()
    return {"count": count, "latest": latest}


def unpublished_items(request, admins):
    """Drafts and scheduled items of every kind of public content, last changed first."""
    items = []
    for model, model_admin in admins.items():
        if not issubclass(model, Publishable):
            continue
        queryset = model_admin.get_queryset(request).not_published().order_by("-updated_at")
        items += queryset[:UNPUBLISHED_ITEMS]
    items.sort(key=lambda obj: obj.updated_at, reverse=True)
    return [
        Item(
            obj=obj,
            kind=obj._meta.verbose_name,
            change_url=_admin_url(obj),
            preview_url=preview.preview_url(obj) if hasattr(obj, "get_absolute_url") else "",
        )
        for obj in items[:UNPUBLISHED_ITEMS]
    ]


def recent_changes(request, admins):
    """The latest changes by anyone to content (models whose admin keeps history)."""
    content_models = [m for m, a in admins.items() if isinstance(a, HistoryAdmin)]
    if not content_models:
        return []
    types = ContentType.objects.get_for_models(*content_models).values()
    return list(
        LogEntry.objects.filter(content_type__in=[t.pk for t in types])
        .select_related("user", "content_type")
        .order_by("-action_time")[:RECENT_CHANGES]
    )


def dashboard(request):
    admins = dict(_visible_admins(request))
    return {
        "upcoming_events": upcoming_events(request, admins),
        "new_messages": new_messages(request, admins),
        "unpublished_items": unpublished_items(request, admins),
        "recent_changes": recent_changes(request, admins),
        "events_url": reverse("admin:events_event_changelist") if Event in admins else "",
        "messages_url": (
            reverse("admin:contact_contactmessage_changelist") + f"?status__exact={Status.NEW}"
            if ContactMessage in admins
            else ""
        ),
    }
