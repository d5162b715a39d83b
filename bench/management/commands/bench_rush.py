"""The benchmark's rush (bench/run.py): registrations arriving at a steady rate through the
real views of a running server, each as a visitor makes it: the form page (its CSRF cookie
and token), the form sent, then the confirmation page of the link in the mail and its button.
Half of them go to the measured event, the rest to the next upcoming events, so the measured
event's seats keep changing without filling up. Stops after --seconds or on Ctrl-C (SIGINT)
and prints what it did as JSON."""

import json
import math
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
# Seconds a registration may take under load before the next ones wait for a thread.
IN_FLIGHT_SECONDS = 10


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
        registered_at, durations = [], []
        lock = Lock()
        serial = count()
        # bench/run.py measures from this line on: starting Django takes seconds on a busy
        # machine, and a page measured before the first registration is not under the rush.
        self.stdout.write("started")
        self.stdout.flush()
        started = time.monotonic()

        def one(slug, n):
            begun = time.monotonic()
            try:
                outcome = _register_and_confirm(url, slug, f"rush{n}.{int(started)}@school.example")
            finally:
                connection.close()  # this thread's own
            with lock:
                for key, moment in outcome:
                    tally[key] += 1
                    if key == "registered":
                        registered_at.append(moment)
                durations.append(time.monotonic() - begun)

        # Each visitor in a thread of its own, started on schedule whatever the others are
        # waiting for: under load a registration (four requests) takes seconds, and a small
        # pool would hold the next ones back.
        with ThreadPoolExecutor(max_workers=max(16, math.ceil(rate * IN_FLIGHT_SECONDS))) as pool:
            for n in serial:
                due = started + n / rate
                if stop.wait(max(0.0, due - time.monotonic())) or due - started > seconds:
                    break
                pool.submit(one, next(slugs), n)
            stopped = time.monotonic()
        signal.signal(signal.SIGINT, interrupted)
        window = stopped - started
        durations.sort()
        tally |= {
            "seconds": round(window, 1),
            # Registrations the server accepted while the rush ran (those still under way when
            # it stopped are counted in "registered", not in the rate).
            "rate": round(sum(moment <= stopped for moment in registered_at) / window, 2),
            "registration_p50_s": round(durations[len(durations) // 2], 2) if durations else 0,
            "registration_max_s": round(durations[-1], 2) if durations else 0,
        }
        self.stdout.write(json.dumps(tally))


def _register_and_confirm(base_url, slug, email):
    """One visitor: the form, then the link in the mail and its button. Returns what
    happened ("registered", "confirmed", "failed") and when."""
    opener = urllib.request.build_opener(_NoRedirect())
    cookies = {}  # by hand: the cookies are Secure (production settings) on plain http
    done = []  # (what, when)
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
            return [("failed", time.monotonic())]
        done.append(("registered", time.monotonic()))
        # The link in the mail (the mail worker would send it).
        registration = Registration.objects.get(email=email)
        confirm_url = base_url + reverse(
            "events:confirm", args=[services.confirm_token(registration)]
        )
        _status, page = _open(opener, cookies, confirm_url)
        token = {"csrfmiddlewaretoken": FORM_TOKEN.search(page).group(1)}
        confirmed = _open(opener, cookies, confirm_url, token)[0] == 200
        done.append(("confirmed" if confirmed else "failed", time.monotonic()))
    except (OSError, AttributeError, Registration.DoesNotExist):
        done.append(("failed", time.monotonic()))
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
