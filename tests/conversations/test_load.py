"""A workshop of 60 at once, on PostgreSQL: 60 clients (threads) each join the board, then
all start together, each adding two cards and moving each of them (240 actions); no card
is lost, every card ends where its last move put it, and the 95th percentile of the time an
action takes, seen by its client, stays under 300 ms.

The server is the app in this process behind a bounded pool of 16 threads (production runs
2 gunicorn workers of 8 threads, deploy/gunicorn.conf.py), on 127.0.0.1, each thread with its
own database connection, as an app server holds them. Adding is the plain form (answered
with a redirect that names the new card), moving is htmx (answered with the board's grid):
both paths a participant takes. SQLite takes one writer at a time by design, so the test is
skipped there; the figure goes in the README ("Schaalniveau-gesprek")."""

import http.client
import queue
import re
import statistics
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIServer
from django.db import connection, connections
from django.test.testcases import QuietWSGIRequestHandler

from conversations import services
from conversations.models import Card

CLIENTS = 60
SERVER_THREADS = 16
P95_LIMIT = 0.300


class PooledServer(WSGIServer):
    """A WSGI server whose connections are handled by a fixed pool of threads (a queue in
    front of them), each closing its database connection when the server stops."""

    def __init__(self, threads):
        super().__init__(("127.0.0.1", 0), QuietWSGIRequestHandler, allow_reuse_address=True)
        self.set_app(WSGIHandler())
        self.waiting = queue.Queue()
        self.pool = [threading.Thread(target=self._work, daemon=True) for _ in range(threads)]
        for thread in self.pool:
            thread.start()

    def process_request(self, request, client_address):
        self.waiting.put((request, client_address))

    def _work(self):
        while (item := self.waiting.get()) is not None:
            request, address = item
            try:
                self.finish_request(request, address)
            except Exception:
                self.handle_error(request, address)
            finally:
                self.shutdown_request(request)
        connections.close_all()

    def stop(self):
        self.shutdown()
        for _thread in self.pool:
            self.waiting.put(None)
        for thread in self.pool:
            thread.join(10)
        self.server_close()


@pytest.fixture
def server(transactional_db, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the workshop load test needs PostgreSQL (SQLite writes one at a time)")
    # 60 participants behind one address: the per-client limit must not count them as one.
    settings.RAZON_CONVERSATION_CLIENT_LIMIT = 100_000
    settings.DEBUG = False
    server = PooledServer(SERVER_THREADS)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server.server_address[1]
    server.stop()
    thread.join(10)


class Participant:
    """One browser: its cookies, a new connection per request (as under a proxy)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
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


def test_sixty_participants_add_and_move_cards_at_once_and_none_is_lost(server):
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
            response, _body = me.request("GET", path, timed=False)  # joining: not an action
            assert response.status == 200, response.status
            start.wait(30)
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
                response, body = me.request(
                    "POST",
                    f"{path}kaartjes/{card}/verplaatsen/",
                    {"level": target},
                    headers={"HX-Request": "true", "HX-Target": "grid"},
                )
                assert response.status == 200 and f"kaartje-{card}".encode() in body
                with lock:
                    expected[card] = (text, target)
        except Exception as error:  # reported below, with every other client's
            errors.append(f"client {number}: {error!r}")

    threads = [threading.Thread(target=workshop, args=(n,)) for n in range(CLIENTS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    elapsed = time.perf_counter() - began

    assert errors == []
    cards = {card.pk: (card.text, card.level_id) for card in Card.objects.filter(board=board)}
    assert len(cards) == CLIENTS * 2 == len(expected)
    assert cards == expected  # none lost, none doubled, each where its last move put it
    timings = sorted(t for participant in everyone for t in participant.timings)
    assert len(timings) == CLIENTS * 4
    p95 = statistics.quantiles(timings, n=20)[-1]
    print(
        f"\n{len(timings)} actions by {CLIENTS} clients in {elapsed:.1f} s: median "
        f"{statistics.median(timings) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {timings[-1] * 1000:.0f} ms"
    )
    assert p95 < P95_LIMIT
