from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse

from contact.models import ContactMessage, Status
from tests.contact.conftest import started, valid_data

pytestmark = pytest.mark.django_db

URL = reverse("contact:form")


def test_every_page_offers_the_form_in_its_footer(client):
    page = client.get(reverse("home")).content.decode()

    assert 'href="/contact/?van=/"' in page
    assert 'data-hx-get="/contact/"' in page
    assert "Suggesties, opmerkingen en/of vragen?" in page


def test_the_contact_page_holds_the_form_and_remembers_where_the_visitor_came_from(client):
    response = client.get(URL, {"van": "/alliantie/"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "contact/contact.html" in [t.name for t in response.templates]
    assert 'name="page" value="/alliantie/"' in page
    assert 'href="/privacy/"' in page


def test_htmx_opens_the_form_as_a_fragment_with_the_current_page(client):
    response = client.get(
        URL,
        HTTP_HX_REQUEST="true",
        HTTP_HX_CURRENT_URL="http://testserver/organisaties/?soort=school",
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="contact-form"')
    assert "<html" not in fragment
    assert 'name="page" value="/organisaties/?soort=school"' in fragment


def test_a_valid_message_is_stored_and_the_mail_worker_notifies_the_secretariat(
    client, django_capture_on_commit_callbacks, mail_worker_pass
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_data())

    assert response.status_code == 302
    assert response.url == reverse("contact:thanks")
    message = ContactMessage.objects.get()
    assert (message.name, message.page, message.status) == ("Anna de Vries", "/alliantie/", "new")
    assert message.notified_at is None and mail.outbox == []  # owed, not sent in the request

    assert "1 sent, 0 failed" in mail_worker_pass()
    message.refresh_from_db()
    assert message.notified_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["secretariaat@ra-zon.example"]
    assert mail.outbox[0].reply_to == ["anna@school.example"]
    assert "Hoe kan ons bestuur aansluiten" in mail.outbox[0].body
    assert "Bedankt, je bericht is verstuurd" in client.get(response.url).content.decode()


def test_htmx_submission_answers_with_the_confirmation_in_place(client):
    response = client.post(URL, valid_data(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="contact-form")

    fragment = response.content.decode()
    assert response.status_code == 200
    assert 'id="contact-result"' in fragment and 'role="status"' in fragment
    assert "<html" not in fragment
    assert ContactMessage.objects.count() == 1


def test_bad_input_shows_a_dutch_message_per_field_and_keeps_the_text(client):
    response = client.post(
        URL,
        valid_data(name="", email="geen-adres", message="Mijn lange verhaal"),
        HTTP_HX_REQUEST="true",
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Vul je naam in." in page
    assert "Vul een geldig e-mailadres in" in page
    assert "Mijn lange verhaal" in page and 'value="geen-adres"' in page
    assert 'aria-invalid="true"' in page
    assert ContactMessage.objects.count() == 0


@pytest.mark.parametrize(
    "bot_data",
    [
        {"website": "https://spam.example"},  # the honeypot was filled in
        {"started": "vervalst"},  # a forged timestamp
    ],
)
def test_bots_are_stored_as_spam_without_being_told(client, mail_worker_pass, bot_data):
    response = client.post(URL, valid_data(**bot_data))

    assert response.status_code == 302  # the same confirmation as a person gets
    assert ContactMessage.objects.get().status == Status.SPAM
    assert "0 sent" in mail_worker_pass()
    assert mail.outbox == []


def test_a_form_sent_faster_than_a_person_types_is_spam(client, settings):
    settings.RAZON_FORM_MIN_SECONDS = 3

    client.post(URL, valid_data(started=started(seconds_ago=1)))

    assert ContactMessage.objects.get().status == Status.SPAM


def test_the_rate_limit_answers_429_keeps_the_text_and_holds_per_client(client, settings):
    settings.RAZON_CONTACT_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.1").status_code == 302

    refused = client.post(URL, valid_data(message="Nog een vraag"), REMOTE_ADDR="10.0.0.1")
    other_client = client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.2")

    assert refused.status_code == 429
    page = refused.content.decode()
    assert "Wacht even en probeer het dan opnieuw" in page and "Nog een vraag" in page
    assert other_client.status_code == 302
    assert ContactMessage.objects.count() == 3


def test_no_raw_address_is_stored(client):
    client.post(URL, valid_data(), REMOTE_ADDR="192.0.2.77")

    stored = ContactMessage.objects.values().get()
    assert not any("192.0.2.77" in str(value) for value in stored.values())


def test_the_message_is_saved_even_when_the_cache_is_down(client):
    with mock.patch("razon.ratelimit.cache.add", side_effect=ConnectionError("redis down")):
        response = client.post(URL, valid_data())

    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1


def test_header_injection_cannot_reach_the_notification(client, mail_worker_pass):
    client.post(URL, valid_data(name="Eve\r\nBcc: victim@example.org", organization="X\nY"))
    mail_worker_pass()

    message = ContactMessage.objects.get()
    assert message.name == "Eve Bcc: victim@example.org"
    assert message.organization == "X Y"
    sent = mail.outbox[0]
    assert "\n" not in sent.subject and sent.bcc == []
    assert "victim@example.org" not in sent.message()["To"]


def test_every_field_is_stored_cleaned_of_control_characters_and_one_liners_of_line_breaks(
    client,
):
    client.post(
        URL,
        valid_data(
            name=" Anna\x01 de\tVries\u2028",
            email=" anna@school.example ",
            organization="Stichting\r\nVoorbeeld\x1b",
            message="Regel een\r\nRegel\x0b twee\n\nAlinea\x7f",
            page="/agenda/\r\n",
        ),
    )

    message = ContactMessage.objects.get()
    assert message.name == "Anna de Vries"
    assert message.email == "anna@school.example"
    assert message.organization == "Stichting Voorbeeld"
    assert message.message == "Regel een\r\nRegel twee\n\nAlinea"
    assert message.page == "/agenda/"


@pytest.mark.parametrize(
    "field, typed, error",
    [
        ("name", " \x01\r\n", "Vul je naam in."),
        ("message", "\x01\x02 ", "Schrijf je bericht."),
        ("name", "Anna\x00", "Null-tekens zijn niet toegestaan."),
    ],
)
def test_a_field_of_control_characters_only_is_missing_and_a_null_character_refused(
    client, field, typed, error
):
    response = client.post(URL, valid_data(**{field: typed}))

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_page_outside_the_site_is_not_recorded(client):
    client.post(URL, valid_data(page="https://evil.example/phish"))

    assert ContactMessage.objects.get().page == ""


def test_what_the_visitor_wrote_is_shown_as_text_in_the_admin(superuser_client):
    message = ContactMessage.objects.create(
        name="<script>alert(1)</script>", email="a@b.example", message="<img src=x onerror=1>"
    )

    page = superuser_client.get(
        reverse("admin:contact_contactmessage_change", args=[message.pk])
    ).content.decode()

    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_only_get_and_post_are_allowed(client):
    assert client.put(URL).status_code == 405
