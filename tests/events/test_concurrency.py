"""50 people registering at the same moment for 10 seats, then confirming at the same moment
(PostgreSQL): all 50 stored, exactly 10 confirmed, 40 on the waiting list, nobody lost."""

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from events.models import Registration, RegistrationStatus
from tests import factories
from tests.contact.test_concurrency import post
from tests.events.conftest import confirm_url, valid_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_50_concurrent_registrations_for_10_seats(live_server):
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency test needs PostgreSQL (CI runs it there)")
    event = factories.event(registration_enabled=True, capacity=10, waiting_list=True)
    url = f"{live_server.url}/agenda/{event.slug}/aanmelden/"
    with urllib.request.urlopen(url) as response:
        cookie = response.headers["Set-Cookie"]
    csrf_token = re.search(r"csrftoken=([^;]+)", cookie).group(1)

    def register(n):
        return post(url, valid_data(email=f"deelnemer{n}@school.example"), csrf_token)

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(register, range(50)))

    assert statuses == [302] * 50
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=RegistrationStatus.PENDING).count() == 50

    def confirm(registration):
        return post(f"{live_server.url}{confirm_url(registration)}", {}, csrf_token)

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(confirm, registrations))

    assert statuses == [200] * 50
    assert registrations.count() == 50
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 10
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == 40
    assert {r.email for r in registrations} == {f"deelnemer{n}@school.example" for n in range(50)}
