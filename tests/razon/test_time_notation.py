"""One time notation (#17): Dutch pages and mails write "14.30 uur" and a range as the two times
joined by an en dash with "uur" once at the end; English pages write 14:30 and the range
without "uur". Machine-readable times (JSON-LD, calendar files) stay ISO and RFC 5545."""

import re
from datetime import UTC, datetime, time

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from events.models import ProgrammeItem, Registration
from tests import factories
from tests.events.conftest import confirm, valid_data
from tests.text import html_text

pytestmark = pytest.mark.django_db

# 14.30 and 16.30 in Amsterdam (winter time, UTC+1).
START = datetime(2027, 1, 15, 13, 30, tzinfo=UTC)
END = datetime(2027, 1, 15, 15, 30, tzinfo=UTC)


def render(text, language, **context):
    with translation.override(language):
        return Template("{% load razon %}" + text).render(Context(context))


@pytest.mark.parametrize(
    ("language", "one", "both", "morning"),
    [("nl", "14.30 uur", "14.30–16.30 uur", "09.05 uur"), ("en", "14:30", "14:30–16:30", "09:05")],
)
def test_the_clock_filters_write_the_languages_notation_in_amsterdam_time(
    language, one, both, morning
):
    assert render("{{ start|clock }}", language, start=START) == one
    assert render("{{ start|clock_range:end }}", language, start=START, end=END) == both
    # The same time twice, or no end: the one time.
    assert render("{{ start|clock_range:start }}", language, start=START) == one
    assert render("{{ start|clock_range:end }}", language, start=START, end=None) == one
    # A time of day (a programme item) as it is.
    assert render("{{ start|clock }}", language, start=time(9, 5)) == morning
    assert render("{{ start|clock }}", language, start=None) == ""


def test_the_format_modules_give_dutch_and_english_times_everywhere_django_formats_one():
    with translation.override("nl"):
        assert formats.time_format(time(14, 30)) == "14.30"
        assert formats.date_format(datetime(2027, 1, 15, 14, 30), "DATETIME_FORMAT") == (
            "15 januari 2027 14.30"
        )
        assert formats.date_format(datetime(2027, 1, 15, 14, 30), "SHORT_DATETIME_FORMAT") == (
            "15-1-2027 14.30"
        )
    with translation.override("en"):
        assert formats.time_format(time(14, 30)) == "14:30"
        assert formats.date_format(datetime(2027, 1, 15, 14, 30), "DATETIME_FORMAT") == (
            "15 January 2027 14:30"
        )


@pytest.fixture
def event():
    event = factories.event(
        slug="werksessie",
        starts_at=START,
        ends_at=END,
        registration_enabled=True,
        registration_closes_at=datetime(2027, 1, 10, 16, 0, tzinfo=UTC),
    )
    ProgrammeItem.objects.create(event=event, position=0, starts_at=time(14, 45), title="Welkom")
    return event


def pages(client, event):
    """{url: visible text} of the agenda, the event's page and its registration page."""
    return {
        url: " ".join(html_text(client.get(url).content.decode()))
        for url in (
            reverse("events:list"),
            event.get_absolute_url(),
            reverse("events:register", args=[event.slug]),
        )
    }


def test_dutch_event_pages_write_14_30_uur(client, event):
    for url, text in pages(client, event).items():
        assert "14.30–16.30 uur" in text or "14.30 uur" in text, url
        assert "14:30" not in text and "16:30" not in text, url
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "14.30–16.30 uur" in detail
    assert ">14.45</time>" in detail
    register = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert "Aanmelden kan tot zondag 10 januari 2027, 17.00 uur." in register
    # schema.org keeps ISO 8601.
    assert '"startDate": "2027-01-15T13:30:00+00:00"' in detail


def test_english_event_pages_write_14_30_without_uur(client, event):
    client.cookies["django_language"] = "en"
    for url, text in pages(client, event).items():
        assert "14:30–16:30" in text or "14:30" in text, url
        assert "14.30" not in text and " uur" not in text, url
    detail = client.get(event.get_absolute_url()).content.decode()
    assert "14:30–16:30" in detail and ">14:45</time>" in detail
    register = client.get(reverse("events:register", args=[event.slug])).content.decode()
    assert "Registration is open until Sunday 10 January 2027, 17:00." in register


def test_the_registration_mail_writes_the_dutch_range(client, event, mail_worker_pass, settings):
    settings.RAZON_FORM_MIN_SECONDS = 0
    client.post(reverse("events:register", args=[event.slug]), valid_data())
    mail_worker_pass()
    confirm(client, Registration.objects.get())
    mail_worker_pass()

    request, message = mail.outbox
    assert "vrijdag 15 januari 2027, 14.30–16.30 uur" in request.body
    assert "vrijdag 15 januari 2027, 14.30–16.30 uur" in message.body
    assert re.search(r"De link werkt tot \w+dag \d+ \w+ \d{4}, \d{2}\.\d{2} uur\.", request.body)
    # The calendar file keeps the local time in RFC 5545's notation.
    calendar = message.attachments[0].content
    assert "DTSTART;TZID=Europe/Amsterdam:20270115T143000" in calendar
