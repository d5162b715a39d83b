import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from contact.models import ContactMessage, Status

pytestmark = pytest.mark.django_db

INBOX = reverse("admin:contact_contactmessage_changelist")


@pytest.fixture
def messages_in_inbox():
    done = ContactMessage.objects.create(
        name="Oud", email="o@example.org", message="a", status=Status.DONE
    )
    new = ContactMessage.objects.create(name="Nieuw", email="n@example.org", message="b")
    return new, done


@pytest.fixture
def secretariat(django_user_model):
    user = django_user_model.objects.create_user("secretariaat", password="x", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="view_contactmessage"),
        Permission.objects.get(codename="change_contactmessage"),
    )
    return user


def test_staff_without_the_permission_cannot_read_messages(client, staff_without_permissions):
    client.force_login(staff_without_permissions)

    assert client.get(INBOX).status_code == 403


def test_the_secretariat_sees_new_messages_first_with_counts(
    client, secretariat, messages_in_inbox
):
    client.force_login(secretariat)
    response = client.get(INBOX)

    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert [m.name for m in listed] == ["Nieuw", "Oud"]
    page = response.content.decode()
    assert "Nieuw: <strong>1</strong>" in page and "Afgehandeld: <strong>1</strong>" in page


def test_nobody_adds_messages_in_the_admin(superuser_client):
    assert superuser_client.get(reverse("admin:contact_contactmessage_add")).status_code == 403


def test_what_the_visitor_wrote_cannot_be_changed_but_status_and_notes_can(
    client, secretariat, messages_in_inbox
):
    new, _ = messages_in_inbox
    client.force_login(secretariat)
    url = reverse("admin:contact_contactmessage_change", args=[new.pk])

    page = client.get(url).content.decode()
    client.post(url, {"status": "in_progress", "notes": "Bellen", "message": "vervalst"})

    new.refresh_from_db()
    assert (new.status, new.notes, new.message) == ("in_progress", "Bellen", "b")
    assert 'href="mailto:n@example.org?subject=Re%3A' in page


def test_bulk_action_marks_messages_done(client, secretariat, messages_in_inbox):
    new, _ = messages_in_inbox
    client.force_login(secretariat)

    client.post(INBOX, {"action": "mark_done", "_selected_action": [new.pk]})

    new.refresh_from_db()
    assert new.status == Status.DONE
