"""`make run`'s site on a SQLite file, under simultaneous writes: they wait for each other
(WAL, a busy timeout, IMMEDIATE transactions) instead of failing with "database is locked"."""

from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import valid_data as registration_data
from tests.sqlite_site import Visitor, send_at_once

VISITORS = 24
SEATS = 5


def test_24_registrations_and_24_contact_messages_at_once_on_a_sqlite_file_all_succeed(
    sqlite_site,
):
    slug = sqlite_site.create_event(capacity=SEATS, waiting_list=True)
    url = sqlite_site.start_server()
    registering = [Visitor(f"{url}/agenda/{slug}/aanmelden/") for _ in range(VISITORS)]
    writing = [Visitor(f"{url}/contact/") for _ in range(VISITORS)]
    sends = [
        (visitor, registration_data(email=f"deelnemer{n}@school.example"))
        for n, visitor in enumerate(registering)
    ] + [(visitor, contact_data(message=f"Bericht {n}")) for n, visitor in enumerate(writing)]

    statuses = send_at_once(sends)

    assert statuses == [302] * len(sends), sqlite_site.errors()
    # Every registration waits for its owner's click; the owners then click at once.
    confirming = [Visitor(f"{url}{path}") for path in sqlite_site.confirm_paths(slug)]
    assert len(confirming) == VISITORS
    statuses = send_at_once([(visitor, {}) for visitor in confirming])
    assert statuses == [200] * VISITORS, sqlite_site.errors()
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
