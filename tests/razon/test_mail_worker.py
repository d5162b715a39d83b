"""Mail goes out from a worker beside the site, never inside a visitor's request: the rows
that owe a mail are the queue (`manage.py send_mail` sends it once, `manage.py mail_worker`
keeps sending), so a mail server that hangs or is down delays mail and loses none."""

import io
import re
import signal
import time
import urllib.request
from collections import Counter

import pytest
from django.core.management import call_command

from contact.models import ContactMessage
from events.models import Registration
from tests import factories
from tests.contact.conftest import valid_data as contact_data
from tests.contact.test_concurrency import post
from tests.events.conftest import valid_data as registration_data
from tests.smtp import HangingServer, free_port, start_server
from tests.sqlite_site import Visitor, send_at_once


def mailer_on(port, timeout):
    return {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": timeout},
        }
    }


def csrf_token(url):
    with urllib.request.urlopen(url) as response:
        return re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)


@pytest.mark.django_db(transaction=True)
def test_with_a_mail_server_that_never_answers_visitors_are_answered_at_once_and_mailed_later(
    live_server, settings, smtp_port
):
    settings.MAILERS = mailer_on(smtp_port, timeout=2)
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_CONTACT_RECIPIENTS = ["secretariaat@ra-zon.example"]
    event = factories.event(registration_enabled=True, capacity=10)
    contact_url = f"{live_server.url}/contact/"
    register_url = f"{live_server.url}/agenda/{event.slug}/aanmelden/"

    hanging = HangingServer(smtp_port)
    try:
        for url, data in [(contact_url, contact_data()), (register_url, registration_data())]:
            token = csrf_token(url)
            started = time.monotonic()
            status = post(url, data, token)
            assert (status, url) == (302, url)
            assert time.monotonic() - started < 1, f"{url} waited for the mail server"
        # The worker meets the hanging server: it gives up after the timeout, keeps both owed.
        assert "0 sent, 2 failed" in run_send_mail()
    finally:
        hanging.stop()

    assert ContactMessage.objects.awaiting_notification().count() == 1
    assert Registration.objects.awaiting_mail().count() == 1
    controller, inbox = start_server(smtp_port)
    try:
        first_pass, second_pass = run_send_mail(), run_send_mail()
    finally:
        controller.stop()
    assert "2 sent, 0 failed" in first_pass
    assert "0 sent, 0 failed" in second_pass
    assert sorted(message["To"] for message in inbox.messages) == [
        "bram@school.example",
        "secretariaat@ra-zon.example",
    ]


def run_send_mail():
    output = io.StringIO()
    call_command("send_mail", stdout=output)
    return output.getvalue()


def test_two_mail_workers_beside_the_site_send_each_mail_once_and_stop_on_a_signal(sqlite_site):
    smtp_port = free_port()
    controller, inbox = start_server(smtp_port)
    sqlite_site.env.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        EMAIL_USE_TLS="0",
        RAZON_CONTACT_RECIPIENTS="secretariaat@ra-zon.example",
    )
    try:
        slug = sqlite_site.create_event(capacity=3, waiting_list=True)
        url = sqlite_site.start_server()
        workers = [sqlite_site.start("mail_worker", "--interval=0.2") for _ in range(2)]
        sends = [
            (Visitor(f"{url}/agenda/{slug}/aanmelden/"), registration_data(email=f"d{n}@s.example"))
            for n in range(8)
        ] + [(Visitor(f"{url}/contact/"), contact_data(message=f"Bericht {n}")) for n in range(8)]

        assert send_at_once(sends) == [302] * 16
        deadline = time.monotonic() + 60
        while len(inbox.messages) < 16 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)  # several more passes of both workers: nothing is sent twice

        assert Counter(message["To"] for message in inbox.messages) == {
            "secretariaat@ra-zon.example": 8,
            **{f"d{n}@s.example": 1 for n in range(8)},
        }
        workers[0].send_signal(signal.SIGTERM)
        workers[1].send_signal(signal.SIGINT)
        assert [worker.wait(timeout=10) for worker in workers] == [0, 0]
        assert all("Mail worker stopped." in sqlite_site.output(worker) for worker in workers)
        assert sqlite_site.query(
            "SELECT count(*) FROM contact_contactmessage WHERE notified_at IS NULL"
        ) == [(0,)]
        assert sqlite_site.query(
            "SELECT count(*) FROM events_registration WHERE pending_mail != ''"
        ) == [(0,)]
    finally:
        controller.stop()
