"""The site with `make run`'s settings, in processes of its own on a SQLite file: for the tests
that need real concurrency (several server processes and threads, mail workers beside them),
which the in-memory test database cannot show. `sqlite_site` gives each test a migrated copy."""

import http.cookiejar
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parent.parent


class SqliteSite:
    """Runs manage.py commands on one SQLite file with development settings, as `make run`
    does, with the bot trap's minimum time off and the rate limits raised."""

    def __init__(self, database, folder):
        self.database = database
        self.folder = folder
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "razon.settings",
            "DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{database}",
            "REDIS_URL": "",
            "EMAIL_HOST": "",
            "MEDIA_ROOT": str(folder / "media"),
            "RAZON_FORM_MIN_SECONDS": "0",
            "RAZON_CONTACT_RATE_LIMIT": "10000",
            "RAZON_REGISTRATION_RATE_LIMIT": "10000",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.processes = []

    def manage(self, *args):
        """Runs a command to its end; returns its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def create_event(self, **fields):
        """An event open for registration (tests/factories.py); returns its slug."""
        code = (
            "from tests import factories; "
            f"print(factories.event(registration_enabled=True, **{fields!r}).slug)"
        )
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def confirm_paths(self, slug):
        """The confirmation link of every registration for the event, as its mail has it."""
        code = (
            "from events.models import Registration; from events.services import confirm_token; "
            "from django.urls import reverse; "
            f"[print(reverse('events:confirm', args=[confirm_token(r)])) "
            f"for r in Registration.objects.filter(event__slug={slug!r})]"
        )
        return self.manage("shell", "--no-imports", "-c", code).split()

    def start(self, *args, program=("manage.py",)):
        """Starts a long-running command; its output goes to a log file beside the database."""
        log = open(self.folder / f"{args[0]}-{len(self.processes)}.log", "w+")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, *program, *args],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log = log
        self.processes.append(process)
        return process

    def start_server(self, workers=2, threads=24):
        """gunicorn on a free port (runserver's listen queue holds only 10 connections, too
        few for a crowd); returns its address once it answers."""
        port = free_port()
        process = self.start(
            "razon.wsgi",
            f"--workers={workers}",
            f"--threads={threads}",
            f"--bind=127.0.0.1:{port}",
            "--no-control-socket",
            program=("-m", "gunicorn"),
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, self.output(process)
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=5):
                    return url
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not answer:\n{self.output(process)}")

    def query(self, sql, *params):
        with sqlite3.connect(self.database, timeout=30) as connection:
            return connection.execute(sql, params).fetchall()

    def errors(self):
        """The lines naming an error in the output of every process started."""
        lines = (line for process in self.processes for line in self.output(process).splitlines())
        return "\n".join(line for line in lines if "Error" in line)

    @staticmethod
    def output(process):
        process.log.flush()
        process.log.seek(0)
        return process.log.read()

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.log.close()


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
        found = {
            name: re.search(rf'name="{name}" value="([^"]+)"', page)
            for name in ("csrfmiddlewaretoken", "started")  # a form without a bot trap: no start
        }
        self.hidden = {name: match.group(1) for name, match in found.items() if match}

    def send(self, data):
        request = urllib.request.Request(
            self.url, data=urllib.parse.urlencode({**data, **self.hidden}).encode()
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def send_at_once(sends):
    """Sends each (visitor, data) in a thread of its own, all released at the same moment;
    returns the statuses in order."""
    everyone_ready = threading.Barrier(len(sends))

    def send(visitor_and_data):
        visitor, data = visitor_and_data
        everyone_ready.wait()
        return visitor.send(data)

    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        return list(pool.map(send, sends))


@pytest.fixture(scope="session")
def migrated_sqlite_file(tmp_path_factory):
    """A SQLite file with every migration applied, made once per test session."""
    folder = tmp_path_factory.mktemp("sqlite-site")
    SqliteSite(folder / "migrated.sqlite3", folder).manage("migrate", "--no-input")
    return folder / "migrated.sqlite3"


@pytest.fixture
def sqlite_site(migrated_sqlite_file, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_sqlite_file, database)
    site = SqliteSite(database, tmp_path)
    yield site
    site.stop()
