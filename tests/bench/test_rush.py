"""The benchmark's rush (`bench_rush`, only under bench.settings) registers and confirms
through the real views of a running server, as a visitor does: the form, then the link."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from bench.management.commands.bench_rush import Command as Rush
from events.models import Registration, RegistrationStatus
from tests import factories


@pytest.fixture
def rush_settings(settings):
    # As bench/run.py sets them for its servers: one address, faster than a person types.
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_REGISTRATION_RATE_LIMIT = 1000


def test_the_rush_registers_and_confirms_through_the_views(live_server, rush_settings):
    if connection.vendor == "sqlite":
        # The live server's threads share the test's one in-memory SQLite connection: two
        # registrations at once fail ("cannot start a transaction within a transaction").
        pytest.skip("concurrent registrations need a database server")
    measured = factories.event(title="Gemeten", registration_enabled=True, capacity=20)
    other = factories.event(title="Andere", registration_enabled=True, capacity=20)
    out = StringIO()

    call_command(Rush(), url=live_server.url, event=measured.slug, rate=4, seconds=1.2, stdout=out)

    first, *_, last = out.getvalue().splitlines()
    assert first == "started"  # bench/run.py measures from then on
    tally = json.loads(last)
    assert tally["failed"] == 0
    assert tally["registered"] == tally["confirmed"] >= 4
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == tally["confirmed"]
    # Half for the measured event, the rest for the next upcoming ones.
    assert confirmed.filter(event=measured).count() >= 2
    assert confirmed.filter(event=other).count() >= 2
    assert not Registration.objects.exclude(status=RegistrationStatus.CONFIRMED).exists()


def test_a_refused_registration_counts_as_failed(live_server, rush_settings):
    event = factories.event(registration_enabled=True, capacity=0, waiting_list=False)
    out = StringIO()

    call_command(Rush(), url=live_server.url, event=event.slug, rate=4, seconds=0.6, stdout=out)

    first, *_, last = out.getvalue().splitlines()
    assert first == "started"  # bench/run.py measures from then on
    tally = json.loads(last)
    assert tally["registered"] == tally["confirmed"] == 0
    assert tally["failed"] >= 2
