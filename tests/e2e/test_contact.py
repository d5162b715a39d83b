import re

import pytest

from contact.models import ContactMessage
from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def no_minimum_fill_time(settings):
    settings.RAZON_FORM_MIN_SECONDS = 0


def fill_in(page):
    page.get_by_label("Naam").fill("Anna de Vries")
    page.get_by_label("E-mailadres").fill("anna@school.example")
    page.get_by_label("Vraag").check()
    page.get_by_label("Bericht").fill("Hoe sluit ons bestuur aan?")


def test_the_footer_opens_the_form_in_place_and_sends_it_with_htmx(page, demo_site):
    page.goto(demo_site + "/alliantie/")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_role("link", name="Stuur ons een bericht.").click()
    page.wait_for_function("() => document.activeElement.id === 'id_name'")
    assert_no_axe_violations(page)  # open

    page.get_by_role("button", name="Verstuur bericht").click()
    page.wait_for_function("() => document.activeElement.id === 'contact-result'")
    assert page.get_by_role("alert").get_by_text("Vul je naam in.").is_visible()
    assert_no_axe_violations(page)  # with errors

    fill_in(page)
    page.get_by_role("button", name="Verstuur bericht").click()
    page.wait_for_selector(".confirmation")
    page.wait_for_function("() => document.activeElement.id === 'contact-result'")

    assert page.evaluate("window.stillTheSamePage") is True
    assert page.locator("#live-region").inner_text() == "Je bericht is verstuurd."
    assert page.url.endswith("/alliantie/")
    assert_no_axe_violations(page)  # sent
    message = ContactMessage.objects.get()
    assert (message.name, message.topic, message.page) == ("Anna de Vries", "vraag", "/alliantie/")


def test_without_javascript_the_footer_link_leads_to_the_contact_page(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/organisaties/")

    page.get_by_role("link", name="Stuur ons een bericht.").click()
    page.wait_for_url(re.compile(r"/contact/\?van="))
    page.get_by_label("Naam").fill("Anna de Vries")
    page.get_by_role("button", name="Verstuur bericht").click()

    assert page.get_by_text("Vul je e-mailadres in").first.is_visible()
    assert page.get_by_label("Naam").input_value() == "Anna de Vries"  # nothing lost
    fill_in(page)
    page.get_by_role("button", name="Verstuur bericht").click()

    page.wait_for_url(re.compile(r"/contact/verzonden/$"))
    assert page.get_by_role("heading", name="Bedankt, je bericht is verstuurd").is_visible()
    assert ContactMessage.objects.get().page == "/organisaties/"


def test_the_privacy_page_is_accessible(page, demo_site):
    page.goto(demo_site + "/privacy/")

    assert page.get_by_role("heading", name="Privacyverklaring").is_visible()
    assert_no_axe_violations(page)


def test_a_message_too_large_to_send_is_refused_above_the_form_with_the_text_kept(
    page, demo_site, settings
):
    settings.RAZON_MAX_PUBLIC_BODY_SIZE = 2000  # 413 for a body over 2,000 bytes
    page.goto(demo_site + "/contact/")
    fill_in(page)
    page.get_by_label("Bericht").fill("Een lange vraag. " * 200)

    page.get_by_role("button", name="Verstuur bericht").click()

    alert = page.locator("#contact-form").get_by_role("alert")
    alert.wait_for()
    assert "groter dan 2,0" in alert.inner_text()
    assert page.get_by_label("Bericht").input_value().startswith("Een lange vraag.")
    assert not ContactMessage.objects.exists()
    assert_no_axe_violations(page)
