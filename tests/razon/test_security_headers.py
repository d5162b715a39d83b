import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get(reverse("home"))

    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_htmx_is_served_from_our_own_static_files(client):
    html = client.get(reverse("home")).content.decode()

    assert '<script src="/static/vendor/htmx-2.0.11.min.js" defer>' in html
    assert "unpkg" not in html and "cdn" not in html.lower()
    # htmx must not inject an inline style that the CSP would block.
    assert '"includeIndicatorStyles": false' in html
