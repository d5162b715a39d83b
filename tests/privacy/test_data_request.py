"""The secretariat's page for one person's data (AVG): look up, export and erase everything
the portal holds for an e-mail address, every action recorded without the address."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from contact.models import ContactMessage
from conversations.services import start_board
from events.models import PendingMail, Registration, RegistrationStatus
from privacy.models import Action, DataRequestLog
from tests import factories
from tests.conftest import logged_in

pytestmark = pytest.mark.django_db

URL = reverse("privacy:data_request")
ADDRESS = "anna@school.example"


@pytest.fixture
def secretariat_client(secretariat):
    return logged_in(secretariat)


@pytest.fixture
def held(db):
    """Anna's data (her address in other cases too), and someone else's."""
    past = factories.event(
        title="Strategiesessie van vorig jaar",
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
        registration_enabled=True,
    )
    upcoming = factories.event(title="Werksessie", registration_enabled=True, capacity=1)
    full = factories.event(title="Netwerkdag", registration_enabled=True, capacity=1)
    return {
        "message": ContactMessage.objects.create(
            name="Anna de Vries",
            email="Anna@School.example",
            message="Mijn vraag over\nde opleidingsroutes",
            notes="Teruggebeld",
        ),
        "other_message": ContactMessage.objects.create(
            name="Bram", email="bram@school.example", message="Iets anders"
        ),
        "past": factories.registration(
            past, name="Anna de Vries", email=ADDRESS, question="Vraag vooraf van Anna"
        ),
        "past_event": past,
        "upcoming": factories.registration(upcoming, name="Anna de Vries", email=ADDRESS.upper()),
        "upcoming_event": upcoming,
        "next_in_line": factories.registration(
            upcoming, name="Bram", email="bram@school.example", status=RegistrationStatus.WAITING
        ),
        "waiting": factories.registration(
            full, name="Anna", email=ADDRESS, status=RegistrationStatus.WAITING
        ),
        "other_registration": factories.registration(past, name="Bram", email="bram@x.example"),
        "board": start_board(name="Werksessie van Anna", facilitator_email="anna@School.example")[
            0
        ],
        "other_board": start_board(name="Werksessie van Bram", facilitator_email="bram@x.example")[
            0
        ],
    }


def post(client, action, address=ADDRESS, **extra):
    return client.post(URL, {"email": address, "action": action}, **extra)


# The permission ladder


def test_anonymous_visitors_are_sent_to_the_login(client):
    for response in (client.get(URL), post(client, "erase")):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("persona", ["staff_without_permissions", "editor", "project_leader"])
def test_staff_without_the_right_get_403_and_erase_nothing(request, persona, held):
    client = Client()
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert post(client, "erase").status_code == 403
    assert ContactMessage.objects.filter(email__iexact=ADDRESS).exists()
    assert not DataRequestLog.objects.exists()


def test_the_secretariat_and_superusers_may_and_the_admin_index_links_it(
    secretariat_client, superuser_client, editor
):
    for client in (secretariat_client, superuser_client):
        page = client.get(URL)
        assert page.status_code == 200
        assert page["Cache-Control"].startswith("max-age=0")
        assert URL in client.get(reverse("admin:index")).content.decode()
    editor_client = Client()
    editor_client.force_login(editor)
    assert URL not in editor_client.get(reverse("admin:index")).content.decode()


def test_a_post_without_the_csrf_token_is_refused(secretariat, held):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    assert post(client, "erase").status_code == 403
    assert ContactMessage.objects.filter(email__iexact=ADDRESS).exists()


# Looking up


def test_a_lookup_finds_everything_for_the_address_in_any_case_and_nothing_else(
    secretariat_client, secretariat, held
):
    response = post(secretariat_client, "lookup", address="  ANNA@school.EXAMPLE ")

    assert response.status_code == 200
    found = {item.holder.name: item.rows for item in response.context["found"]}
    assert found == {
        "contact messages": [held["message"]],
        "registrations": [held["past"], held["upcoming"]],
        "waiting list": [held["waiting"]],
        "conversation boards": [held["board"]],
    }
    page = response.content.decode()
    assert "5 items bij anna@school.example" in page.lower()
    assert '<td class="plain-text">Mijn vraag over\nde opleidingsroutes</td>' in page
    assert "Strategiesessie van vorig jaar" in page and "Netwerkdag" in page
    assert "Bram" not in page and "Iets anders" not in page
    assert "Werksessie van Anna" in page

    entry = DataRequestLog.objects.get()
    assert (entry.action, entry.user, entry.username) == (
        Action.LOOKUP,
        secretariat,
        "secretariaat",
    )
    assert entry.counts == {
        **{"contact messages": 1, "registrations": 2, "waiting list": 1},
        "conversation boards": 1,
    }
    assert "anna" not in str(entry.__dict__).lower()


def test_an_address_with_nothing_says_so(secretariat_client, held):
    page = post(secretariat_client, "lookup", address="niemand@example.org").content.decode()
    assert "0 items bij niemand@example.org" in page
    assert "Alles wissen" not in page
    assert DataRequestLog.objects.get().counts == {
        "contact messages": 0,
        "registrations": 0,
        "waiting list": 0,
        "conversation boards": 0,
    }


@pytest.mark.parametrize("address", ["", "anna", "anna@", "anna@school@example", "a" * 300])
def test_an_invalid_address_gets_a_clear_message_and_is_not_recorded(
    secretariat_client, held, address
):
    response = post(secretariat_client, "erase", address=address)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errornote"' in page
    assert "e-mailadres" in page
    assert "found" not in response.context
    assert not DataRequestLog.objects.exists()
    assert ContactMessage.objects.count() == 2


def test_an_unknown_action_is_a_clear_message_too(secretariat_client, held):
    response = post(secretariat_client, "drop table")
    assert response.status_code == 200
    assert not DataRequestLog.objects.exists()


# Exporting


def test_the_export_is_a_readable_text_file_with_everything_and_is_recorded(
    secretariat_client, held
):
    response = post(secretariat_client, "export", address="anna@SCHOOL.example")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="gegevens-ra-zon-')
    text = response.content.decode("utf-8")
    assert text.startswith("Gegevens die RA-ZON bewaart bij het e-mailadres anna@SCHOOL.example\n")
    assert "Contactberichten (1)\n====================\n" in text
    assert "Bericht:\n    Mijn vraag over\n    de opleidingsroutes\n" in text
    assert "Interne notities: Teruggebeld\n" in text
    assert "Aanmeldingen (2)" in text and "Wachtlijst (1)" in text
    assert "Bijeenkomst: Strategiesessie van vorig jaar\n" in text
    assert "Vraag vooraf: Vraag vooraf van Anna\n" in text
    assert "Status: Wachtlijst\n" in text
    assert "/privacy/" in text
    assert "Bram" not in text and "Iets anders" not in text
    entry = DataRequestLog.objects.get()
    assert entry.action == Action.EXPORT
    assert entry.counts == {
        **{"contact messages": 1, "registrations": 2, "waiting list": 1},
        "conversation boards": 1,
    }


# Erasing


def test_erasing_asks_for_confirmation_first_and_changes_nothing_then(secretariat_client, held):
    response = post(secretariat_client, "confirm_erase")
    page = response.content.decode()
    assert 'id="confirm-erase"' in page
    assert 'value="erase"' in page
    assert ContactMessage.objects.count() == 2
    assert not Registration.objects.filter(erased_at__isnull=False).exists()
    assert not DataRequestLog.objects.exists()


def test_erasing_removes_everything_of_the_address_keeps_the_counts_and_is_recorded(
    secretariat_client, secretariat, held, mail_worker_pass
):
    past_event, upcoming_event = held["past_event"], held["upcoming_event"]
    LogEntry.objects.log_actions(
        secretariat.pk, [held["message"]], CHANGE, change_message="", single_object=True
    )

    response = post(secretariat_client, "erase", address="Anna@school.example")

    assert response.status_code == 302 and response["Location"] == URL
    message = secretariat_client.get(URL).content.decode()
    assert (
        "Gewist en vastgelegd: Aanmeldingen: 2, Wachtlijst: 1, "
        "Schaalniveau-gesprekken (begeleider): 1, Contactberichten: 1." in message
    )

    # The message is gone, the other one stays.
    assert list(ContactMessage.objects.all()) == [held["other_message"]]
    assert "Anna" not in LogEntry.objects.get().object_repr
    # The past event's registration is anonymised in place: its count stays.
    past = Registration.objects.get(pk=held["past"].pk)
    assert (past.name, past.email, past.question, past.status) == ("", "", "", "confirmed")
    assert past_event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    # The upcoming one is cancelled first: the seat goes to the next on the waiting list.
    upcoming = Registration.objects.get(pk=held["upcoming"].pk)
    assert (upcoming.status, upcoming.email, upcoming.pending_mail) == ("cancelled", "", "")
    promoted = Registration.objects.get(pk=held["next_in_line"].pk)
    assert promoted.status == RegistrationStatus.CONFIRMED
    assert promoted.pending_mail == PendingMail.PROMOTED
    assert upcoming_event.registrations.filter(status="confirmed").get() == promoted
    # The waiting-list place is given up and emptied.
    waiting = Registration.objects.get(pk=held["waiting"].pk)
    assert (waiting.status, waiting.name) == ("cancelled", "")
    # Only Bram is mailed (his seat); nothing goes to the erased address.
    mail_worker_pass()
    recipients = [address.lower() for message in mail.outbox for address in message.to]
    assert "bram@school.example" in recipients
    assert ADDRESS not in recipients and "" not in recipients

    entry = DataRequestLog.objects.get()
    assert (entry.action, entry.username) == (Action.ERASE, "secretariaat")
    assert entry.counts == {
        **{"contact messages": 1, "registrations": 2, "waiting list": 1},
        "conversation boards": 1,
    }

    # Nothing is left to find; the earlier erasure is shown by the address's hash.
    again = post(secretariat_client, "lookup", address=ADDRESS)
    assert again.context["total"] == 0
    assert [e.action for e in again.context["earlier"]] == [Action.ERASE]
    assert "Eerdere verzoeken voor dit adres" in again.content.decode()


# The record in the admin


def test_the_record_is_read_only_and_found_by_the_address(secretariat_client, held):
    post(secretariat_client, "lookup")
    post(secretariat_client, "lookup", address="bram@school.example")
    changelist = reverse("admin:privacy_datarequestlog_changelist")

    page = secretariat_client.get(changelist, {"q": "ANNA@school.example"})
    assert page.status_code == 200
    assert len(page.context["cl"].result_list) == 1
    assert (
        "Aanmeldingen: 2, Wachtlijst: 1, Schaalniveau-gesprekken (begeleider): 1, "
        "Contactberichten: 1" in page.content.decode()
    )
    assert URL in page.content.decode()  # the way to the tool

    entry = DataRequestLog.objects.first()
    assert secretariat_client.get(reverse("admin:privacy_datarequestlog_add")).status_code == 403
    delete = reverse("admin:privacy_datarequestlog_delete", args=[entry.pk])
    assert secretariat_client.post(delete, {"post": "yes"}).status_code == 403
    assert DataRequestLog.objects.count() == 2


def test_editors_do_not_see_the_record(editor):
    client = Client()
    client.force_login(editor)
    changelist = reverse("admin:privacy_datarequestlog_changelist")
    assert client.get(changelist).status_code == 403
