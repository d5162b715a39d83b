"""Every overview filters the same way (components.html#filter_form): the form swaps only
#results, whose htmx fragment brings the form's facets and "clear" link out of band; tabs and
"clear" swap the whole #directory, form included."""

import html
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

OVERVIEWS = [
    ("alliances:organizations", {"soort": "school"}),
    ("regions:education_regions", {"fase": "gevormd"}),
    ("regions:rap_projects", {"regeling": "rap"}),
    ("partnerships:list", {"erkenning": "erkend"}),
    ("events:list", {"soort": "overig"}),
    ("news:list", {"soort": "blog"}),
    ("search", {"zoek": "opleiden", "soort": "bericht"}),
]


def htmx(client, url, query, target):
    response = client.get(url, query, headers={"HX-Request": "true", "HX-Target": target})
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    return response.content.decode()


@pytest.mark.parametrize(("name", "query"), OVERVIEWS)
def test_the_form_swaps_the_results_and_they_bring_the_facets_out_of_band(client, name, query):
    url = reverse(name)

    page = client.get(url, query).content.decode()
    results = htmx(client, url, query, "results")
    directory = htmx(client, url, query, "directory")

    assert 'id="filters"' in page and 'data-hx-target="#results"' in page
    assert page.count('<section id="results"') == 1
    assert results.lstrip().startswith('<section id="results"')
    assert 'id="filters"' not in results and "<html" not in results
    facets = re.findall(r'<div class="filters__field" id="(facet-\w+)">', page)
    assert facets
    for facet in facets:
        assert f'id="{facet}" data-hx-swap-oob="true"' in results
    assert '<span id="filter-clear" data-hx-swap-oob="true"><a href=' in results
    assert directory.lstrip().startswith('<div id="directory"')
    assert 'id="filters"' in directory and "hx-swap-oob" not in directory


@pytest.mark.parametrize(
    ("name", "query", "cleared"),
    [
        ("alliances:organizations", {"soort": "school", "zoek": "a"}, "/organisaties/"),
        (
            "partnerships:list",
            {"sector": "po-vso", "erkenning": "erkend"},
            "/partnerschappen/?sector=po-vso",
        ),
        ("search", {"zoek": "opleiden", "soort": "bericht"}, "/zoeken/?zoek=opleiden"),
    ],
)
def test_clearing_the_filters_keeps_the_tab_and_the_search_words(client, name, query, cleared):
    page = client.get(reverse(name), query).content.decode()

    link = page.split('<span id="filter-clear">')[1].split("</span>")[0]
    assert html.unescape(link).startswith(f'<a href="{cleared}" data-hx-get="{cleared}"')
    assert 'data-hx-target="#directory"' in link


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("alliances:organizations", {}),
        ("partnerships:list", {"sector": "po-vso"}),
        ("search", {"zoek": "opleiden"}),
    ],
)
def test_nothing_to_clear_shows_no_clear_link(client, name, query):
    page = client.get(reverse(name), query).content.decode()

    assert '<span id="filter-clear"></span>' in page


def test_only_a_form_with_a_search_field_searches_while_typing(client):
    organizations = client.get(reverse("alliances:organizations")).content.decode()
    agenda = client.get(reverse("events:list")).content.decode()

    assert "input changed delay:400ms from:#id_zoek" in organizations
    assert 'id="id_zoek"' not in agenda and "input changed" not in agenda
