"""200 visitors sending at once: every message is stored exactly once (PostgreSQL)."""

import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from contact.models import ContactMessage
from tests.contact.conftest import valid_data

pytestmark = pytest.mark.django_db(transaction=True)


def post(url, data, csrf_token, headers=None):
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(data).encode(),
        headers={
            "Cookie": f"csrftoken={csrf_token}",
            "X-CSRFToken": csrf_token,
            "Referer": url,
            **(headers or {}),
        },
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_200_concurrent_submissions_store_exactly_200_messages(live_server, settings):
    if connection.vendor != "postgresql":
        pytest.skip("the concurrency test needs PostgreSQL (CI runs it there)")
    url = live_server.url + "/contact/"
    with urllib.request.urlopen(url) as response:
        cookie = response.headers["Set-Cookie"]
    csrf_token = re.search(r"csrftoken=([^;]+)", cookie).group(1)

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(
            pool.map(
                lambda n: post(url, valid_data(message=f"Bericht {n}"), csrf_token), range(200)
            )
        )

    assert statuses == [302] * 200
    assert ContactMessage.objects.count() == 200
    assert set(ContactMessage.objects.values_list("message", flat=True)) == {
        f"Bericht {n}" for n in range(200)
    }

    # The limit then holds for this client (127.0.0.1 sent 200), and only for this client.
    settings.RAZON_CONTACT_RATE_LIMIT = 200
    assert post(url, valid_data(), csrf_token) == 429
    settings.TRUSTED_PROXY_COUNT = 1  # as behind a proxy that names the client
    assert post(url, valid_data(), csrf_token, {"X-Forwarded-For": "198.51.100.7"}) == 302
    assert post(url, valid_data(), csrf_token, {"X-Forwarded-For": "127.0.0.1"}) == 429
