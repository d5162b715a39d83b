"""The cluster of `make cluster` (deploy/cluster.py): nginx in front of two app servers with a
PostgreSQL and Redis of their own. These tests run only when asked for with `-m cluster`
(CI does: `make test PYTEST_ARGS='-m cluster'`); the session starts the cluster unless it is
running, and stops it at the end if it started it."""

import http.client
import itertools
import re
import secrets
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "deploy"))
import cluster as deployment  # noqa: E402

APP_SERVERS = [f"http://{deployment.HOST}:{port}" for port in deployment.APP_PORTS]
PROXY = deployment.ORIGIN


@pytest.fixture(scope="session")
def cluster():
    started = not deployment.running()
    if started:
        subprocess.run([sys.executable, str(ROOT / "deploy" / "cluster.py"), "start"], check=True)
    yield deployment
    if started:
        subprocess.run([sys.executable, str(ROOT / "deploy" / "cluster.py"), "stop"], check=True)


def shell(code):
    """Runs Python in the cluster's Django (its environment file): returns what it prints."""
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=deployment.environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def query(sql, *params):
    import psycopg

    with psycopg.connect(deployment.DATABASE_URL) as connection:
        return connection.execute(sql, params).fetchall()


class Response:
    def __init__(self, response):
        self.status = response.status
        self.headers = response.headers
        self.content = response.read()
        self.text = self.content.decode("utf-8", "replace")

    @property
    def location(self):
        return self.headers.get("Location", "")


# Every browser comes from an address of its own (each run from other ones), so that no rate
# limit counted for another test or an earlier run applies.
_RUN = secrets.randbelow(256)
_visitors = itertools.count(1)


class Browser:
    """A visitor with cookies of its own. `via` is an app server, spoken to directly with the
    headers nginx adds (https, the host, the visitor's address), or the proxy itself over TLS.
    A browser keeps its cookies whichever server it asks: that is what the cluster shares."""

    def __init__(self, address=None):
        self.cookies = {}
        number = next(_visitors)
        self.address = address or f"10.{_RUN}.{number // 256}.{number % 256}"

    def request(self, method, via, path, body=None, headers=None):
        url = urllib.parse.urlsplit(via)
        headers = {**(headers or {})}
        if url.scheme == "https":
            connection = http.client.HTTPSConnection(
                url.hostname, url.port, context=deployment.tls_context(), timeout=60
            )
        else:
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            headers.setdefault("Host", f"{deployment.SERVER_NAME}:{deployment.HTTPS_PORT}")
            headers.setdefault("X-Forwarded-Proto", "https")
            headers.setdefault("X-Forwarded-For", self.address)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = Response(connection.getresponse())
        finally:
            connection.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value in ("", '""') or "max-age=0" in rest.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return response

    def get(self, via, path, **headers):
        return self.request("GET", via, path, headers=headers)

    def post(self, via, path, data, **headers):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf, **data}, doseq=True)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{PROXY}{path}",
            **headers,
        }
        return self.request("POST", via, path, body=body.encode(), headers=headers)

    def post_multipart(self, via, path, fields, files):
        boundary = secrets.token_hex(16)
        parts = []
        for name, value in [*fields, ("csrfmiddlewaretoken", self.csrf)]:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": f"{PROXY}{path}",
        }
        return self.request("POST", via, path, body=b"".join(parts), headers=headers)

    @property
    def csrf(self):
        return self.cookies.get("csrftoken", "")

    def open_form(self, via, path):
        """Opens a form page: the CSRF cookie, and the form's hidden fields (the bot trap's
        start time among them)."""
        response = self.get(via, path)
        assert response.status == 200, (path, response.status)
        return hidden_fields(response.text)


def hidden_fields(html):
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="hidden"' in tag and (name := re.search(r'name="([^"]+)"', tag)):
            value = re.search(r'value="([^"]*)"', tag)
            fields[name.group(1)] = value.group(1) if value else ""
    fields.pop("csrfmiddlewaretoken", None)
    return fields


def staff_login(browser, via, username):
    """Creates a superuser with two-factor authentication (production requires it) and logs
    in through `via` with password and code."""
    from django_otp.oath import totp

    password = secrets.token_urlsafe(16)
    key = shell(
        "from django.contrib.auth import get_user_model; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        f"u, _ = get_user_model().objects.update_or_create(username={username!r}, "
        "defaults={'is_staff': True, 'is_superuser': True}); "
        f"u.set_password({password!r}); u.save(); "
        "TOTPDevice.objects.filter(user=u).delete(); "
        "print(TOTPDevice.objects.create(user=u, name='telefoon', confirmed=True).key)"
    )
    browser.open_form(via, "/admin/login/")
    code = f"{totp(bytes.fromhex(key)):06d}"
    data = {"username": username, "password": password, "otp_token": code, "next": "/admin/"}
    response = browser.post(via, "/admin/login/?next=/admin/", data)
    assert response.status == 302, response.text[:2000]
    return response
