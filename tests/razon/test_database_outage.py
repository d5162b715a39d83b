"""The database down: visitors get a friendly 503 page (never a traceback, never a 500), a form
that was sent says it did not arrive, and the site recovers by itself once the database is
back (razon/observe.py, CONN_HEALTH_CHECKS)."""

import contextlib
import logging
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from contact.models import ContactMessage
from tests import factories
from tests.contact.conftest import valid_data as contact_data
from tests.events.conftest import valid_data as registration_data
from tests.smtp import free_port

pytestmark = pytest.mark.django_db


def refuse(execute, sql, params, many, context):
    # The test's own transaction (savepoints around each atomic block) keeps working.
    if sql.split(" ", 1)[0] in ("SAVEPOINT", "ROLLBACK", "RELEASE"):
        return execute(sql, params, many, context)
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")


@contextlib.contextmanager
def database_down():
    """Every query fails as it does while the database cannot be reached."""
    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture(autouse=True)
def quiet_form_timer(settings):
    settings.RAZON_FORM_MIN_SECONDS = 0


def assert_friendly_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-cache" in response["Cache-Control"]
    page = response.content.decode()
    assert "Traceback" not in page and "OperationalError" not in page
    return page


def test_a_page_gets_the_friendly_503_and_200_once_the_database_is_back(client, caplog):
    factories.post(title="Een bericht")

    with database_down(), caplog.at_level(logging.ERROR):
        response = client.get(reverse("news:list"))

    page = assert_friendly_503(response)
    assert "Even niet beschikbaar" in page
    assert "Probeer het over een minuut opnieuw" in page
    for name in ("home", "events:list", "news:list", "partnerships:list"):
        assert f'href="{reverse(name)}"' in page
    assert "info@ra-zon.nl" in page
    assert any("Database unavailable" in record.getMessage() for record in caplog.records)

    after = client.get(reverse("news:list"))
    assert after.status_code == 200
    assert "Een bericht" in after.content.decode()


def test_the_page_is_in_english_for_who_chose_english(client):
    client.cookies["django_language"] = "en"

    with database_down():
        response = client.get(reverse("news:list"))

    assert "Temporarily unavailable" in assert_friendly_503(response)


def test_an_htmx_fragment_gets_a_message_for_the_top_of_its_region(client):
    with database_down():
        response = client.get(
            reverse("news:list"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
        )

    fragment = assert_friendly_503(response)
    assert response["HX-Reswap"] == "afterbegin"
    assert fragment.strip().startswith('<div class="form-errors" role="alert"')
    assert "<html" not in fragment


@pytest.mark.django_db(transaction=True)  # a failed insert breaks the test's transaction
def test_a_form_post_says_it_was_not_sent_and_that_back_keeps_the_form(client):
    with database_down():
        response = client.post(reverse("contact:form"), contact_data())

    page = assert_friendly_503(response)
    assert "Wat je verstuurde is niet aangekomen" in page
    assert "terugknop van je browser" in page
    assert ContactMessage.objects.count() == 0

    after = client.post(reverse("contact:form"), contact_data())
    assert after.status_code == 302
    assert ContactMessage.objects.count() == 1


def test_an_htmx_form_post_keeps_the_form_and_says_it_was_not_sent(client):
    with database_down():
        response = client.post(
            reverse("contact:form"), contact_data(), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="x"
        )

    fragment = assert_friendly_503(response)
    assert response["HX-Reswap"] == "afterbegin"
    assert "Wat je verstuurde is niet aangekomen" in fragment


@pytest.mark.django_db(transaction=True)  # a failed insert breaks the test's transaction
def test_a_registration_post_is_answered_503(client):
    event = factories.event(registration_enabled=True, capacity=10)
    with database_down():
        response = client.post(reverse("events:register", args=[event.slug]), registration_data())

    assert "Wat je verstuurde is niet aangekomen" in assert_friendly_503(response)


def test_a_failure_in_a_middleware_gets_the_503_page_too(superuser):
    """Staff have a session: reading it (before any view) is what fails."""
    client = Client(raise_request_exception=False)
    client.force_login(superuser)

    with database_down():
        response = client.get("/admin/")

    assert "Even niet beschikbaar" in assert_friendly_503(response)


def test_any_other_error_is_still_a_500(client):
    client = Client(raise_request_exception=False)

    def broken(*args):
        raise ValueError("a bug")

    with connection.execute_wrapper(lambda *args: broken()):
        response = client.get(reverse("news:list"))

    assert response.status_code == 500


def test_the_htmx_configuration_swaps_the_503_message(client):
    """htmx swaps 4xx/5xx answers into nothing unless told: 503 is swapped (razon.js)."""
    assert '{"code": "503", "swap": true}' in client.get(reverse("home")).content.decode()


# A real outage on PostgreSQL, through Django's WSGI handler (which closes a connection that
# failed or is unusable at the start and end of each request, as in production).


def wsgi_get(path):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(WSGIHandler()(environ, lambda status, headers: statuses.append(status)))
    return int(statuses[0].split()[0]), body.decode()


def terminate_other_connections():
    """What a restart of the database server does to the site's open connections."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"],
        autocommit=True,
    ) as other:
        other.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a server to stop: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_postgresql_down_and_back_without_a_restart(settings):
    factories.post(title="Een bericht")
    assert connection.settings_dict["CONN_MAX_AGE"] > 0  # a connection is kept between requests
    assert connection.settings_dict["CONN_HEALTH_CHECKS"]
    assert wsgi_get(reverse("news:list"))[0] == 200

    # A restart of the database server breaks the kept connection: the next request notices
    # (the health check) and connects anew.
    terminate_other_connections()
    status, page = wsgi_get(reverse("news:list"))
    assert status == 200 and "Een bericht" in page

    # Down: nothing answers where the database was.
    port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = str(free_port())
    try:
        connection.close()
        status, page = wsgi_get(reverse("news:list"))
        assert status == 503 and "Even niet beschikbaar" in page
        assert wsgi_get(reverse("healthz"))[0] == 503
    finally:
        connection.settings_dict["PORT"] = port

    # Back: the very next request is served, nothing restarted.
    status, page = wsgi_get(reverse("news:list"))
    assert status == 200 and "Een bericht" in page
