"""A workshop of 60 at once, on PostgreSQL: 60 clients (threads, each with its own cookies)
start together and within the same few seconds each adds two cards and moves each of them
once (240 actions, at a person's pace: a pause of 0.3 to 1 s between a participant's
actions); no card is lost, every card ends where its last move put it, and the 95th
percentile of the time an action takes, as its client sees it, stays under 300 ms. When
other work keeps the machine's cores more than twice over busy before the run starts, a
missed time is reported as a skip with the figure (nothing lost is still asserted).

The server is production's: gunicorn with 2 workers of 8 threads (deploy/gunicorn.conf.py),
DEBUG off, on 127.0.0.1, against the test database and this run's Redis. Actions are the
participants' forms (a POST answered with a redirect that names the card); the pages and
fragments they then load are the benchmark's (`make bench`: the board and its grid). SQLite
takes one writer at a time by design, so the test is skipped there; the figure is in the
README ("Schaalniveau-gesprek")."""

import http.client
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.db import connection

from conversations import services
from conversations.models import Card, ScaleLevel

CLIENTS = 60
P95_LIMIT = 0.300
# The 1-minute load average per core above which a missed time is reported, not failed.
BUSY = 2.0
ROOT = Path(django_settings.BASE_DIR)
GUNICORN = [sys.executable, "-m", "gunicorn", "razon.wsgi", "--workers", "2", "--threads", "8"]


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("the workshop load test needs PostgreSQL (SQLite writes one at a time)")
    port = _free_port()
    database = connection.settings_dict
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "LOG_LEVEL": "WARNING",
        "RAZON_REQUEST_LOG_LEVEL": "WARNING",
        # 60 participants behind one address: the per-client limit must not count them as one.
        "RAZON_CONVERSATION_CLIENT_LIMIT": "100000",
    }
    process = subprocess.Popen(
        [*GUNICORN, "--bind", f"127.0.0.1:{port}", "--no-control-socket"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        for _attempt in range(150):
            try:
                link = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                link.request("GET", "/healthz")
                link.getresponse().read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


class Participant:
    """One browser: its cookies, a new connection per request (as under a proxy)."""

    def __init__(self, port):
        self.port = port
        # The CSRF cookie a page of the site would have set (any 32 letters and digits).
        self.cookies = {"csrftoken": secrets.token_hex(16)}
        self.timings = []

    def request(self, method, path, data=None, headers=None, timed=True):
        body = urlencode(data) if data is not None else None
        sent = {
            "Connection": "close",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            **(headers or {}),
        }
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        started = time.perf_counter()
        link = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            link.request(method, path, body=body, headers=sent)
            response = link.getresponse()
            content = response.read()
        finally:
            link.close()
        if timed:
            self.timings.append(time.perf_counter() - started)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, content


@pytest.mark.load
def test_sixty_participants_add_and_move_cards_at_once_and_none_is_lost(server):
    # A transactional test empties the tables, the migration's default levels too.
    for position, name in enumerate(["School", "Schoolbestuur", "Onderwijsregio"]):
        ScaleLevel.objects.get_or_create(name=name, defaults={"position": position})
    board, _secret = services.start_board(
        name="Werksessie met zestig", facilitator_email="begeleider@example.org"
    )
    levels = list(board.levels.values_list("pk", flat=True))
    functions = ["werven", "matchen", "opleiden", "begeleiden", "professionaliseren"]
    path = f"/schaalniveau/{board.code}/"
    start = threading.Barrier(CLIENTS)
    expected, errors, everyone = {}, [], []
    lock = threading.Lock()

    def workshop(number):
        me = Participant(server)
        everyone.append(me)
        try:
            start.wait(30)
            pace = random.Random(number)
            time.sleep(pace.uniform(0, 1.0))  # not all in the same millisecond
            for round_ in range(2):
                text = f"Activiteit {number}-{round_}"
                response, _body = me.request(
                    "POST",
                    path + "kaartjes/",
                    {
                        "function": functions[(number + round_) % 5],
                        "level": levels[number % len(levels)],
                        "text": text,
                    },
                )
                assert response.status == 302, (response.status, _body[:300])
                card = int(re.search(r"#kaartje-(\d+)$", response.headers["Location"])[1])
                target = levels[(number + round_ + 1) % len(levels)]
                time.sleep(pace.uniform(0.3, 1.0))
                response, _body = me.request(
                    "POST", f"{path}kaartjes/{card}/verplaatsen/", {"level": target}
                )
                assert response.status == 302, response.status
                time.sleep(pace.uniform(0.3, 1.0))
                with lock:
                    expected[card] = (text, target)
        except Exception as error:  # reported below, with every other client's
            errors.append(f"client {number}: {error!r}")

    threads = [threading.Thread(target=workshop, args=(n,)) for n in range(CLIENTS)]
    busy = os.getloadavg()[0] / os.cpu_count()  # other work on the machine, before ours
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    elapsed = time.perf_counter() - began

    assert errors == [], errors[:3]
    cards = {card.pk: (card.text, card.level_id) for card in Card.objects.filter(board=board)}
    assert len(cards) == CLIENTS * 2 == len(expected)
    assert cards == expected  # none lost, none doubled, each where its last move put it
    timings = sorted(t for participant in everyone for t in participant.timings)
    assert len(timings) == CLIENTS * 4
    figure = _report(timings, elapsed)
    p95 = statistics.quantiles(timings, n=20)[-1]
    if p95 >= P95_LIMIT and busy > BUSY:
        # Nothing was lost (asserted above); the time is not this code's when other work
        # keeps the cores several times over busy: say so instead of failing.
        pytest.skip(f"{figure}, with the machine busy ({busy:.1f} processes per core waiting)")
    assert p95 < P95_LIMIT, figure


def _report(timings, elapsed):
    p95 = statistics.quantiles(timings, n=20)[-1]
    figure = (
        f"{len(timings)} actions by {CLIENTS} clients in {elapsed:.1f} s: median "
        f"{statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {timings[-1] * 1000:.0f} ms"
    )
    print(f"\n{figure}")
    return figure
