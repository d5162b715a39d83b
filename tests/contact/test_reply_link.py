"""An address that would rewrite a mailto: link (`?cc=…&body=…`) is refused by the public
forms, and the inbox's reply link writes any stored address as one recipient."""

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.urls import reverse

from contact.models import ContactMessage
from events.models import Registration
from tests import factories
from tests.contact.conftest import valid_data
from tests.events.conftest import valid_data as registration_data

pytestmark = pytest.mark.django_db

INJECTION = "x?cc=attacker%40evil.example&body=Hi@example.org"
# Addresses Django's e-mail check accepts that would change a mailto: link or a mail
# program's reading of it.
UNSAFE_ADDRESSES = [
    INJECTION,
    "x&bcc=attacker@example.org",
    "x%3Fcc=attacker@example.org",
    "x#fragment@example.org",
    '"x?cc=y"@example.org',
]
REFUSED = (
    "Dit e-mailadres bevat een teken dat we niet kunnen gebruiken (? &amp; % # of een "
    "aanhalingsteken). Vul je gewone e-mailadres in, zoals naam@school.nl."
)
REPLY_LINK = re.compile(r'<a href="(mailto:[^"]*)">Beantwoord per e-mail</a>')


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
def test_the_contact_form_refuses_an_address_that_would_rewrite_a_reply_link(client, address):
    response = client.post(reverse("contact:form"), valid_data(email=address))

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("address", UNSAFE_ADDRESSES)
def test_the_registration_form_refuses_an_address_that_would_rewrite_a_link(client, address):
    event = factories.event(registration_enabled=True)

    response = client.post(
        reverse("events:register", args=[event.slug]), registration_data(email=address)
    )

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.parametrize("address", ["anna.de-vries+ra-zon@school.example", "o'brien@school.ie"])
def test_ordinary_addresses_are_accepted(client, address):
    response = client.post(reverse("contact:form"), valid_data(email=address))

    assert response.status_code == 302
    assert ContactMessage.objects.get().email == address


def test_the_reply_link_writes_a_stored_address_as_one_recipient(superuser_client):
    message = ContactMessage.objects.create(name="X", email=INJECTION, message="Hallo")

    page = superuser_client.get(
        reverse("admin:contact_contactmessage_change", args=[message.pk])
    ).content.decode()

    (link,) = REPLY_LINK.findall(page)
    parts = urlsplit(html.unescape(link))
    assert unquote(parts.path) == INJECTION
    assert set(parse_qs(parts.query)) == {"subject"}
