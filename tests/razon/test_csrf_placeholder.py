"""The page cache's CSRF placeholder (razon/pagecache.py) cannot be guessed: text a visitor
types is never replaced by a token, and an entry rendered by another process still gets each
visitor's own token."""

import os
import re
import subprocess
import sys

import pytest
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from razon import pagecache

pytestmark = pytest.mark.django_db

SEARCH_BOX = re.compile(r'<input type="search" name="zoek" id="id_zoek" value="([^"]*)"')
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')
# The placeholder the page cache used to have, fixed and public.
OLD_PLACEHOLDER = "razon-csrf-token-placeholder"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.RAZON_PAGE_CACHE = True


@pytest.mark.parametrize("typed", [OLD_PLACEHOLDER, f"x {OLD_PLACEHOLDER} y"])
def test_what_a_visitor_types_is_shown_as_typed_from_the_cache_and_without_it(typed):
    for visit in ("rendered", "from the cache"):
        response = Client().get(reverse("search"), {"zoek": typed})
        assert response.status_code == 200
        assert SEARCH_BOX.findall(response.content.decode()) == [typed], visit


def test_an_entry_rendered_by_another_process_gets_each_visitors_own_token(monkeypatch):
    Client().get(reverse("news:list"))  # rendered and stored by this process
    monkeypatch.setattr(pagecache, "CSRF_PLACEHOLDER", "placeholder-of-another-process")
    visitor = Client()

    response = visitor.get(reverse("news:list"))  # served from the cache by "another" one

    (token,) = TOKEN.findall(response.content.decode())
    assert _unmask_cipher_token(token) == visitor.cookies["csrftoken"].value


def test_every_process_chooses_its_own_placeholder():
    code = (
        "import django; django.setup(); "
        "from razon import pagecache; print(pagecache.CSRF_PLACEHOLDER)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "razon.settings", "DEBUG": "1"}

    def placeholder():
        return subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()

    first, second = placeholder(), placeholder()
    assert first != second and len(first) >= 32
