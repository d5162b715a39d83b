"""One log line per request (razon/observe.py): its fields, the request id in the response,
slow requests as warnings, the page cache's hit or miss, and no secrets from mailed links."""

import logging
import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def request_lines(caplog):
    return [record for record in caplog.records if record.name == "razon.requests"]


def fields(record):
    return dict(re.findall(r"(\w+)=(\S+)", record.getMessage()))


def test_each_request_logs_one_line_with_its_fields(client, caplog):
    factories.post(title="Een bericht")

    with caplog.at_level(logging.INFO, logger="razon.requests"):
        response = client.get(reverse("news:list"), {"zoek": "geheim woord"})

    [record] = request_lines(caplog)
    line = fields(record)
    assert record.levelno == logging.INFO
    assert line["method"] == "GET"
    assert line["path"] == reverse("news:list")  # never the query string
    assert "geheim" not in record.getMessage()
    assert line["status"] == "200"
    assert float(line["duration_ms"]) >= 0
    assert int(line["queries"]) >= 1
    assert line["cache"] == "-"  # the page cache is off in tests
    assert line["request_id"] == response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])


def test_the_query_count_is_the_number_of_queries_run(client, caplog, django_assert_num_queries):
    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get(reverse("healthz"))
    [record] = request_lines(caplog)
    # healthz asks the database once, and each outbox for its waiting mail.
    with django_assert_num_queries(int(fields(record)["queries"])):
        client.get(reverse("healthz"))


def test_a_well_formed_request_id_is_passed_through(client, caplog):
    with caplog.at_level(logging.INFO, logger="razon.requests"):
        response = client.get(reverse("home"), HTTP_X_REQUEST_ID="proxy-1234-abcd")

    assert response["X-Request-ID"] == "proxy-1234-abcd"
    assert fields(request_lines(caplog)[0])["request_id"] == "proxy-1234-abcd"


@pytest.mark.parametrize("bad", ["short", "a b c d e f g h", "x" * 200, "abcdefgh\nforged=1"])
def test_a_malformed_request_id_is_replaced(client, caplog, bad):
    with caplog.at_level(logging.INFO, logger="razon.requests"):
        response = client.get(reverse("home"), HTTP_X_REQUEST_ID=bad)

    assert response["X-Request-ID"] != bad
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert "forged" not in request_lines(caplog)[0].getMessage()


def test_a_slow_request_is_a_warning(client, caplog, settings):
    settings.RAZON_SLOW_REQUEST_MS = -1  # every request is slower than that

    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get(reverse("home"))

    [record] = request_lines(caplog)
    assert record.levelno == logging.WARNING
    assert "slow=1" in record.getMessage()


def test_a_fast_request_is_not(client, caplog, settings):
    settings.RAZON_SLOW_REQUEST_MS = 60_000

    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get(reverse("home"))

    [record] = request_lines(caplog)
    assert record.levelno == logging.INFO
    assert "slow" not in record.getMessage()


def test_the_line_says_whether_the_page_cache_served_it(client, caplog, settings):
    settings.RAZON_PAGE_CACHE = True
    factories.post(title="Een bericht")

    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get(reverse("news:list"))
        client.get(reverse("news:list"))
        client.get(reverse("news:list"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")

    assert [fields(record)["cache"] for record in request_lines(caplog)] == ["miss", "hit", "miss"]
    queries = [int(fields(record)["queries"]) for record in request_lines(caplog)]
    assert queries[1] < queries[0]


def test_error_statuses_are_logged(client, caplog):
    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get("/bestaat-niet/")

    assert fields(request_lines(caplog)[0])["status"] == "404"


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/agenda/afmelden/Zk3-geheim_token/", "/agenda/afmelden/…/"),
        ("/agenda/bevestigen/Zk3-geheim_token/", "/agenda/bevestigen/…/"),
        ("/admin/wachtwoord-vergeten/MQ/geheim-token/", "/admin/wachtwoord-vergeten/…/"),
        ("/admin/wachtwoord-vergeten/verstuurd/", "/admin/wachtwoord-vergeten/verstuurd/"),
    ],
)
def test_secrets_in_mailed_links_are_not_logged(client, caplog, path, logged):
    with caplog.at_level(logging.INFO, logger="razon.requests"):
        client.get(path)

    message = request_lines(caplog)[0].getMessage()
    assert fields(request_lines(caplog)[0])["path"] == logged
    assert "geheim" not in message
