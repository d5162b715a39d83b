"""The admin's start page: upcoming events with registrations, new contact messages, drafts
and scheduled items, recent changes; only what the user may see; fixed queries."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from contact.models import ContactMessage, Status
from events.models import RegistrationStatus
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

INDEX = "/admin/"


def message(**fields):
    fields.setdefault("name", "Bezoeker")
    fields.setdefault("email", "bezoeker@example.org")
    fields.setdefault("message", "Een vraag.")
    return ContactMessage.objects.create(**fields)


def make_content(n):
    for i in range(n):
        event = factories.event(title=f"Bijeenkomst {i}", capacity=40)
        for _ in range(2):
            factories.registration(event)
        factories.registration(event, status=RegistrationStatus.WAITING)
        factories.post(status=PublishStatus.DRAFT)
        factories.organization(publish_at=timezone.now() + timedelta(days=1))
        factories.partnership(status=PublishStatus.DRAFT)
        message()


def test_the_dashboard_shows_what_needs_attention(superuser_client):
    event = factories.event(title="Strategiesessie", capacity=30)
    factories.registration(event)
    factories.registration(event, status=RegistrationStatus.WAITING)
    factories.event(title="Voorbij", starts_at=timezone.now() - timedelta(days=3))
    factories.post(title="Bericht in concept", status=PublishStatus.DRAFT)
    factories.organization(name="Gepland lid", publish_at=timezone.now() + timedelta(days=2))
    message(name="Anna de Vries")
    message(name="Afgehandeld", status=Status.DONE)

    response = superuser_client.get(INDEX)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Komende bijeenkomsten" in page
    events = response.context["upcoming_events"]
    assert [e.title for e in events] == ["Strategiesessie"]
    assert (events[0].confirmed_count, events[0].waiting_count) == (1, 1)
    assert "1 / 30" in page
    assert "1 nieuw contactbericht" in page
    assert "Anna de Vries" in page
    assert "Afgehandeld" not in page
    titles = [str(item.obj) for item in response.context["unpublished_items"]]
    assert set(titles) == {"Bericht in concept", "Gepland lid"}
    assert "?voorbeeld=" in page
    assert 'id="nav-sidebar"' in page or "app-list" in page  # the model list stays


def test_recent_changes_list_edits_in_the_admin(superuser_client):
    organization = factories.organization(name="Stichting Leren")
    superuser_client.post(
        reverse("admin:alliances_organization_changelist"),
        {"action": "make_draft", "_selected_action": [organization.pk]},
    )
    response = superuser_client.get(INDEX)
    entries = response.context["recent_changes"]
    assert [e.object_repr for e in entries] == ["Stichting Leren"]
    assert "gewijzigd" in response.content.decode()


def test_a_user_sees_only_the_sections_they_may_see(client, staff_without_permissions):
    factories.event(title="Strategiesessie")
    factories.post(title="Bericht in concept", status=PublishStatus.DRAFT)
    message(name="Anna de Vries")
    staff = staff_without_permissions
    staff.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(staff)

    response = client.get(INDEX)
    page = response.content.decode()

    assert response.status_code == 200
    assert "Strategiesessie" in page
    assert "Anna de Vries" not in page
    assert response.context["new_messages"] is None
    assert "Bericht in concept" not in page


def test_anonymous_visitors_go_to_the_login(client):
    assert client.get(INDEX).status_code == 302


def _count_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX).status_code == 200
    return len(queries)


def test_the_dashboard_runs_a_fixed_number_of_queries(superuser_client):
    make_content(6)
    superuser_client.get(INDEX)  # content types are cached after the first page
    few = _count_queries(superuser_client)
    make_content(40)
    many = _count_queries(superuser_client)
    # session, user, upcoming events, new messages (latest 5 + count), one per kind of
    # public content (10, with routes) for drafts and scheduled items, recent changes, the
    # admin's own "my actions" sidebar, and the session's refreshed idle expiry (savepoint, update,
    # release: RAZON_SESSION_IDLE_MINUTES saves the session on every request).
    assert few == many
    assert many <= 21
