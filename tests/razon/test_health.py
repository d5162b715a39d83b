from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_answers_200_when_the_database_answers(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_health_answers_503_when_the_database_does_not(client):
    with mock.patch("razon.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"
