"""The page cache across processes: gunicorn with two workers on a SQLite file and no Redis,
so each worker has a cache of its own in local memory. A change saved by another process
(here `manage.py shell`, as an editor's save in the other worker) shows in both at once."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def site(tmp_path):
    """Runs manage.py and gunicorn on one SQLite file, with the page cache on and no Redis."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "razon.settings",
        "DEBUG": "1",  # plain static files; the cache and page cache are production's
        "RAZON_PAGE_CACHE": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("migrate", "--no-input")
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w+")  # noqa: SIM115
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "gunicorn", "razon.wsgi", "--workers=2"),
            *(f"--bind=127.0.0.1:{port}", "--no-control-socket"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        assert server.poll() is None and time.monotonic() < deadline, log.read()
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield manage, url
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=15)
    log.close()


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def test_a_title_saved_by_another_process_shows_in_every_worker_at_once(site):
    manage, url = site
    manage(
        "shell",
        "--no-imports",
        "-c",
        "from tests import factories; factories.post(title='Oude titel')",
    )
    # Enough visits for both workers to cache the overview.
    pages = [_get(f"{url}/berichten/") for _ in range(12)]
    assert all("Oude titel" in page for page in pages)

    manage(
        "shell",
        "--no-imports",
        "-c",
        "from news.models import Post; post = Post.objects.get(); "
        "post.title = 'Nieuwe titel'; post.save()",
    )

    pages = [_get(f"{url}/berichten/") for _ in range(12)]
    assert all("Nieuwe titel" in page and "Oude titel" not in page for page in pages)
