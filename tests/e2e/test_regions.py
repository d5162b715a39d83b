import re

import pytest
from django.core.cache import cache

from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def fresh_map():
    cache.clear()


def test_the_regiokaart_loads_panels_by_click_and_by_keyboard_without_leaving_the_site(
    page, demo_site
):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_site + "/regio/kaart/")

    assert page.locator(".rk-area").count() == 8
    page.get_by_role("link", name="Onderwijsregio Noord-Limburg", exact=True).first.click()
    page.wait_for_url(re.compile(r"regio=noord-limburg"))
    page.wait_for_function("() => document.activeElement.id === 'map-panel-title'")
    assert page.locator("#map-panel-title").inner_text() == "Onderwijsregio Noord-Limburg"

    region = page.locator("a.rk-area", has=page.locator("title", has_text="Midden-Limburg"))
    page.mouse.move(0, 0)
    region.focus()
    # Its name is written under the map on focus (a <title> shows on hover only).
    assert page.locator("[data-map-status]").inner_text() == "Onderwijsregio Midden-Limburg"
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#map-panel-title').innerText"
        " === 'Onderwijsregio Midden-Limburg'"
    )
    assert_no_axe_violations(page)
    assert requests and all(url.startswith(demo_site) for url in requests), requests
    # The chosen area stays marked.
    assert region.get_attribute("aria-current") == "true"
    assert page.locator(".rk-area[aria-current]").count() == 1


def test_the_partnerships_layer_by_keyboard_and_the_reach_of_an_institute(page, demo_site):
    page.goto(demo_site + "/regio/kaart/")
    page.locator(".layer-switch").get_by_role("link", name="Partnerschappen").click()
    page.wait_for_url(re.compile(r"laag=partnerschappen"))
    nijmegen = page.locator(
        "a.rk-area", has=page.locator("title", has_text=re.compile("^Nijmegen: "))
    )
    nijmegen.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#map-panel-title').innerText === 'Nijmegen'"
    )
    assert page.locator("#map-panel").get_by_text("Alliantie VO & Notre Dame").is_visible()
    assert_no_axe_violations(page)

    page.goto(demo_site + "/regio/kaart/?laag=bereik")
    page.get_by_label("Organisatie", exact=True).select_option("han")
    page.get_by_role("button", name="Toon bereik").first.click()
    page.wait_for_url(re.compile(r"organisatie=han"))
    assert page.locator(".rk-area").count() > 20
    assert page.get_by_role("heading", name="Hogeschool van Arnhem en Nijmegen").is_visible()
    assert_no_axe_violations(page)


def test_without_javascript_a_region_on_the_map_is_a_link_to_its_page(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/regio/kaart/")

    page.locator("a.rk-area", has=page.locator("title", has_text="Rijk van Nijmegen")).click()

    page.wait_for_url(re.compile(r"/onderwijsregios/nijmegen/$"))
    assert page.get_by_role("heading", name="Onderwijsregio Rijk van Nijmegen").is_visible()


def test_filtering_regions_with_htmx_and_without(page, page_without_js, demo_site):
    page.goto(demo_site + "/onderwijsregios/")
    total = page.locator("#results-title").inner_text()
    province = page.get_by_label("Provincie")
    province.focus()
    province.select_option("Limburg")
    page.wait_for_url(re.compile(r"provincie=Limburg"))
    page.wait_for_function(
        "total => document.querySelector('#results-title').innerText !== total", arg=total
    )
    # Noord- and Midden-Limburg, and Rijk van Nijmegen with Mook en Middelaar (Limburg).
    assert page.locator(".results .card").count() == 3
    assert_no_axe_violations(page)

    nojs = page_without_js
    nojs.goto(demo_site + "/rap-projecten/")
    nojs.get_by_label("Regeling").select_option("ral")
    nojs.get_by_role("button", name="Filteren").click()
    nojs.wait_for_url(re.compile(r"regeling=ral"))
    assert nojs.locator(".results .card").count() == 1


@pytest.mark.parametrize(
    "path",
    ["/regio/", "/rap-projecten/", "/onderwijsregios/nijmegen/", "/rap-projecten/rap-nijmegen/"],
)
def test_region_pages_pass_axe(page, demo_site, path):
    page.goto(demo_site + path)

    assert_no_axe_violations(page)


def test_a_rap_project_page_lists_the_posts_about_it(page, demo_site):
    page.goto(demo_site + "/rap-projecten/rap-achterhoek-vo/")

    assert page.get_by_role("heading", name="Berichten").is_visible()
    page.get_by_role("link", name="RAP Achterhoek (vo) afgerond").click()
    page.wait_for_url(re.compile(r"/berichten/rap-achterhoek-vo-afgerond/$"))
