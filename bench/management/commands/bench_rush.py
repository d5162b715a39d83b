"""The benchmark's rush (bench/run.py): registrations arriving at a steady rate through the
real views of a running server, each as a visitor makes it: the form page (its CSRF cookie
and token), the form sent, then the confirmation page of the link in the mail and its button.
Half of them go to the measured event, the rest to the next upcoming events, so the measured
event's seats keep changing without filling up. Stops after --seconds or on Ctrl-C (SIGINT)
and prints what it did as JSON."""

import json
import re
import signal
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from itertools import count, cycle
from threading import Event as Flag
from threading import Lock

from django.core.management.base import BaseCommand
from django.db import connection
from django.urls import reverse

from events import services
from events.models import Event, Registration

FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
STARTED = re.compile(r'name="started" value="([^"]+)"')


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 after the form is the answer; the page it names is not needed


class Command(BaseCommand):
    help = "Registrations at a steady rate through a running server's views (bench/run.py)."

    def add_arguments(self, parser):
        parser.add_argument("--url", required=True, help="the server, e.g. http://127.0.0.1:8401")
        parser.add_argument("--event", required=True, help="the measured event's slug")
        parser.add_argument("--rate", type=float, default=5.0, help="registrations per second")
        parser.add_argument("--seconds", type=float, default=30.0)

    def handle(self, *args, url, event, rate, seconds, **options):
        others = (
            Event.objects.published()
            .upcoming()
            .filter(registration_enabled=True)
            .exclude(slug=event)
            .values_list("slug", flat=True)[:4]
        )
        slugs = cycle([slug for other in others for slug in (event, other)] or [event])
        stop = Flag()
        interrupted = signal.signal(signal.SIGINT, lambda *_: stop.set())
        tally = {"registered": 0, "confirmed": 0, "failed": 0}
        lock = Lock()
        serial = count()
        started = time.monotonic()

        def one(slug, n):
            try:
                outcome = _register_and_confirm(url, slug, f"rush{n}.{int(started)}@school.example")
            finally:
                connection.close()  # this thread's own
            with lock:
                for key in outcome:
                    tally[key] += 1

        with ThreadPoolExecutor(max_workers=16) as pool:
            for n in serial:
                due = started + n / rate
                if stop.wait(max(0.0, due - time.monotonic())) or due - started > seconds:
                    break
                pool.submit(one, next(slugs), n)
        signal.signal(signal.SIGINT, interrupted)
        elapsed = time.monotonic() - started
        tally |= {"seconds": round(elapsed, 1), "rate": round(tally["registered"] / elapsed, 2)}
        self.stdout.write(json.dumps(tally))


def _register_and_confirm(base_url, slug, email):
    """One visitor: the form, then the link in the mail and its button. Returns what
    happened ("registered", "confirmed", "failed")."""
    opener = urllib.request.build_opener(_NoRedirect())
    cookies = {}  # by hand: the cookies are Secure (production settings) on plain http
    done = []
    try:
        form_url = base_url + reverse("events:register", args=[slug])
        _status, page = _open(opener, cookies, form_url)
        form = {
            "csrfmiddlewaretoken": FORM_TOKEN.search(page).group(1),
            "started": STARTED.search(page).group(1),
            "website": "",
            "name": "Deelnemer in de drukte",
            "email": email,
        }
        if _open(opener, cookies, form_url, form)[0] != 302:
            return ["failed"]
        done.append("registered")
        # The link in the mail (the mail worker would send it).
        registration = Registration.objects.get(email=email)
        confirm_url = base_url + reverse(
            "events:confirm", args=[services.confirm_token(registration)]
        )
        _status, page = _open(opener, cookies, confirm_url)
        token = {"csrfmiddlewaretoken": FORM_TOKEN.search(page).group(1)}
        done.append(
            "confirmed" if _open(opener, cookies, confirm_url, token)[0] == 200 else "failed"
        )
    except (OSError, AttributeError, Registration.DoesNotExist):
        done.append("failed")
    return done


def _open(opener, cookies, url, data=None):
    """GET or POST (`data`) like a browser on the same site; returns the status and text."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    headers = {"Referer": url}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    try:
        response = opener.open(urllib.request.Request(url, data=body, headers=headers), timeout=30)
    except urllib.error.HTTPError as error:
        response = error  # a redirect or an error page: its status and headers all the same
    with response:
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.read().decode()
