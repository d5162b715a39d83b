"""`make run`'s site on a SQLite file, under simultaneous writes: they wait for each other
(WAL, a busy timeout, IMMEDIATE transactions) instead of failing with "database is locked"."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import valid_data as registration_data

VISITORS = 24
SEATS = 5


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """A browser of its own: opens a form (cookie, CSRF token, start time), then sends it."""

    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect
        )
        with self.opener.open(url, timeout=30) as response:
            page = response.read().decode()
        self.hidden = {
            name: re.search(rf'name="{name}" value="([^"]+)"', page).group(1)
            for name in ("csrfmiddlewaretoken", "started")
        }

    def send(self, data):
        request = urllib.request.Request(
            self.url, data=urllib.parse.urlencode({**data, **self.hidden}).encode()
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def test_24_registrations_and_24_contact_messages_at_once_on_a_sqlite_file_all_succeed(
    sqlite_site,
):
    slug = sqlite_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from tests import factories; print(factories.event(registration_enabled=True, "
        f"capacity={SEATS}, waiting_list=True).slug)",
    ).strip()
    url = sqlite_site.start_server()
    registering = [Visitor(f"{url}/agenda/{slug}/aanmelden/") for _ in range(VISITORS)]
    writing = [Visitor(f"{url}/contact/") for _ in range(VISITORS)]
    sends = [
        (visitor, registration_data(email=f"deelnemer{n}@school.example"))
        for n, visitor in enumerate(registering)
    ] + [(visitor, contact_data(message=f"Bericht {n}")) for n, visitor in enumerate(writing)]
    everyone_ready = threading.Barrier(len(sends))

    def send(visitor_and_data):
        visitor, data = visitor_and_data
        everyone_ready.wait()
        return visitor.send(data)

    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        statuses = list(pool.map(send, sends))

    assert statuses == [302] * len(sends), sqlite_site.errors()
    registrations = dict(
        sqlite_site.query(
            "SELECT r.status, count(*) FROM events_registration r"
            " JOIN events_event e ON e.id = r.event_id WHERE e.slug = ? GROUP BY r.status",
            slug,
        )
    )
    assert registrations == {"confirmed": SEATS, "waiting": VISITORS - SEATS}
    assert {email for (email,) in sqlite_site.query("SELECT email FROM events_registration")} == {
        f"deelnemer{n}@school.example" for n in range(VISITORS)
    }
    messages = sqlite_site.query("SELECT message FROM contact_contactmessage")
    assert sorted(message for (message,) in messages) == sorted(
        f"Bericht {n}" for n in range(VISITORS)
    )
