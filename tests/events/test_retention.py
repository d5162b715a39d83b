"""Registrations' personal data is erased a set time after the event (AVG); the counts stay."""

import io
import re
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, PendingMail, Registration, RegistrationStatus
from tests import factories

pytestmark = pytest.mark.django_db


def ended(days_ago, **fields):
    end = timezone.now() - timedelta(days=days_ago)
    return factories.event(
        starts_at=end - timedelta(hours=2),
        ends_at=end,
        registration_enabled=True,
        capacity=2,
        **fields,
    )


def fill(event):
    """Two confirmed (a full event), one on the waiting list, one cancelled."""
    return [
        factories.registration(event, question="Mijn vraag", organization="School"),
        factories.registration(event, role="Leraar"),
        factories.registration(event, status=RegistrationStatus.WAITING),
        factories.registration(
            event, status=RegistrationStatus.CANCELLED, mail_error="550 <x@school.example>"
        ),
    ]


def counts(event):
    event = Event.objects.with_registration_counts().get(pk=event.pk)
    return event.confirmed_count, event.waiting_count, event.registrations.count()


def purge(*args):
    out = io.StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


def test_registrations_of_events_past_the_retention_are_erased_and_the_counts_stay(settings):
    assert settings.RAZON_REGISTRATION_RETENTION_DAYS == 56
    old, recent, upcoming = ended(days_ago=57), ended(days_ago=55), factories.event()
    for event in (old, recent, upcoming):
        fill(event)
    before = {event.pk: counts(event) for event in (old, recent, upcoming)}

    output = purge()

    assert "Erased the personal data of 4 registration(s)" in output
    assert {event.pk: counts(event) for event in (old, recent, upcoming)} == before
    assert counts(old) == (2, 1, 4)
    for registration in old.registrations.all():
        assert registration.erased_at is not None
        assert (registration.name, registration.email, registration.organization) == ("", "", "")
        assert (registration.role, registration.question, registration.mail_error) == ("", "", "")
        assert registration.token is None
        assert str(registration).startswith("(gegevens verwijderd)")
    assert [r.status for r in old.registrations.order_by("pk")] == [
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
        RegistrationStatus.CANCELLED,
    ]
    for event in (recent, upcoming):
        assert not event.registrations.filter(erased_at__isnull=False).exists()
        assert all(r.email for r in event.registrations.all())

    assert "Erased the personal data of 0 registration(s)" in purge()  # nothing twice


def test_the_setting_and_the_option_set_the_retention(settings):
    event = ended(days_ago=10)
    fill(event)
    assert "of 0 registration(s)" in purge()
    settings.RAZON_REGISTRATION_RETENTION_DAYS = 7
    assert "of 4 registration(s)" in purge()

    other = ended(days_ago=3)
    fill(other)
    assert "of 4 registration(s)" in purge("--days", "2")


def test_a_negative_retention_is_refused_so_coming_events_are_never_erased():
    fill(factories.event())
    with pytest.raises(CommandError):
        purge("--days", "-30")
    assert not Registration.objects.filter(erased_at__isnull=False).exists()


def test_the_admin_shows_the_same_counts_and_the_retention_after_the_purge(superuser_client):
    event = ended(days_ago=100, title="Oude werksessie")
    fill(event)
    purge()

    page = superuser_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "2 / 2" in page
    registrations = superuser_client.get(reverse("admin:events_registration_changelist"))
    assert "56 dagen na afloop van de bijeenkomst gewist" in registrations.content.decode()
    names = re.findall(r'field-display_name"><a [^>]*>([^<]*)<', registrations.content.decode())
    assert names == ["(gegevens verwijderd)"] * 4


def test_an_erased_registration_gets_no_mail_and_its_old_cancel_link_finds_nothing(
    client, mail_worker_pass
):
    event = ended(days_ago=100)
    registration = factories.registration(event, pending_mail=PendingMail.CONFIRMATION)
    link = reverse("events:cancel", args=[services.cancel_token(registration)])
    purge()

    registration.refresh_from_db()
    assert registration.pending_mail == PendingMail.NONE
    assert "0 sent" in mail_worker_pass()
    assert mail.outbox == []

    assert client.get(link).status_code == 400
    response = client.post(link)
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED  # still counted
    assert counts(event)[0] == 1

    # Cancelled in the admin after all (a correction): still no mail, nobody promoted.
    factories.registration(event, status=RegistrationStatus.WAITING)
    purge()
    services.cancel(registration.pk)
    assert not Registration.objects.awaiting_mail().exists()


def test_two_erased_registrations_of_one_event_do_not_count_as_the_same_address():
    """The one-active-registration-per-address constraint leaves erased rows alone."""
    event = ended(days_ago=100)
    fill(event)
    purge()
    factories.registration(event)  # a fresh row beside the emptied ones
    assert event.registrations.filter(email="").count() == 4


def test_the_purge_blanks_the_names_in_the_admin_log(superuser):
    event = ended(days_ago=100)
    registration = factories.registration(event, name="Bram Jansen")
    LogEntry.objects.log_actions(
        superuser.pk, [registration], CHANGE, change_message="", single_object=True
    )
    purge()
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Registration), object_id=registration.pk
    )
    assert "Bram" not in entry.object_repr
