"""The four roles of the back-office, declared in one place and kept in step as Django groups.

A role is a group whose permissions are derived from the rules below, so a content model that
arrives later (a new app or model in this project) is covered without touching this file:
"content" is every model of the project's own apps except the inbox (what visitors write), the
record of AVG requests and internal tables. `sync_roles()` runs after every `migrate`
(post_migrate, once the last app's permissions exist) and from `manage.py setup_roles`; it is
idempotent and also takes away permissions a role no longer has.

Object-level limits (a Partnerschapsredacteur only edits the partnerships assigned to them, and
their events and posts) are enforced by `razon.admin.AssignedObjectsAdmin` in the admins'
querysets and forms; `assigned_only()` tells it whom to limit.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

PROJECT_LEADER = "Projectleider"
EDITOR = "Redacteur"
PARTNERSHIP_EDITOR = "Partnerschapsredacteur"
SECRETARIAT = "Secretariaat"

ALL_ACTIONS = ("view", "add", "change", "delete")
VIEW = ("view",)

# What visitors write: the secretariat's work, not content.
INBOX = {"contact.contactmessage", "events.registration"}
# Tables the code keeps up to date; nobody edits them by hand.
INTERNAL = {
    "razon.searchentry",
    "razon.slugredirect",
    "razon.pagecachegeneration",
    "accounts.staffprofile",
    "accounts.passwordresetmail",
    # A participant's +1 on a board's card: counted, never edited.
    "conversations.agreement",
}
# The record of requests for a person's data (AVG); "handle" is the right to look up, export
# and erase that data (privacy/views.py): the secretariat's, besides superusers.
DATA_REQUESTS = {"privacy.datarequestlog"}
# Marker for "every content model" in the rules below.
CONTENT = "content"

# role -> [(models, actions)]; models is CONTENT or a set of "app_label.model_name".
ROLES = {
    PROJECT_LEADER: [
        (CONTENT, ALL_ACTIONS),
        (INBOX, ("view", "change", "delete")),
        # Users of their own organisation only: see accounts/admin.py.
        ({"auth.user"}, ("view", "add", "change")),
    ],
    EDITOR: [
        (CONTENT, ALL_ACTIONS),
    ],
    PARTNERSHIP_EDITOR: [
        # Read the rest (the choices in their forms come from it), edit only what is theirs.
        (CONTENT, VIEW),
        ({"partnerships.partnership"}, ("view", "change")),
        ({"partnerships.membership", "partnerships.partnershipcontact"}, ALL_ACTIONS),
        ({"events.event", "events.programmeitem"}, ALL_ACTIONS),
        ({"news.post", "news.postlink"}, ALL_ACTIONS),
        # They may upload a document for their event; changing or deleting one that others
        # may use is for editors.
        ({"razon.document"}, ("view", "add")),
    ],
    SECRETARIAT: [
        (INBOX, ("view", "change", "delete")),
        (DATA_REQUESTS, ("view", "handle")),
        (CONTENT, VIEW),
    ],
}

# Roles whose content rights are limited to what the user is assigned to, unless another of
# their roles gives them all content.
ASSIGNED_ONLY_ROLES = {PARTNERSHIP_EDITOR}
ALL_CONTENT_ROLES = {PROJECT_LEADER, EDITOR}


def project_app_configs():
    """The project's own apps: the folders beside manage.py (not Django's or a package's)."""
    base = Path(settings.BASE_DIR).resolve()
    return [c for c in apps.get_app_configs() if Path(c.path).resolve().parent == base]


def content_models():
    """Every model of the project's apps except the inbox and internal tables."""
    return [
        model
        for config in project_app_configs()
        for model in config.get_models()
        if model._meta.label_lower not in INBOX | INTERNAL | DATA_REQUESTS
    ]


def _labels(models):
    if models == CONTENT:
        return {model._meta.label_lower for model in content_models()}
    return set(models)


def role_permissions():
    """{role: {(app_label, codename)}} as the rules above say."""
    result = {}
    for role, rules in ROLES.items():
        wanted = set()
        for models, actions in rules:
            for label in _labels(models):
                app_label, model_name = label.split(".")
                wanted.update((app_label, f"{action}_{model_name}") for action in actions)
        result[role] = wanted
    return result


def sync_roles(using=DEFAULT_DB_ALIAS):
    """Creates the role groups and gives each exactly its permissions. Idempotent."""
    from django.contrib.auth.models import Group, Permission

    by_key = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    for role, wanted in role_permissions().items():
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([by_key[key] for key in sorted(wanted) if key in by_key])
    return list(ROLES)


def sync_roles_after_migrate(sender, app_config=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """post_migrate runs once per app; act on the last one, when every permission exists."""
    last = [c for c in apps.get_app_configs() if c.models_module is not None][-1]
    if app_config is not None and app_config.label == last.label:
        sync_roles(using=using)


def role_names(user):
    """The names of the user's roles, cached on the user object for the request."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_razon_roles"):
        user._razon_roles = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    return user._razon_roles


def assigned_only(user):
    """True when the user may edit content only where they are assigned (a
    Partnerschapsredacteur without a role that gives all content)."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = role_names(user)
    return bool(names & ASSIGNED_ONLY_ROLES) and not names & ALL_CONTENT_ROLES
