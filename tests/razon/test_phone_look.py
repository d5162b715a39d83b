"""The server-side parts of #22's phone and history work: addresses carry only the filters that
are set, "Filters (n)" counts them, a sector tab keeps the other filters, the phone header's
toggles work without JavaScript, and the regiokaart is in the menu, marked on its own."""

import re

import pytest
from django.urls import reverse

from razon import navigation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?zoek=&erkenning=&sector=po-vso", "/partnerschappen/?sector=po-vso"),
        ("?zoek=&erkenning=", "/partnerschappen/"),
        ("?erkenning=erkend&zoek=&erkenning=", "/partnerschappen/?erkenning=erkend"),
        ("?zoek=de+school&sorteer=", "/partnerschappen/?zoek=de+school"),
    ],
)
def test_a_form_sent_without_javascript_lands_on_the_address_without_empty_fields(
    client, query, expected
):
    response = client.get("/partnerschappen/" + query)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


def test_every_overview_form_redirects_alike_and_a_clean_address_is_answered(client):
    for name in ("alliances:organizations", "events:list", "news:list", "search"):
        url = reverse(name)
        response = client.get(url, {"zoek": "", "soort": ""})
        assert (response.status_code, response["Location"]) == (302, url)
    assert client.get(reverse("partnerships:list"), {"sector": "po-vso"}).status_code == 200


def test_htmx_requests_the_admin_and_posts_are_left_alone(client, superuser):
    htmx = client.get(
        "/partnerschappen/?zoek=", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert htmx.status_code == 200
    client.force_login(superuser)
    assert (
        client.get(reverse("admin:partnerships_partnership_changelist") + "?q=").status_code == 200
    )
    assert client.head("/partnerschappen/?zoek=").status_code == 302


def filter_count(html):
    return re.search(r'<span id="filter-count"[^>]*>Filters \((\d+)\)</span>', html).group(1)


def test_filters_n_counts_the_filters_set_but_not_the_tab_or_the_sorting(client):
    url = reverse("partnerships:list")
    assert filter_count(client.get(url).content.decode()) == "0"
    page = client.get(url, {"sector": "po-vso", "sorteer": "naam", "erkenning": "erkend"})
    assert filter_count(page.content.decode()) == "1"
    page = client.get(url, {"zoek": "school", "erkenning": "erkend"}).content.decode()
    assert filter_count(page) == "2"
    # Without JavaScript the toggle is a link to the form, which :target unfolds.
    assert re.search(r'<a class="filters__toggle[^"]*" href="#filters" data-disclosure=', page)


def test_the_count_and_the_number_found_come_out_of_band_with_the_results(client):
    response = client.get(
        reverse("partnerships:list"),
        {"erkenning": "aspirant"},
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    html = response.content.decode()

    assert '<span id="filter-count" data-hx-swap-oob="true">Filters (1)</span>' in html
    found = re.search(
        r'<span id="filter-found"[^>]*data-hx-swap-oob="true">(\d+) gevonden</span>', html
    )
    heading = re.search(r'<h2 id="results-title"[^>]*>(\d+) partnerschap', html)
    assert found and heading and found.group(1) == heading.group(1)


def test_a_sector_tab_keeps_the_other_filters_and_leaves_the_page_number(client, demo):
    html = client.get(
        reverse("partnerships:list"), {"erkenning": "erkend", "zoek": "a", "pagina": "1"}
    ).content.decode()
    tabs = re.search(r'<nav class="tabs".*?</nav>', html, re.S).group(0)

    assert 'href="?erkenning=erkend&amp;zoek=a&amp;sector=po-vso"' in tabs
    assert 'href="?erkenning=erkend&amp;zoek=a&amp;sector=vo-mbo"' in tabs
    # "All" drops only the tab; with nothing else set it is the bare address.
    html = client.get(reverse("partnerships:list"), {"sector": "po-vso"}).content.decode()
    assert 'href="/partnerschappen/" data-hx-get="/partnerschappen/"' in html


def test_the_phone_header_toggles_are_links_to_the_menu_and_the_search_page(client):
    html = client.get("/").content.decode()

    assert f'href="{reverse("search")}" data-disclosure="site-search"' in html
    assert 'href="#site-nav" data-disclosure="site-nav"' in html
    assert '<nav class="site-nav" id="site-nav"' in html
    assert '<form class="site-search" id="site-search"' in html


def test_the_regiokaart_is_in_the_menu_and_only_it_is_marked_on_the_map(client):
    map_url = reverse("regions:map")
    html = client.get(map_url).content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)

    assert f'<a href="{map_url}" aria-current="page">Regiokaart</a>' in nav
    assert nav.count("aria-current") == 1
    nav = re.search(
        r'<nav class="site-nav".*?</nav>',
        client.get(reverse("regions:overview")).content.decode(),
        re.S,
    ).group(0)
    assert f'<a href="{reverse("regions:overview")}" aria-current="page">Regio</a>' in nav
    assert f'<a href="{map_url}">Regiokaart</a>' in nav


def test_the_section_under_a_path_is_the_longest_menu_address_it_starts_with():
    urls = ["/regio/", "/regio/kaart/", "/agenda/"]
    assert navigation.current_url("/regio/kaart/", urls) == "/regio/kaart/"
    assert navigation.current_url("/regio/iets/", urls) == "/regio/"
    assert navigation.current_url("/elders/", urls) is None


def test_the_tabs_come_out_of_band_with_the_results_keeping_the_new_filters(client, demo):
    html = client.get(
        reverse("partnerships:list"),
        {"erkenning": "aspirant"},
        headers={"HX-Request": "true", "HX-Target": "results"},
    ).content.decode()

    tabs = re.search(
        r'<nav class="tabs" id="sector-tabs" data-hx-swap-oob="true".*?</nav>', html, re.S
    )
    assert tabs and 'href="?erkenning=aspirant&amp;sector=vo-mbo"' in tabs.group(0)
