"""Where a login lands: the page it was asked for when that is on this site, the admin's
start page otherwise (never the 404 of Django's default `/accounts/profile/`)."""

import pytest
from django.urls import reverse

from tests.conftest import ROLE_PASSWORD

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")


def log_in(client, **extra):
    return client.post(LOGIN, {"username": "redacteur", "password": ROLE_PASSWORD, **extra})


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/admin/", "javascript:alert(1)", "", None],
    ids=["other-site", "scheme-relative", "javascript", "empty", "absent"],
)
def test_a_login_without_a_safe_next_lands_on_the_admin_start_page(client, editor, next_url):
    extra = {} if next_url is None else {"next": next_url}

    response = log_in(client, **extra)

    assert response.status_code == 302
    assert response.url == reverse("admin:index")
    assert client.get(response.url).status_code == 200


def test_a_login_with_a_next_on_this_site_lands_there(client, editor):
    page = reverse("admin:news_post_changelist")

    response = log_in(client, next=page)

    assert response.status_code == 302 and response.url == page
