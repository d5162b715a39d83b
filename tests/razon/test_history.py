"""History of content (django-reversion): who changed what and when, and restoring an
earlier version, with the admin's permissions."""

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.urls import reverse
from reversion.models import Version

from events.models import ProgrammeItem, Registration
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def organization_form(organization, **changes):
    return {
        "name": organization.name,
        "short_name": organization.short_name,
        "slug": organization.slug,
        "kind": organization.kind,
        "city": organization.city,
        "website": "",
        "description": "",
        "status": organization.status,
        "publish_at_0": "",
        "publish_at_1": "",
        **changes,
    }


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def revision_url(obj, version):
    name = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_revision"
    return reverse(name, args=[obj.pk, version.pk])


def test_an_admin_change_is_recorded_with_its_author(superuser_client, superuser):
    organization = factories.organization(name="Oude naam")
    superuser_client.post(change_url(organization), organization_form(organization, name="Nieuw"))

    version = Version.objects.get_for_object(organization).get()
    assert version.revision.user == superuser
    assert version.field_dict["name"] == "Nieuw"
    history = superuser_client.get(history_url(organization)).content.decode()
    assert "beheer" in history  # the user's name


def test_an_editor_restores_an_earlier_version(superuser_client, client):
    organization = factories.organization(name="Eerste naam")
    superuser_client.post(change_url(organization), organization_form(organization))
    superuser_client.post(
        change_url(organization), organization_form(organization, name="Tweede naam")
    )
    first = Version.objects.get_for_object(organization).last()  # latest first

    form = superuser_client.get(revision_url(organization, first))
    assert form.status_code == 200
    assert "Eerste naam" in form.content.decode()
    organization.refresh_from_db()
    assert organization.name == "Tweede naam"  # looking at a version changes nothing

    response = superuser_client.post(
        revision_url(organization, first), organization_form(organization, name="Eerste naam")
    )
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.name == "Eerste naam"
    assert Version.objects.get_for_object(organization).count() == 3


def test_restoring_an_event_brings_back_its_programme_but_keeps_registrations():
    event = factories.event(title="Eerste titel")
    ProgrammeItem.objects.create(event=event, position=1, title="Opening")
    with reversion.create_revision():
        reversion.add_to_revision(event)
        for item in event.programme_items.all():
            reversion.add_to_revision(item)
    first = Version.objects.get_for_object(event).get()

    event.title = "Tweede titel"
    event.save()
    event.programme_items.all().delete()
    ProgrammeItem.objects.create(event=event, position=1, title="Iets anders")
    factories.registration(event)

    first.revision.revert(delete=True)

    event.refresh_from_db()
    assert event.title == "Eerste titel"
    assert list(event.programme_items.values_list("title", flat=True)) == ["Opening"]
    assert Registration.objects.filter(event=event).count() == 1


def test_the_publish_action_is_recorded_with_its_author(superuser_client, superuser):
    drafts = [factories.event(status=PublishStatus.DRAFT) for _ in range(3)]
    response = superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "make_published", "_selected_action": [e.pk for e in drafts]},
    )
    assert response.status_code == 302
    revisions = set()
    for event in drafts:
        event.refresh_from_db()
        assert event.status == PublishStatus.PUBLISHED
        version = Version.objects.get_for_object(event).get()
        assert version.revision.user == superuser
        # Restoring one item restores its revision: it must not carry the others along.
        assert version.revision.version_set.count() == 1
        revisions.add(version.revision_id)
    assert len(revisions) == 3


def test_the_publish_action_keeps_the_search_index_in_step(superuser_client):
    from razon.models import SearchEntry

    event = factories.event(status=PublishStatus.DRAFT, title="Zoekbare bijeenkomst")
    superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "make_published", "_selected_action": [event.pk]},
    )
    assert SearchEntry.objects.published().filter(title="Zoekbare bijeenkomst").exists()


def test_a_viewer_sees_the_history_but_cannot_restore(client, staff_without_permissions):
    organization = factories.organization(name="Eerste naam")
    with reversion.create_revision():
        organization.save()
    version = Version.objects.get_for_object(organization).get()
    organization.name = "Tweede naam"
    organization.save()
    staff = staff_without_permissions
    client.force_login(staff)

    assert client.get(history_url(organization)).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="view_organization"))
    assert client.get(history_url(organization)).status_code == 200
    response = client.post(
        revision_url(organization, version), organization_form(organization, name="Eerste naam")
    )
    assert response.status_code == 403
    organization.refresh_from_db()
    assert organization.name == "Tweede naam"


def test_a_version_of_another_model_cannot_be_restored_through_this_admin(superuser_client):
    organization = factories.organization(name="Organisatie")
    event = factories.event(title="Bijeenkomst")
    with reversion.create_revision():
        organization.save()
    version = Version.objects.get_for_object(organization).get()
    url = reverse("admin:events_event_revision", args=[event.pk, version.pk])
    if str(event.pk) != version.object_id:
        url = reverse("admin:events_event_revision", args=[version.object_id, version.pk])
    assert superuser_client.get(url).status_code == 404


def test_the_demo_loads_without_revisions(demo):
    assert not Version.objects.exists()


def test_every_content_admin_keeps_history():
    from django.apps import apps
    from django.contrib import admin
    from reversion.admin import VersionAdmin

    from alliances.models import Person
    from razon.models import Document, Publishable

    registered = [model for model in apps.get_models() if admin.site.is_registered(model)]
    for model in registered:
        if issubclass(model, Publishable) or model in {Document, Person}:
            assert isinstance(admin.site.get_model_admin(model), VersionAdmin), model
            assert reversion.is_registered(model), model
    assert not reversion.is_registered(Registration)
