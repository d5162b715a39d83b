import re

import pytest
from django.core.cache import cache

from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def fresh_network():
    cache.clear()


def test_the_network_selects_an_organisation_by_click_and_by_keyboard(page, demo_site):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_site + "/netwerk/")

    assert page.locator(".network__node").count() > 10
    assert_no_axe_violations(page)
    page.locator('.network__node[aria-label="Hogeschool van Arnhem en Nijmegen"]').click()
    page.wait_for_url(re.compile(r"organisatie=han"))
    page.wait_for_function("() => document.activeElement.id === 'network-panel-title'")
    assert "werkt in" in page.locator(".network-panel__summary").inner_text()
    assert page.locator(".network__node.is-near").count() > 3

    node = page.locator(
        '.network__node[aria-label="Radboud Universiteit, Radboud Docenten Academie"]'
    )
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#network-panel-title').innerText"
        ".startsWith('Radboud Universiteit')"
    )
    assert_no_axe_violations(page)
    assert requests and all(url.startswith(demo_site) for url in requests), requests


def test_filtering_the_network_with_htmx(page, demo_site):
    page.goto(demo_site + "/netwerk/")
    total = page.locator("#results-title").inner_text()

    page.get_by_label("Sector").select_option("vo")

    page.wait_for_url(re.compile(r"sector=vo"))
    page.wait_for_function(
        "total => document.querySelector('#results-title').innerText !== total", arg=total
    )
    assert_no_axe_violations(page)


def test_without_javascript_the_form_selects_and_nodes_are_links(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/netwerk/?sector=po")

    page.get_by_label("Organisatie in de tekening").select_option("han")
    page.get_by_role("button", name="Toon netwerk").click()

    page.wait_for_url(re.compile(r"sector=po&organisatie=han"))
    assert page.locator("#network-panel-title").inner_text() == "Hogeschool van Arnhem en Nijmegen"
    page.locator('.network__node[aria-label="Hogeschool van Arnhem en Nijmegen"]').click()
    page.wait_for_url(re.compile(r"/organisaties/han/$"))
