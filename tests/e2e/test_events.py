"""A visitor finds an event, reads it, registers, confirms with the link in the mail, gets
the confirmation with a calendar file, and cancels: with htmx and without JavaScript."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from icalendar import Calendar

from events.models import Registration, RegistrationStatus
from tests.e2e.conftest import assert_no_axe_violations

EVENT = "Werksessie: het schaalniveau in je eigen regio"


@pytest.fixture(autouse=True)
def no_minimum_fill_time(settings):
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_SITE_URL = "http://placeholder"


def fill_in(page, name, email):
    page.get_by_label("Naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Organisatie (optioneel)").fill("Stichting Voorbeeld")


def cancel_path(message):
    return re.search(r"http://placeholder(/agenda/afmelden/\S+/)", message.body).group(1)


def confirm_path(message):
    return re.search(r"http://placeholder(/agenda/bevestigen/\S+/)", message.body).group(1)


def assert_valid_calendar(message):
    (_name, content, mimetype) = message.attachments[0]
    assert mimetype == "text/calendar"
    (entry,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == EVENT


def test_find_register_and_cancel_with_htmx(page, demo_site, mail_worker_pass):
    page.goto(demo_site + "/agenda/")
    assert_no_axe_violations(page)
    page.get_by_label("Soort bijeenkomst").select_option("strategiesessie")
    page.wait_for_function("() => location.search.includes('soort=strategiesessie')")
    page.wait_for_selector("#results-title:has-text('1 komende bijeenkomst')")
    page.get_by_role("link", name=EVENT).click()

    page.wait_for_selector("h1:has-text('Werksessie')")
    assert_no_axe_violations(page)
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("button", name="Meld mij aan").click()
    page.wait_for_function("() => document.activeElement.id === 'registration-result'")
    assert page.get_by_role("alert").get_by_text("Vul je naam in.").is_visible()

    fill_in(page, "Anna de Vries", "anna@school.example")
    page.get_by_role("button", name="Meld mij aan").click()
    page.wait_for_selector(".confirmation")
    assert page.evaluate("window.stillTheSamePage") is True
    expected = "Kijk in je e-mail om je aanmelding te bevestigen."
    assert page.locator("#live-region").inner_text() == expected
    assert_no_axe_violations(page)

    registration = Registration.objects.get(email="anna@school.example")
    assert registration.status == RegistrationStatus.PENDING  # no seat before the click
    mail_worker_pass()  # the worker beside the site sends the link
    (request,) = mail.outbox
    page.goto(demo_site + confirm_path(request))
    assert page.get_by_text("Anna de Vries").is_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    page.wait_for_selector("text=Je bent aangemeld")
    assert_no_axe_violations(page)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED

    mail.outbox.clear()
    mail_worker_pass()  # the confirmation, with the calendar file
    (message,) = mail.outbox
    assert_valid_calendar(message)

    page.goto(demo_site + cancel_path(message))
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ja, meld mij af").click()
    page.wait_for_selector("text=Je bent afgemeld")
    assert_no_axe_violations(page)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED

    # The pages the no-JavaScript path ends on (axe needs JavaScript to run).
    for path in ["/agenda/werksessie-schaalniveau-in-je-eigen-regio/aanmelden/verstuurd/",
                 "/agenda/afmelden/vervalst/", "/agenda/bevestigen/vervalst/"]:  # fmt: skip
        page.goto(demo_site + path)
        assert_no_axe_violations(page)


def test_find_register_and_cancel_without_javascript(page_without_js, demo_site, mail_worker_pass):
    page = page_without_js
    page.goto(demo_site + "/agenda/")
    page.get_by_label("Soort bijeenkomst").select_option("strategiesessie")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url(re.compile(r"soort=strategiesessie"))
    page.get_by_role("link", name=EVENT).click()

    page.get_by_label("Naam").fill("Bram Jansen")
    page.get_by_role("button", name="Meld mij aan").click()
    assert page.get_by_text("Vul je e-mailadres in").first.is_visible()
    assert page.get_by_label("Naam").input_value() == "Bram Jansen"  # nothing lost

    fill_in(page, "Bram Jansen", "bram@school.example")
    page.get_by_role("button", name="Meld mij aan").click()
    page.wait_for_url(re.compile(r"/aanmelden/verstuurd/$"))
    assert page.get_by_role("heading", name="Kijk in je e-mail").is_visible()

    mail_worker_pass()
    (request,) = mail.outbox
    page.goto(demo_site + confirm_path(request))
    page.get_by_role("button", name="Bevestig mijn aanmelding").click()
    assert page.get_by_role("heading", name="Je bent aangemeld").is_visible()

    mail.outbox.clear()
    mail_worker_pass()
    (message,) = mail.outbox
    assert_valid_calendar(message)
    page.goto(demo_site + cancel_path(message))
    page.get_by_role("button", name="Ja, meld mij af").click()
    assert page.get_by_role("heading", name="Je bent afgemeld").is_visible()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_a_past_event_with_report_and_documents_passes_axe(page, demo_site):
    page.goto(demo_site + "/agenda/?jaar=2024")
    page.get_by_role("link", name="Strategiesessie onderwijsregio's", exact=True).click()
    assert page.get_by_role("heading", name="Verslag").is_visible()
    assert page.get_by_role("link", name="Whitepaper slim regionaal organiseren").is_visible()
    assert_no_axe_violations(page)


def test_a_programme_item_added_in_the_admin_previews_its_own_text(page, demo_site):
    get_user_model().objects.create_superuser("redacteur", "r@example.org", "geheim-wachtwoord")
    page.goto(demo_site + "/admin/login/?next=/admin/events/event/add/")
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(re.compile(r"/admin/events/event/add/$"))

    page.get_by_role("button", name="Nog een Programmaonderdeel toevoegen").click()
    page.locator("#id_programme_items-0-description").fill("Met **vet** en\n\n- een punt")
    button = page.locator("#programme_items-0").get_by_role("button", name="Voorbeeld")
    button.click()

    preview = page.locator("#id_programme_items-0-description_preview")
    preview.locator("strong").wait_for()
    assert preview.locator("li").inner_text() == "een punt"
    assert button.get_attribute("aria-controls") == "id_programme_items-0-description_preview"
