"""Logging in to the admin in a browser: the lockout page after repeated failures, a
forgotten password, and the two-factor set-up page under the strict CSP."""

import pytest
from django.contrib.auth.models import Group

from tests.conftest import ROLE_PASSWORD, make_role_user
from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture
def site(live_server, transactional_db):
    make_role_user("anna", "Redacteur")
    Group.objects.get(name="Redacteur")  # the roles exist after the flush as well
    return live_server.url


def log_in(page, site, password):
    page.goto(site + "/admin/login/")
    page.get_by_label("Gebruikersnaam").fill("anna")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Aanmelden").click()


def test_repeated_failures_show_the_lockout_page(page, site, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(page, site, "fout-wachtwoord")
    log_in(page, site, ROLE_PASSWORD)
    page.get_by_role("heading", name="Inloggen tijdelijk geblokkeerd").wait_for()
    assert "30 minuten" in page.content()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Vraag een nieuw wachtwoord aan").click()
    page.get_by_role("heading", name="Wachtwoord vergeten").wait_for()


def test_a_forgotten_password_is_asked_for_from_the_login_page(page, site):
    page.goto(site + "/admin/login/")
    page.get_by_role("link", name="Wachtwoord vergeten?").click()
    page.get_by_role("heading", name="Wachtwoord vergeten").wait_for()
    assert_no_axe_violations(page)

    page.get_by_label("E-mailadres").fill("anna@example.org")
    page.get_by_role("button", name="Stuur de link").click()

    page.get_by_text("Als er een account bij dit e-mailadres hoort").wait_for()
    assert_no_axe_violations(page)


def test_two_factor_set_up_shows_the_qr_code(page, site):
    log_in(page, site, ROLE_PASSWORD)
    page.get_by_role("link", name="Tweestapsverificatie").click()
    qr = page.get_by_role("img", name="QR-code om tweestapsverificatie in te stellen")
    qr.wait_for()
    assert page.evaluate("(img) => img.naturalWidth > 0", qr.element_handle())
