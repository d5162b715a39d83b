"""`make faults`: the cluster of `make cluster` (deploy/cluster.py) under a bounded load while
one thing after another fails, measured against the promises of README "Reliability".

For each fault a few visitors (threads, each with its own cookies and a kept TLS connection
to nginx, as a browser does) ask pages (one with a query string no cache holds), send the
contact form and register for an event, each with a unique address so that what was stored can
be counted afterwards. A few seconds in, the fault is injected; it is lifted after a while,
and the load goes on until the end of the fault's window:

- postgres: the cluster's PostgreSQL stopped (`pg_ctl stop -m fast`) and started again;
- redis: the cluster's Redis stopped and started again (empty: it saves nothing);
- app server: one gunicorn (master and workers) killed with SIGKILL, started again after;
- mail: the mail server (an SMTP server of this script's, which the cluster's mail worker
  sends to for the whole run) replaced by one that accepts connections and never answers.

Then every acknowledged contact message (302 to the thank-you page) and registration (302 to
"check your mail") is looked up in the database, and after the mail fault the script waits
until no mail is owed. It prints a table, writes .cluster/faults.md and .cluster/faults.json,
and exits 1 when a promise is broken (`broken_promises`). The cluster runs with higher rate
limits and no minimum form time (RAZON_*_RATE_LIMIT, RAZON_FORM_MIN_SECONDS=0: the whole load
comes from 127.0.0.1, faster than a person types); afterwards it is started again with its
usual settings if it ran before, and stopped if this script started it.

    python deploy/faults.py [--seconds 20] [--visitors 4] [--only postgres,redis,app,mail]
"""

import argparse
import http.client
import itertools
import json
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster as deployment

ROOT = deployment.ROOT
sys.path.insert(0, str(ROOT))

FAULTS = ("postgres", "redis", "app", "mail")
# What the friendly 503 page (templates/503.html) says; a traceback or a server error page
# never does.
FRIENDLY_503 = "Even niet beschikbaar"
# While the database is away visitors get the friendly page; it must be over within this many
# seconds of its return (README "Reliability").
DATABASE_RECOVERY_SECONDS = 10
# An answer during the mail fault is "fast" when it takes less than this (the mail server's
# timeout is EMAIL_TIMEOUT, 10 s: a request that waited for it would take at least that).
MAIL_FAULT_SLOWEST_SECONDS = 5
# After the mail fault every mail owed must be sent within this many seconds (the worker
# retries failed mail every 60 s).
MAIL_SENT_WITHIN_SECONDS = 120
SETTINGS = {
    "RAZON_CONTACT_RATE_LIMIT": "1000000",
    "RAZON_REGISTRATION_RATE_LIMIT": "1000000",
    "RAZON_FORM_MIN_SECONDS": "0",
    "EMAIL_HOST": deployment.HOST,
    "EMAIL_USE_TLS": "0",
    "EMAIL_TIMEOUT": "10",
}


# -- What one fault's load saw, and the promises ------------------------------------------------


@dataclass
class Answer:
    kind: str  # "page", "miss" (a page with a unique query string), "contact", "registration"
    started: float  # seconds since the fault's window began
    ended: float
    status: int  # 0: no answer (connection failed or timed out)
    friendly: bool = False  # a 503 with the friendly page
    traceback: bool = False  # the body shows a traceback

    @property
    def good(self):
        return self.status in (200, 302)

    @property
    def seconds(self):
        return self.ended - self.started


@dataclass
class Window:
    """One fault's run: its answers, when the fault began and was lifted (seconds since the
    window began), and what was acknowledged and then found stored."""

    fault: str
    answers: list = field(default_factory=list)
    injected: float = 0.0
    injected_by: float | None = None  # when the injection was done (a kill takes a moment)
    lifted: float = 0.0
    acknowledged: dict = field(default_factory=lambda: {"contact": 0, "registration": 0})
    stored: dict = field(default_factory=lambda: {"contact": 0, "registration": 0})
    mail_sent_after: float | None = None  # seconds after the lift until no mail was owed
    mail_owed_at_lift: int | None = None  # mails waiting when the mail server came back

    def statuses(self):
        return Counter(answer.status for answer in self.answers)

    def recovery(self):
        """Seconds from the lift until the last answer that was not good (0 when every answer
        that began after the lift was good): after that, every answer was."""
        late = [a.ended for a in self.answers if not a.good and a.ended > self.lifted]
        return round(max(late) - self.lifted, 1) if late else 0.0

    def during(self):
        return [a for a in self.answers if a.ended >= self.injected and a.started <= self.lifted]


def broken_promises(window):
    """What went wrong in the window, against README "Reliability"; empty when all is well."""
    broken = []
    for kind in ("contact", "registration"):
        lost = window.acknowledged[kind] - window.stored[kind]
        if lost > 0:
            broken.append(f"{lost} acknowledged {kind} lost")
    if any(answer.traceback for answer in window.answers):
        broken.append("a traceback was shown")
    if any(answer.status == 500 for answer in window.answers):
        broken.append("a 500 was answered")
    bad = [answer for answer in window.answers if not answer.good]
    if window.fault == "postgres":
        unfriendly = [a for a in bad if not (a.status == 503 and a.friendly)]
        if unfriendly:
            statuses = sorted(Counter(a.status for a in unfriendly).items())
            broken.append(f"{len(unfriendly)} answers not the friendly 503 page: {statuses}")
        if window.recovery() > DATABASE_RECOVERY_SECONDS:
            broken.append(
                f"recovered {window.recovery()} s after the database returned "
                f"(promised: within {DATABASE_RECOVERY_SECONDS} s)"
            )
    elif window.fault == "app":
        # Only requests in flight when the server died may fail: nginx passes the rest on.
        killed_by = window.injected if window.injected_by is None else window.injected_by
        held = [a for a in bad if a.started <= killed_by and a.ended >= window.injected]
        if len(held) < len(bad):
            broken.append(f"{len(bad) - len(held)} failed answers not in flight at the kill")
    elif bad:  # redis, mail: every page served, every form answered
        statuses = sorted(Counter(a.status for a in bad).items())
        broken.append(f"{len(bad)} answers failed: {statuses}")
    if window.fault == "mail":
        slowest = max((a.seconds for a in window.during()), default=0)
        if slowest >= MAIL_FAULT_SLOWEST_SECONDS:
            broken.append(f"an answer took {slowest:.1f} s while the mail server hung")
        if window.mail_sent_after is None:
            broken.append(f"mail still owed {MAIL_SENT_WITHIN_SECONDS} s after the mail server")
    return broken


def percentile(values, fraction):
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(fraction * 100) - 1]


def row(window):
    statuses = window.statuses()
    seconds = [a.seconds for a in window.answers]
    return {
        "fault": window.fault,
        "requests": len(window.answers),
        "fault_seconds": round(window.lifted - window.injected, 1),
        "statuses": {str(status): count for status, count in sorted(statuses.items())},
        "recovery_seconds": window.recovery(),
        "p95_seconds": round(percentile(seconds, 0.95), 2),
        "slowest_seconds": round(max(seconds, default=0), 2),
        "acknowledged": dict(window.acknowledged),
        "stored": dict(window.stored),
        "mail_sent_after_seconds": window.mail_sent_after,
        "mail_owed_at_lift": window.mail_owed_at_lift,
        "broken": broken_promises(window),
    }


def table(rows):
    """The rows as a Markdown table (printed, and kept in .cluster/faults.md)."""
    lines = [
        "| fault | lasted | requests | answers by status | recovered after | p95 / slowest | "
        "registrations ack / stored | messages ack / stored | promises |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        statuses = ", ".join(
            f"{'no answer' if status == '0' else status}: {count}"
            for status, count in r["statuses"].items()
        )
        mail = r["mail_sent_after_seconds"]
        promises = "; ".join(r["broken"]) or "kept"
        if mail is not None:
            promises += (
                f" ({r['mail_owed_at_lift']} mails waited; all sent {mail:.0f} s after the "
                "mail server answered again)"
            )
        lines.append(
            f"| {r['fault']} | {r['fault_seconds']:.1f} s | {r['requests']} | {statuses} | "
            f"{r['recovery_seconds']:.1f} s | "
            f"{r['p95_seconds']:.2f} / {r['slowest_seconds']:.2f} s | "
            f"{r['acknowledged']['registration']} / {r['stored']['registration']} | "
            f"{r['acknowledged']['contact']} / {r['stored']['contact']} | {promises} |"
        )
    return "\n".join(lines)


# -- The load -----------------------------------------------------------------------------------


HIDDEN_INPUT = re.compile(r"<input[^>]*>")


def hidden_fields(html):
    fields = {}
    for tag in HIDDEN_INPUT.findall(html):
        if 'type="hidden"' in tag and (name := re.search(r'name="([^"]+)"', tag)):
            value = re.search(r'value="([^"]*)"', tag)
            fields[name.group(1)] = value.group(1) if value else ""
    fields.pop("csrfmiddlewaretoken", None)
    return fields


class Visitor:
    """A browser: its cookies and one kept TLS connection to nginx (opened again after an
    error)."""

    def __init__(self):
        self.cookies = {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        """(status, body text); status 0 when no answer came."""
        headers = {"Accept-Encoding": "identity", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            if self.connection is None:
                self.connection = http.client.HTTPSConnection(
                    deployment.SERVER_NAME,
                    deployment.HTTPS_PORT,
                    context=deployment.tls_context(),
                    timeout=30,
                )
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, ""
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        if response.headers.get("Connection", "").lower() == "close":
            self.close()
        return response.status, text

    def close(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = None

    def post(self, path, data):
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{deployment.ORIGIN}{path}",
        }
        return self.request("POST", path, body=body.encode(), headers=headers)


class Load:
    """`visitors` threads asking in turn a page, a page no cache holds, the contact form and
    the registration form, until stopped. Each answer is kept (Answer); each acknowledged
    form's address too, to be looked up in the database."""

    PAGES = ("/", "/agenda/", "/berichten/", "/partnerschappen/")
    KINDS = ("page", "miss", "contact", "registration")

    def __init__(self, run, event_slug, visitors, kinds=KINDS):
        self.run, self.event_slug, self.visitors, self.kinds = run, event_slug, visitors, kinds
        self.numbers = itertools.count()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.answers, self.acknowledged = [], {"contact": [], "registration": []}

    def start(self):
        self.began = time.monotonic()
        self.threads = [
            threading.Thread(target=self.visit, args=(n,), daemon=True)
            for n in range(self.visitors)
        ]
        for thread in self.threads:
            thread.start()

    def stop(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def now(self):
        return time.monotonic() - self.began

    def ask(self, kind, method, visitor, path, data=None):
        started = self.now()
        if method == "GET":
            status, text = visitor.request("GET", path)
        else:
            status, text = visitor.post(path, data)
        answer = Answer(
            kind,
            started,
            self.now(),
            status,
            friendly=status == 503 and FRIENDLY_503 in text,
            traceback="Traceback" in text,
        )
        with self.lock:
            self.answers.append(answer)
        return answer, text

    def visit(self, thread):
        visitor = Visitor()
        for step in itertools.count(thread):
            if self.stopping.is_set():
                break
            number = next(self.numbers)
            kind = self.kinds[step % len(self.kinds)]
            if kind == "page":
                self.ask(kind, "GET", visitor, self.PAGES[number % len(self.PAGES)])
            elif kind == "miss":
                self.ask(kind, "GET", visitor, f"/agenda/?zoek={self.run}{number}")
            else:
                self.send_form(kind, visitor, number)
        visitor.close()

    def send_form(self, kind, visitor, number):
        """Opens the form (a page answer) and sends it, as a browser does."""
        email = f"{kind}{number}@{self.run}.example"
        if kind == "contact":
            path = "/contact/"
            data = {
                "name": "Anna de Vries",
                "email": email,
                "organization": "Stichting Voorbeeld",
                "topic": "vraag",
                "message": f"Hoe kan ons bestuur aansluiten bij RA-ZON? (vraag {number})",
                "page": "/",
                "website": "",
            }
        else:
            path = f"/agenda/{self.event_slug}/aanmelden/"
            data = {
                "name": "Bram Jansen",
                "email": email,
                "organization": "Stichting Voorbeeld",
                "role": "Schoolopleider",
                "question": "",
                "website": "",
            }
        form, text = self.ask("page", "GET", visitor, path)
        if form.status != 200:
            return
        answer, _ = self.ask(kind, "POST", visitor, path, {**data, **hidden_fields(text)})
        if answer.status == 302:
            with self.lock:
                self.acknowledged[kind].append(email)


# -- The cluster's side -------------------------------------------------------------------------


def query(sql, *params):
    import psycopg

    with psycopg.connect(deployment.DATABASE_URL, connect_timeout=5) as connection:
        return connection.execute(sql, params).fetchall()


def stored(emails, table_name):
    if not emails:
        return 0
    rows = query(f"SELECT count(*) FROM {table_name} WHERE email = ANY(%s)", list(emails))
    return rows[0][0]


def shell(code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=deployment.environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip()


def health():
    """nginx's /healthz as JSON, or None."""
    visitor = Visitor()
    try:
        status, text = visitor.request("GET", "/healthz")
        return json.loads(text) if status in (200, 503) else None
    except ValueError:
        return None
    finally:
        visitor.close()


class MailServer:
    """The mail server of the run, on one port: a real one (aiosmtpd, counting what it
    receives) or, while the mail fault lasts, one that accepts and never answers."""

    def __init__(self, port):
        from tests.smtp import start_server

        self.port, self.start_server = port, start_server
        self.received = 0
        self.controller, self.inbox = start_server(port)
        self.hanging = None

    def hang(self):
        from tests.smtp import HangingServer

        self.received += len(self.inbox.messages)
        self.controller.stop()
        self.hanging = HangingServer(self.port)

    def answer(self):
        self.hanging.stop()
        self.hanging = None
        self.controller, self.inbox = self.start_server(self.port)

    def stop(self):
        if self.hanging:
            self.hanging.stop()
        else:
            self.controller.stop()

    def count(self):
        return self.received + (0 if self.hanging else len(self.inbox.messages))


def wait_until(check, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.5)
    return False


def mail_owed():
    state = health()
    return None if state is None else state.get("mail_waiting")


# Each fault: (inject, lift); the lift returns when the thing is back.
def inject_postgres():
    deployment.stop_postgres()


def lift_postgres():
    deployment.start_postgres()


def inject_redis():
    deployment.stop_redis()


def lift_redis():
    deployment.start_redis()


APP = f"app-{deployment.APP_PORTS[0]}"


def inject_app():
    deployment.kill_service(APP)


def lift_app():
    deployment.start_service(APP)
    port = deployment.APP_PORTS[0]
    deployment.wait_for(lambda: deployment.app_healthy(port), f"The app server on {port}")


def run_fault(fault, *, seconds, visitors, event_slug, mail_server=None, kinds=Load.KINDS):
    """One fault's window: load from the start, the fault injected after a fifth of it and
    lifted after half of it; the load stops at the end (or as soon as the thing is back, when
    its return took longer)."""
    run = f"{fault}-{secrets.token_hex(3)}"
    load = Load(run, event_slug, visitors, kinds)
    window = Window(fault)
    inject, lift = {
        "postgres": (inject_postgres, lift_postgres),
        "redis": (inject_redis, lift_redis),
        "app": (inject_app, lift_app),
        "mail": (mail_server and mail_server.hang, mail_server and mail_server.answer),
    }[fault]
    load.start()
    time.sleep(seconds * 0.2)
    window.injected = load.now()
    inject()
    window.injected_by = load.now()
    time.sleep(max(0.0, seconds * 0.5 - load.now()))
    if fault == "mail":
        window.mail_owed_at_lift = mail_owed()
    lift()
    window.lifted, lifted_at = load.now(), time.monotonic()
    time.sleep(max(seconds - load.now(), seconds * 0.3))
    load.stop()
    window.answers = load.answers
    window.acknowledged = {kind: len(emails) for kind, emails in load.acknowledged.items()}
    window.stored = {
        "contact": stored(load.acknowledged["contact"], "contact_contactmessage"),
        "registration": stored(load.acknowledged["registration"], "events_registration"),
    }
    if fault == "mail" and wait_until(lambda: mail_owed() == 0, MAIL_SENT_WITHIN_SECONDS):
        window.mail_sent_after = round(time.monotonic() - lifted_at)
    return window


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20, help="each fault's window")
    parser.add_argument("--visitors", type=int, default=4, help="threads of load")
    parser.add_argument("--only", default=",".join(FAULTS), help="faults to run, in order")
    args = parser.parse_args(argv)
    faults = [name for name in args.only.split(",") if name]
    unknown = set(faults) - set(FAULTS)
    if unknown:
        parser.error(f"unknown faults: {', '.join(sorted(unknown))} (known: {FAULTS})")

    from tests.smtp import free_port

    was_running = deployment.running()
    port = free_port()
    mail_server = MailServer(port)
    windows = []
    try:
        deployment.start({**SETTINGS, "EMAIL_PORT": str(port)})
        event_slug = f"storingen-{secrets.token_hex(3)}"
        shell(
            "from tests import factories; "
            f"factories.event(slug={event_slug!r}, title='Storingen {event_slug[-6:]}', "
            "registration_enabled=True, capacity=1000000)"
        )
        for fault in faults:
            print(f"{fault}: {args.seconds:.0f} s of load with {args.visitors} visitors ...")
            window = run_fault(
                fault,
                seconds=args.seconds,
                visitors=args.visitors,
                event_slug=event_slug,
                mail_server=mail_server,
            )
            windows.append(window)
            if not deployment.running():  # the next fault starts from a whole cluster
                deployment.wait_for(deployment.running, "The cluster", seconds=30)
    finally:
        # The cluster as it was: its usual settings and mail, or stopped.
        if was_running:
            deployment.start()
        else:
            deployment.stop()
        mail_server.stop()

    rows = [row(window) for window in windows]
    text = table(rows)
    print(text)
    (deployment.HOME / "faults.md").write_text(text + "\n")
    (deployment.HOME / "faults.json").write_text(
        json.dumps(
            {
                "seconds": args.seconds,
                "visitors": args.visitors,
                "mails_received": mail_server.count(),
                "rows": rows,
                "answers": {w.fault: [asdict(a) for a in w.answers] for w in windows},
            },
            indent=1,
        )
    )
    broken = [r for r in rows if r["broken"]]
    print(
        f"{len(rows) - len(broken)} of {len(rows)} faults kept every promise; "
        f"{mail_server.count()} mails received. Results in {deployment.HOME / 'faults.md'}."
    )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
