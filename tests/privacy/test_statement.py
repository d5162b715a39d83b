"""The privacy statement, the admin and the settings say the same retention periods."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_statement_covers_registrations_with_the_retention_from_the_setting(client):
    page = client.get(reverse("privacy")).content.decode()
    assert "Aanmeldingen voor bijeenkomsten" in page
    assert "56 dagen na afloop van de bijeenkomst wissen we automatisch" in page
    assert "12 maanden na ontvangst" in page
    # How to ask for your data: the contact form or the secretariat's address.
    assert "een kopie van krijgen" in page
    assert f'href="{reverse("contact:form")}"' in page
    assert "info@ra-zon.nl" in page


def test_the_statement_and_the_admin_follow_the_settings(client, superuser_client, settings):
    settings.RAZON_REGISTRATION_RETENTION_DAYS = 21
    settings.RAZON_CONTACT_RETENTION_MONTHS = 6
    settings.RAZON_REGISTRATION_CONFIRM_HOURS = 48
    settings.RAZON_CONVERSATION_IDLE_DAYS = 30

    page = client.get(reverse("privacy")).content.decode()
    assert "21 dagen na afloop van de bijeenkomst" in page
    assert "6 maanden na ontvangst" in page
    assert "Bevestig je niet binnen 48 uur" in page
    assert "een bord waarop 30 dagen niets gebeurde, verwijderen we automatisch" in page

    registrations = superuser_client.get(reverse("admin:events_registration_changelist"))
    assert "21 dagen na afloop van de bijeenkomst gewist" in registrations.content.decode()
    assert "niet binnen 48 uur is bevestigd" in registrations.content.decode()
    messages = superuser_client.get(reverse("admin:contact_contactmessage_changelist"))
    assert "6 maanden na ontvangst verwijderd" in messages.content.decode()
