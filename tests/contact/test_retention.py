import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from contact.models import ContactMessage

pytestmark = pytest.mark.django_db


def make_message(days_old):
    message = ContactMessage.objects.create(name="X", email="x@example.org", message="Hoi")
    ContactMessage.objects.filter(pk=message.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    return message


def test_messages_older_than_the_retention_period_are_deleted_and_counted():
    old = make_message(days_old=400)
    recent = make_message(days_old=300)
    out = io.StringIO()

    call_command("purge_contact_messages", stdout=out)

    assert list(ContactMessage.objects.all()) == [recent]
    assert not ContactMessage.objects.filter(pk=old.pk).exists()
    assert "Deleted 1 contact message(s)" in out.getvalue()


def test_the_retention_period_can_be_shortened(settings):
    make_message(days_old=40)
    call_command("purge_contact_messages", "--months", "1", stdout=io.StringIO())

    assert ContactMessage.objects.count() == 0


def test_the_purge_blanks_the_deleted_messages_names_in_the_admin_log(django_user_model):
    from django.contrib.admin.models import CHANGE, LogEntry

    user = django_user_model.objects.create_superuser("beheer", "beheer@example.org", "x")
    old = make_message(days_old=400)
    LogEntry.objects.log_actions(user.pk, [old], CHANGE, change_message="", single_object=True)

    call_command("purge_contact_messages", stdout=io.StringIO())

    assert LogEntry.objects.get().object_repr == "(gegevens verwijderd)"
