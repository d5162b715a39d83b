"""An editor's walk through the back-office: log in, create a draft event, preview it,
schedule it, publish it, see it on the site, change it, restore the earlier version."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from events.models import Event
from tests.e2e.conftest import assert_no_axe_violations

TITLE = "Voorjaarsbijeenkomst opleiden in de school"
SLUG = "voorjaarsbijeenkomst-opleiden-in-de-school"
CHANGED = "Voorjaarsbijeenkomst (nieuwe titel)"


@pytest.fixture
def editor(transactional_db, django_user_model):
    """A project leader with the permissions to edit events (not a superuser)."""
    user = django_user_model.objects.create_user(
        "redacteur", password="geheim-wachtwoord-42", is_staff=True, first_name="Rita"
    )
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["events", "alliances", "razon"],
            codename__regex=r"^(add|change|view)_",
        )
    )
    return user


def save(page, button="_continue"):
    page.locator(f'input[name="{button}"]').click()
    page.wait_for_load_state()
    errors = page.locator(".errorlist").all_inner_texts()
    assert page.locator(".errornote").count() == 0, errors


def set_publication(page, status, moment=None):
    page.locator('select[name="status"]').select_option(status)
    date = timezone.localtime(moment).strftime("%Y-%m-%d") if moment else ""
    time = timezone.localtime(moment).strftime("%H:%M:%S") if moment else ""
    page.locator('input[name="publish_at_0"]').fill(date)
    page.locator('input[name="publish_at_1"]').fill(time)


def agenda_titles(page, base):
    page.goto(base + "/agenda/")
    return page.locator("main").inner_text()


def test_an_editor_drafts_previews_schedules_publishes_changes_and_restores_an_event(
    page, browser, live_server, editor
):
    base = live_server.url

    # Log in.
    page.goto(base + "/admin/")
    assert_no_axe_violations(page)
    page.get_by_label("Gebruikersnaam").fill("redacteur")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord-42")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_selector("#dashboard-events")
    assert_no_axe_violations(page)

    # Create a draft event: the slug fills itself from the title.
    page.goto(base + "/admin/events/event/add/")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Titel").press("End")  # the slug follows on key presses
    assert page.locator('input[name="slug"]').input_value() == SLUG
    starts = timezone.localtime() + timedelta(days=20)
    page.locator('input[name="starts_at_0"]').fill(starts.strftime("%Y-%m-%d"))
    page.locator('input[name="starts_at_1"]').fill("09:30:00")
    page.locator('input[name="ends_at_0"]').fill(starts.strftime("%Y-%m-%d"))
    page.locator('input[name="ends_at_1"]').fill("12:00:00")
    page.locator('input[name="location"]').fill("Nijmegen")
    page.locator('[name="summary"]').fill("Wat we dit voorjaar samen leren over opleiden.")
    assert_no_axe_violations(page)
    save(page)
    event = Event.objects.get(slug=SLUG)
    assert event.publish_state == "draft"
    assert_no_axe_violations(page)

    # Preview it: the public page with a banner, which visitors cannot open.
    preview_href = page.get_by_role("link", name="Voorbeeld bekijken").get_attribute("href")
    change_url = page.url
    page.goto(base + preview_href)
    assert page.locator("h1").inner_text() == TITLE
    assert page.get_by_text("Voorbeeld — niet gepubliceerd").is_visible()
    visitor = browser.new_context()
    visitor_page = visitor.new_page()
    assert visitor_page.goto(base + f"/agenda/{SLUG}/").status == 404
    assert visitor_page.goto(base + preview_href).status == 403
    visitor.close()

    # Schedule it for tomorrow: not on the agenda yet.
    page.goto(change_url)
    set_publication(page, "published", timezone.now() + timedelta(days=1))
    save(page)
    assert Event.objects.get(pk=event.pk).publish_state == "scheduled"
    assert TITLE not in agenda_titles(page, base)
    page.goto(base + "/admin/events/event/?publicatie=scheduled")
    assert page.get_by_role("link", name=TITLE).is_visible()
    assert_no_axe_violations(page)

    # Publish it now: on the agenda and its own page.
    page.goto(change_url)
    set_publication(page, "published")
    save(page)
    assert TITLE in agenda_titles(page, base)
    page.get_by_role("link", name=TITLE).first.click()
    assert page.locator("h1").inner_text() == TITLE
    assert page.get_by_text("Voorbeeld — niet gepubliceerd").count() == 0

    # Change the title.
    page.goto(change_url)
    page.get_by_label("Titel").fill(CHANGED)
    save(page)
    page.goto(base + f"/agenda/{SLUG}/")
    assert page.locator("h1").inner_text() == CHANGED

    # Restore the version before the change, through the history.
    page.goto(change_url)
    page.get_by_role("link", name="Geschiedenis").click()
    page.wait_for_selector("#change-history")
    assert_no_axe_violations(page)
    page.locator("#change-history tbody tr a").nth(1).click()  # latest first
    assert page.get_by_label("Titel").input_value() == TITLE
    assert_no_axe_violations(page)
    save(page, "_save")
    assert Event.objects.get(pk=event.pk).title == TITLE

    page.goto(base + f"/agenda/{SLUG}/")
    assert page.locator("h1").inner_text() == TITLE
