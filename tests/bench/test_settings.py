"""The benchmark stays out of the product: the product's settings and URLs hold nothing of it,
and bench.settings adds its app, the baseline view and the query-count header on top of them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from bench import settings as bench_settings

ROOT = Path(__file__).resolve().parents[2]
HEADER = "X-Bench-Queries"


def test_the_product_routes_no_baseline(client, db):
    with pytest.raises(Resolver404):
        resolve("/bench/baseline/")
    with pytest.raises(NoReverseMatch):
        reverse("bench_baseline")
    assert client.get("/bench/baseline/").status_code == 404


def test_the_product_sends_no_query_count_header(client, demo):
    response = client.get("/berichten/")

    assert response.status_code == 200
    assert HEADER not in response.headers


def test_the_product_installs_nothing_of_the_benchmark():
    assert "bench" not in settings.INSTALLED_APPS
    assert not [name for name in settings.MIDDLEWARE if name.startswith("bench.")]
    assert settings.ROOT_URLCONF == "razon.urls"
    assert "load_bench_data" not in get_commands()


def test_bench_settings_extend_the_products_settings_and_urls():
    # The product's lists, unchanged, with the benchmark's additions.
    assert bench_settings.INSTALLED_APPS[:-1] == settings.INSTALLED_APPS
    assert bench_settings.INSTALLED_APPS[-1] == "bench"
    assert bench_settings.MIDDLEWARE[1:] == settings.MIDDLEWARE
    assert bench_settings.MIDDLEWARE[0] == "bench.middleware.QueryCountMiddleware"
    assert bench_settings.ROOT_URLCONF == "bench.urls"
    assert resolve("/bench/baseline/", urlconf="bench.urls").url_name == "bench_baseline"
    assert resolve("/berichten/", urlconf="bench.urls").url_name == "list"


def test_the_query_count_header_counts_every_query_of_a_response(client, demo, settings):
    settings.MIDDLEWARE = bench_settings.MIDDLEWARE
    settings.ROOT_URLCONF = bench_settings.ROOT_URLCONF

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/berichten/")

    assert response.status_code == 200
    assert len(queries) > 0
    assert response.headers[HEADER] == str(len(queries))


CHECK_UNDER_BENCH_SETTINGS = """
import json
import django
from django.core.management import call_command, get_commands
from django.test import Client

django.setup()
call_command("check", fail_level="WARNING")
response = Client(SERVER_NAME="localhost").get("/bench/baseline/")
print(json.dumps({
    "status": response.status_code,
    "queries": response.headers.get("X-Bench-Queries"),
    "body": response.content.decode(),
    "commands": "load_bench_data" in get_commands(),
}))
"""


def test_under_bench_settings_the_baseline_answers_with_the_query_count():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "-c", CHECK_UNDER_BENCH_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(result.stdout.strip().splitlines()[-1])

    assert answer["status"] == 200
    assert "A small template rendered by a bare view." in answer["body"]
    assert answer["queries"].isdigit()
    assert answer["commands"]
