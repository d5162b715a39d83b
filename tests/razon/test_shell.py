"""The site shell of #22: the footer with the secretariat's details (one source, also on the
contact page and in the toegankelijkheidsverklaring), the 404 and 500 pages with a search box
and the main links, and the notice on English pages that the content is Dutch."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse

from razon import pagecache
from razon.models import Secretariat
from razon.secretariat import secretariat
from razon.urls import handler500
from razon.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

ADDRESS = re.compile(r'<address class="secretariat">.*?</address>', re.S)


def _boom(request):
    raise RuntimeError("a bug in a view")


# This module is also the URL configuration of the 500 tests: the site plus a view that fails.
urlpatterns = [path("kapot/", _boom), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]


def _text(html):
    """The page's text, tags and entities (the protected e-mail) resolved."""
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", " ", html))


def _address(response):
    return ADDRESS.findall(response.content.decode())


def test_the_footer_gives_the_secretariat_the_main_links_the_institutes_and_a_colofon(client, demo):
    html = client.get(reverse("home")).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    text = _text(footer)

    assert "secretariaat@ra-zon.example" in text
    assert "Postbus 0000" in text and "6500 AA Nijmegen" in text
    assert "voorbeeldgegevens van de demo" in text  # invented: no seed gives them
    for url in ["/alliantie/", "/partnerschappen/", "/agenda/", "/berichten/", "/contact/"]:
        assert f'href="{url}"' in footer
    for institute in ["HAN", "Radboud Universiteit", "ArtEZ"]:
        assert institute in text
    assert "Colofon" in text and "Kadaster" in text
    assert 'href="/toegankelijkheid/"' in footer and 'href="/privacy/"' in footer


def test_the_contact_page_shows_the_same_details_beside_the_form(client, demo):
    response = client.get(reverse("contact:form"))
    html = response.content.decode()

    footer_block, beside_form = _address(client.get(reverse("home")))[0], _address(response)[0]
    assert beside_form == footer_block
    aside = html[html.index('<aside class="contact-details"') :]
    assert "secretariaat@ra-zon.example" in _text(aside)
    assert html.index('id="contact-form"') < html.index('class="contact-details"')


def test_an_edit_in_the_admin_reaches_every_page_at_once(client, demo, superuser_client):
    row = Secretariat.objects.get()
    data = {
        "name": "Secretariaat RA-ZON",
        "email": "info@voorbeeld.nl",
        "phone": "024 123 45 67",
        "postal_address": "Postbus 1\n6500 AB Nijmegen",
        "is_demo": "",
    }
    response = superuser_client.post(reverse("admin:razon_secretariat_change", args=[row.pk]), data)
    assert response.status_code == 302

    for url in [reverse("home"), reverse("contact:form"), reverse("accessibility")]:
        text = _text(Client().get(url).content.decode())
        assert "info@voorbeeld.nl" in text and "Postbus 1" in text and "024 123 45 67" in text
        assert "secretariaat@ra-zon.example" not in text
        assert "voorbeeldgegevens" not in text


def test_the_page_cache_serves_no_old_details_after_an_edit(client, demo, settings):
    settings.RAZON_PAGE_CACHE = True
    for url in [reverse("home"), reverse("privacy"), reverse("accessibility")]:
        assert "secretariaat@ra-zon.example" in _text(Client().get(url).content.decode())

    row = Secretariat.objects.get()
    row.email = "nieuw@voorbeeld.nl"
    row.save()

    for url in [reverse("home"), reverse("privacy"), reverse("accessibility")]:
        assert "nieuw@voorbeeld.nl" in _text(Client().get(url).content.decode()), url


def test_the_details_cost_no_query_once_cached_and_one_when_the_cache_is_cold(demo):
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        details = secretariat()
    with CaptureQueriesContext(connection) as warm:
        again = secretariat()

    assert len(cold) == 1 and len(warm) == 0
    assert details == again and details.email == "secretariaat@ra-zon.example"


def test_without_a_row_the_site_falls_back_to_the_configured_address(client, db, settings):
    settings.RAZON_CONTACT_EMAIL = "post@voorbeeld.nl"
    Secretariat.objects.all().delete()
    cache.clear()

    text = _text(client.get(reverse("home")).content.decode())

    assert "post@voorbeeld.nl" in text and "Postadres" not in text


def test_a_deleted_row_is_gone_from_the_footer(client, demo):
    Secretariat.objects.all().delete()

    assert "secretariaat@ra-zon.example" not in _text(client.get("/").content.decode())


def test_the_demo_never_overwrites_real_details(demo):
    from contact import demo as contact_demo

    Secretariat.objects.update(email="echt@voorbeeld.nl", is_demo=False)

    assert contact_demo.load() == 0
    assert Secretariat.objects.get().email == "echt@voorbeeld.nl"


def test_there_is_one_row_the_admin_adds_no_second(superuser_client, demo):
    assert superuser_client.get(reverse("admin:razon_secretariat_add")).status_code == 403
    Secretariat.objects.all().delete()
    assert superuser_client.get(reverse("admin:razon_secretariat_add")).status_code == 200


def test_the_accessibility_statement_follows_the_model(client, demo):
    response = client.get("/toegankelijkheid/")

    assert response.status_code == 200
    text = _text(response.content.decode())
    for part in ["Status", "Hoe we testen", "Wat nog niet goed werkt", "Een probleem melden"]:
        assert part in text
    assert "D — eerste maatregelen genomen" in text  # no WCAG-EM audit yet: no A or B
    assert "axe-core" in text and "toetsenbord" in text and "Zonder JavaScript" in text
    assert "secretariaat@ra-zon.example" in text
    assert "2 december 2026" in text
    assert "/toegankelijkheid/" in client.get("/sitemap.xml").content.decode()


def test_the_not_found_page_offers_search_and_the_main_links(client, db):
    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    html = response.content.decode()
    assert 'id="error-search-input"' in html and 'action="/zoeken/"' in html
    for url in ["/", "/partnerschappen/", "/agenda/", "/berichten/", "/contact/"]:
        assert f'href="{url}"' in html.split('class="error-links"')[1].split("</nav>")[0]


def _refuse(execute, sql, params, many, context):
    raise AssertionError(f"the error page queried the database: {sql}")


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_server_error_page_renders_without_the_database(client, settings, language):
    settings.DEBUG = False
    client.raise_request_exception = False
    client.cookies["django_language"] = language

    with connection.execute_wrapper(_refuse):
        response = client.get("/kapot/")

    assert response.status_code == 500
    html = response.content.decode()
    assert 'id="error-search-input"' in html
    for url in ["/", "/partnerschappen/", "/agenda/", "/berichten/"]:
        assert f'href="{url}"' in html
    title = "Something went wrong" if language == "en" else "Er ging iets mis"
    assert f"<h1>{title}</h1>" in html and f'<html lang="{language}">' in html


@pytest.mark.parametrize(
    "url", ["/", "/partnerschappen/", "/agenda/", "/berichten/", "/organisaties/"]
)
def test_english_content_pages_say_the_content_is_dutch(client, demo, url):
    assert "language-notice" not in client.get(url).content.decode()
    client.cookies["django_language"] = "en"

    html = client.get(url).content.decode()

    assert 'class="language-notice"' in html
    assert "The content of this page is in Dutch" in html
    main = html[html.index('<main id="main"') :]
    assert main.index("language-notice") < main.index("<h1")


@pytest.mark.parametrize("url", ["/contact/", "/toegankelijkheid/", "/privacy/", "/bestaat-niet/"])
def test_english_pages_written_in_english_have_no_notice(client, demo, url):
    client.cookies["django_language"] = "en"

    assert "language-notice" not in client.get(url).content.decode()


def test_the_site_topic_is_part_of_every_cached_page():
    assert pagecache.SITE_TOPIC in pagecache._page_topics((), {})
    assert pagecache.SITE_TOPIC in pagecache.all_topics()
