"""deploy/render.py: the production files come out complete and valid (these run in every
test run; the cluster tests, which start servers, only with -m cluster)."""

import re
import secrets
import subprocess
import sys

import render

from tests.cluster.conftest import ROOT


def test_every_file_renders_for_production_without_a_placeholder_left(tmp_path):
    written = render.render(tmp_path, render.production_values("portal.ra-zon.nl"))
    assert {path.relative_to(tmp_path).as_posix() for path in written} >= {
        "nginx/razon.conf",
        "razon.env",
        "systemd/razon-app@.service",
        "systemd/razon-mail.service",
        "systemd/razon-hourly.timer",
        "systemd/razon-daily.timer",
    }
    for path in written:
        assert not re.search(r"@[A-Z_]+@", path.read_text()), path
    site = (tmp_path / "nginx" / "razon.conf").read_text()
    assert "server 127.0.0.1:8001 max_fails" in site and "server 127.0.0.1:8002 max_fails" in site
    assert "listen [::]:443 ssl http2;" in site
    assert "server_name portal.ra-zon.nl;" in site
    assert "/etc/letsencrypt/live/portal.ra-zon.nl/fullchain.pem" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    # The app's 503 (the database away) is the visitor's answer: never passed on to the other
    # server nor counted against both (max_fails), which would answer nginx's 502 instead.
    assert "proxy_next_upstream error timeout;" in site
    unit = (tmp_path / "systemd" / "razon-app@.service").read_text()
    assert (
        "ExecStart=/srv/razon/.venv/bin/gunicorn --config /srv/razon/deploy/gunicorn.conf.py"
        in unit
    )


def test_the_production_environment_file_passes_the_deployment_checklist(tmp_path):
    render.render(tmp_path, render.production_values("portal.ra-zon.nl"))
    env = {"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"}
    for line in (tmp_path / "razon.env").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value.strip('"')
    assert env["DEBUG"] == "0" and env["TRUSTED_PROXY_COUNT"] == "1"
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # the file has a placeholder to replace
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
