"""The events admin: counts per event, CSV of registrations, duplicating, cancelling."""

import pytest
from django.urls import reverse

from events.models import Event, ProgrammeItem, Registration, RegistrationStatus
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_list_shows_registration_counts(superuser_client):
    event = factories.event(title="Vol", capacity=3)
    factories.registration(event)
    factories.registration(event, status=RegistrationStatus.WAITING)
    html = superuser_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "1 / 3" in html


def test_csv_export_of_registrations(superuser_client):
    event = factories.event(title="Sessie")
    factories.registration(event, name="Anna", organization="=HYPERLINK()")
    response = superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_registrations", "_selected_action": [event.pk]},
    )
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0].startswith("Bijeenkomst;Datum;Naam")
    assert "Sessie" in text and "Anna" in text
    assert "'=HYPERLINK()" in text  # no formula runs in Excel


def test_duplicating_makes_a_draft_copy_with_the_programme_and_without_registrations(
    superuser_client,
):
    event = factories.event(title="Origineel", report="Verslag")
    ProgrammeItem.objects.create(event=event, title="Welkom")
    factories.registration(event)
    superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "duplicate", "_selected_action": [event.pk]},
    )
    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.status == PublishStatus.DRAFT
    assert copy.title == "Origineel (kopie)" and copy.slug != event.slug
    assert list(copy.programme_items.values_list("title", flat=True)) == ["Welkom"]
    assert not copy.registrations.exists() and copy.report == ""


def test_cancelling_in_the_admin_moves_the_waiting_list_up(superuser_client):
    event = factories.event(capacity=1)
    confirmed = factories.registration(event)
    waiting = factories.registration(event, status=RegistrationStatus.WAITING)
    superuser_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "cancel_registrations", "_selected_action": [confirmed.pk]},
    )
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED


def test_registrations_cannot_be_added_in_the_admin(superuser_client):
    response = superuser_client.get(reverse("admin:events_registration_add"))
    assert response.status_code == 403


def test_staff_without_permissions_cannot_see_registrations(client, staff_without_permissions):
    client.force_login(staff_without_permissions)
    response = client.get(reverse("admin:events_registration_changelist"))
    assert response.status_code == 403


def test_the_secretariat_sees_who_has_yet_to_confirm(superuser_client):
    event = factories.event(title="Werksessie", capacity=3)
    factories.registration(event, name="Anna")
    factories.registration(event, name="Bram", status=RegistrationStatus.PENDING)

    changelist = reverse("admin:events_registration_changelist")
    html = superuser_client.get(changelist, {"status__exact": "pending"}).content.decode()
    assert "Bram" in html and "Anna" not in html
    assert "Wacht op bevestiging" in html  # the state, and the filter offers it
    events = superuser_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "1 / 3" in events and "Nog niet bevestigd" in events

    pending = Registration.objects.get(name="Bram")
    page = superuser_client.get(
        reverse("admin:events_registration_change", args=[pending.pk])
    ).content.decode()
    assert "bevestigen kan tot" in page.lower()
    assert "de aanmelder heeft nog niet op de link in de e-mail geklikt" in page


def test_the_participants_export_leaves_out_who_has_yet_to_confirm(superuser_client):
    event = factories.event(title="Sessie")
    factories.registration(event, name="Anna")
    factories.registration(event, name="Bram", status=RegistrationStatus.PENDING)
    response = superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_registrations", "_selected_action": [event.pk]},
    )
    text = response.content.decode("utf-8-sig")
    assert "Anna" in text and "Bram" not in text
    assert "Bevestigd op" in text.splitlines()[0]


def test_the_list_shows_and_filters_demo_events(superuser_client):
    factories.event(title="Verzonnen sessie", is_demo=True)
    factories.event(title="Echte sessie")
    url = reverse("admin:events_event_changelist")

    html = superuser_client.get(url).content.decode()
    assert "column-is_demo" in html

    demo_only = superuser_client.get(url, {"is_demo__exact": "1"}).content.decode()
    assert "Verzonnen sessie" in demo_only and "Echte sessie" not in demo_only


def test_the_registrations_can_be_filtered_on_erased_data(superuser_client):
    event = factories.event(title="Sessie")
    factories.registration(event, name="Anna")
    factories.registration(event, name="Bram")
    Registration.objects.filter(name="Bram").erase_personal_data()
    url = reverse("admin:events_registration_changelist")

    erased = superuser_client.get(url, {"gewist": "ja"}).content.decode()
    kept = superuser_client.get(url, {"gewist": "nee"}).content.decode()
    assert "Anna" not in erased and "(gegevens verwijderd)" in erased
    assert "Anna" in kept and "(gegevens verwijderd)" not in kept
    assert "?gewist=ja" in superuser_client.get(url).content.decode()
