"""The site shell around every page: the Vary header, the styled 404, robots.txt."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_every_response_varies_on_htmx_and_cookie(client, db):
    response = client.get(reverse("home"))

    vary = response.headers["Vary"]
    assert "HX-Request" in vary and "Cookie" in vary


def test_unknown_page_gets_the_styled_404(client, db):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Pagina niet gevonden" in html and 'id="main"' in html


def test_robots_txt_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
