import gzip
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from partnerships.models import Partnership
from regions import regiokaart
from regions.models import EducationRegion, Municipality, RAPProject

pytestmark = pytest.mark.django_db

MAP = reverse("regions:map")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def svg_of(page):
    return page.split('class="regiokaart__svg"', 1)[1].split("</svg>")[0]


def drawn_codes(page):
    return set(re.findall(r'<path id="(GM\d{4})"', page))


def coloured(page):
    """{code: the <a> of the area it is coloured in} (the last one for several)."""
    found = {}
    for link in re.findall(r'<a href="[^"]*" class="rk-area.*?</a>', svg_of(page)):
        for code in re.findall(r'<use href="#(GM\d{4})"', link):
            found.setdefault(code, []).append(link)
    return found


def named_municipalities():
    """The CBS codes any published onderwijsregio, RAP project or partnership names."""
    return set(
        Municipality.objects.filter(
            Q(education_regions__in=EducationRegion.objects.published())
            | Q(rap_projects__in=RAPProject.objects.published())
            | Q(partnerships__in=Partnership.objects.published())
        ).values_list("code", flat=True)
    )


def test_the_map_draws_every_municipality_the_region_works_in_and_no_other(client, demo):
    page = client.get(MAP).content.decode()

    expected = named_municipalities()
    assert drawn_codes(page) == expected
    by_name = dict(Municipality.objects.values_list("name", "code"))
    # Twente and Oost-Salland (Overijssel) are there with the Achterhoek now.
    assert {by_name["Enschede"], by_name["Deventer"], by_name["Aalten"]} <= expected
    assert by_name["Amsterdam"] not in expected
    # Each municipality's path is written once; the areas reuse it.
    assert page.count("<path id=") == len(expected)
    # The provinces around as quiet context: a province without drawn municipalities named.
    assert '<g class="rk-provinces"' in page and ">Utrecht</text>" in page
    assert "Kadaster / Centraal Bureau voor de Statistiek (CBS), 2025" in page
    assert "http" not in svg_of(page).replace("http://www.w3.org", "")


def test_the_twente_region_is_complete_and_marked_demo(demo):
    region = EducationRegion.objects.get(name__startswith="Onderwijsregio Twente")
    provinces = set(region.municipalities.values_list("province", flat=True))

    assert provinces == {"Gelderland", "Overijssel"}
    assert region.municipalities.filter(name__in=["Enschede", "Deventer", "Raalte"]).count() == 3
    assert region.is_demo


def test_each_region_is_a_named_link_with_a_panel_for_htmx(client, demo):
    page = client.get(MAP).content.decode()

    link = re.search(r'<a href="/onderwijsregios/nijmegen/"[^>]*>(<title>[^<]*)', page)
    assert link.group(1) == "<title>Onderwijsregio Rijk van Nijmegen"  # the name on hover
    assert 'data-hx-get="?laag=onderwijsregios&amp;regio=nijmegen"' in link.group(0)
    assert 'data-hx-target="#map-panel"' in page  # for every area, on the map
    # The region's name is written on the map too, without the word "Onderwijsregio".
    assert re.search(r"<text [^>]*>Rijk van Nijmegen</text>", page)


def test_the_text_alternative_lists_regions_with_their_municipalities(client, demo):
    page = client.get(MAP).content.decode()

    legend = page.split('id="legend-title"')[1]
    assert "Onderwijsregio Noord-Limburg" in legend and "Horst aan de Maas" in legend
    assert "Enschede" in legend


def test_htmx_loads_only_the_panel(client, demo):
    response = client.get(
        MAP, {"regio": "nijmegen"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="map-panel"
    )

    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<aside id="map-panel"')
    assert "Stichting Conexus" in fragment and "<svg" not in fragment


def test_the_chosen_area_stays_marked(client, demo):
    page = client.get(MAP, {"regio": "nijmegen"}).content.decode()

    link = re.search(r'<a href="/onderwijsregios/nijmegen/"[^>]*>', page).group(0)
    assert 'aria-current="true"' in link
    assert page.count('aria-current="true"') == 2  # the area and the layer's tab


def test_overlapping_rap_areas_are_striped_and_listed(client, demo):
    page = client.get(MAP, {"laag": "rap"}).content.decode()

    assert "<title>Leraar in Limburg (vo)</title>" in page
    assert 'aria-current="true">RAP-projecten' in page
    venlo = Municipality.objects.get(name="Venlo").code
    links = coloured(page)[venlo]
    # In both projects' areas, with the same stripes of both colours: not one over the other.
    assert len(links) == 2
    fills = {
        re.search(rf'<use href="#{venlo}" fill="url\(#(ov\d+)\)"', link).group(1) for link in links
    }
    assert len(fills) == 1
    pattern = re.search(rf'<pattern id="{fills.pop()}".*?</pattern>', page).group(0)
    assert pattern.count("<rect") == 2
    overlap = page.split("Gemeenten in meer dan één gebied")[1]
    assert "<strong>Venlo</strong>: Leraar in Limburg (vo), Mbo-docent in Limburg" in overlap
    # A municipality in one project only is filled with that project's colour class.
    nijmegen = Municipality.objects.get(name="Nijmegen").code
    assert f'<use href="#{nijmegen}"/>' in coloured(page)[nijmegen][0]


def test_the_partnerships_layer_counts_the_partnerships_per_municipality(client, demo):
    page = client.get(MAP, {"laag": "partnerschappen"}).content.decode()

    for name in ("Nijmegen", "Arnhem", "Venlo", "Gennep"):
        municipality = Municipality.objects.get(name=name)
        count = Partnership.objects.published().filter(municipalities=municipality).count()
        label = f"{name}: {count} partnerschap" + ("pen" if count != 1 else "")
        link = re.search(rf'<a href="[^"]*gemeente={municipality.code}"[^>]*><title>[^<]*', page)
        assert link.group(0).endswith(f"<title>{label}")
        link = link.group(0)
        assert f"q{regiokaart.count_class(count)}" in link
        legend = page.split('id="legend-title"')[1]
        assert f"{name} ({count})" in legend
    assert "1 partnerschap</strong>" in page and "11 of meer partnerschappen" in page
    # Municipalities where none works are drawn grey and named on hover.
    enschede = Municipality.objects.get(name="Enschede").code
    assert re.search(rf'<path id="{enschede}" d="[^"]*"><title>Enschede</title>', page)


def test_a_municipality_panel_lists_what_works_there(client, demo):
    nijmegen = Municipality.objects.get(name="Nijmegen")
    query = {"laag": "partnerschappen", "gemeente": nijmegen.code}

    fragment = client.get(
        MAP, query, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="map-panel"
    ).content.decode()

    assert fragment.lstrip().startswith('<aside id="map-panel"')
    assert '<h2 id="map-panel-title" tabindex="-1">Nijmegen</h2>' in fragment
    for partnership in Partnership.objects.published().filter(municipalities=nijmegen):
        assert escape(partnership.name) in fragment
    assert "Onderwijsregio Rijk van Nijmegen" in fragment and "RAP Nijmegen" in fragment
    page = client.get(MAP, query).content.decode()  # without JavaScript: the whole page
    assert "<svg" in page and "Alliantie VO &amp; Notre Dame" in page


def reach(client, **query):
    page = client.get(MAP, {"laag": "bereik", **query}).content.decode()
    return page, set(coloured(page))


def codes_of(queryset):
    return set(queryset.values_list("municipalities__code", flat=True)) - {None}


def test_the_reach_of_an_institute_is_every_municipality_of_its_ties(client, demo):
    from alliances.models import Organization

    han = Organization.objects.get(slug="han")
    page, codes = reach(client, organisatie="han")

    expected = (
        codes_of(Partnership.objects.published().filter(memberships__organization=han))
        | codes_of(EducationRegion.objects.published().filter(members=han))
        | codes_of(
            RAPProject.objects.published().filter(Q(lead_organization=han) | Q(partners=han))
        )
    )
    assert codes == expected and len(expected) > 20
    assert f"{han.name} werkt in {len(expected)} gemeenten" in page
    assert '<option value="han" selected>' in page  # the picker says whose reach it is
    legend = page.split('id="legend-title"')[1]
    assert "Opleidingsschool Noord-Limburg" in legend and "RAP Achterhoek (vo)" in legend
    nijmegen = Municipality.objects.get(name="Nijmegen").code
    title = re.search(rf'gemeente={nijmegen}"[^>]*><title>([^<]*)', page).group(1)
    assert title.startswith("Nijmegen: ") and "Onderwijsregio Rijk van Nijmegen" in title


def test_the_reach_of_a_board_and_of_a_partnership(client, demo):
    from alliances.models import Organization

    delta = Organization.objects.get(slug="delta")
    _page, codes = reach(client, organisatie="delta")
    assert codes == (
        codes_of(Partnership.objects.published().filter(memberships__organization=delta))
        | codes_of(EducationRegion.objects.published().filter(members=delta))
        | codes_of(
            RAPProject.objects.published().filter(Q(lead_organization=delta) | Q(partners=delta))
        )
    )

    osnl = Partnership.objects.get(slug="osnl")
    page, codes = reach(client, partnerschap="osnl")
    assert codes == codes_of(Partnership.objects.filter(pk=osnl.pk))
    assert "Opleidingsschool Noord-Limburg werkt in 4 gemeenten" in page


def test_the_reach_of_a_board_includes_the_partnerships_of_its_schools(client, demo):
    from alliances.models import Organization
    from partnerships.models import Membership, Role
    from tests import factories

    board = Organization.objects.published().filter(children__isnull=False).first()
    school = board.children.first()
    _page, before = reach(client, organisatie=board.slug)
    elsewhere = Municipality.objects.exclude(code__in=before).exclude(outline=[]).first()
    partnership = factories.partnership(name="Partnerschap van een school")
    partnership.municipalities.add(elsewhere)
    Membership.objects.create(
        partnership=partnership, organization=school, role=Role.TRAINING_SCHOOL
    )

    _page, after = reach(client, organisatie=board.slug)
    assert after == before | {elsewhere.code}


def test_the_reach_layer_without_a_choice_offers_the_pickers(client, demo):
    page = client.get(MAP, {"laag": "bereik"}).content.decode()

    assert '<select id="reach-organisatie" name="organisatie">' in page
    assert '<select id="reach-partnerschap" name="partnerschap">' in page
    assert 'class="rk-area' not in page
    found = client.get(MAP, {"laag": "bereik", "zoek": "noord-limburg"}).content.decode()
    assert 'href="?laag=bereik&amp;partnerschap=osnl"' in found


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"laag": "<script>"}, "Die kaartlaag bestaat niet"),
        ({"regio": "bestaat-niet"}, "Dat gebied staat niet op deze kaartlaag"),
        ({"gemeente": "GM9999"}, "Die gemeente kennen we niet"),
        ({"laag": "bereik", "organisatie": "nergens"}, "staat niet op de site"),
        ({"laag": "bereik", "partnerschap": "<b>"}, "staat niet op de site"),
        ({"laag": "partnerschappen", "regio": "nijmegen"}, "Dat gebied staat niet"),
    ],
)
def test_a_bad_layer_or_choice_gets_a_clear_page(client, demo, query, message):
    response = client.get(MAP, query)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "<svg" in page and "<script>" not in svg_of(page)


def test_the_map_is_drawn_once_and_then_served_from_the_cache(
    client, demo, django_assert_num_queries
):
    client.get(MAP)  # draws and caches

    # 1 the generations of what the map shows; the drawing comes from the cache.
    with django_assert_num_queries(1):
        client.get(MAP)


def test_an_edit_shows_on_the_map_at_once(client, demo):
    client.get(MAP)
    region = EducationRegion.objects.get(slug="nijmegen")
    region.name = "Onderwijsregio Nijmegen (hernoemd)"
    region.save()

    assert "<title>Onderwijsregio Nijmegen (hernoemd)</title>" in client.get(MAP).content.decode()


def test_a_drawing_is_kept_only_until_the_next_scheduled_publication(client, demo):
    partnership = Partnership.objects.get(slug="osnl")
    later = timezone.now() + timedelta(hours=1)
    Partnership.objects.filter(pk=partnership.pk).update(publish_at=later)  # no signal
    venlo = Municipality.objects.get(name="Venlo").code
    count = re.compile(rf'gemeente={venlo}"><title>Venlo: (\d+)')
    timeouts = []
    real_set = regiokaart.pagecache.cache.set

    def recording_set(key, value, timeout=None):
        if key.startswith("regiokaart:"):
            timeouts.append(timeout)
        return real_set(key, value, timeout)

    with mock.patch.object(regiokaart.pagecache.cache, "set", recording_set):
        before = client.get(MAP, {"laag": "partnerschappen"}).content.decode()

    assert timeouts and 3500 < timeouts[0] <= 3600  # until the partnership appears
    regiokaart.pagecache.cache.clear()  # as the cache does when that time has come
    with mock.patch("django.utils.timezone.now", return_value=later + timedelta(seconds=1)):
        after = client.get(MAP, {"laag": "partnerschappen"}).content.decode()
    assert count.search(before), before[-3000:]
    assert count.search(after), after[-3000:]
    assert int(count.search(after).group(1)) == int(count.search(before).group(1)) + 1


def first_load(client, path):
    """The compressed bytes of a page and the stylesheets and scripts it loads."""
    response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    total = len(response.content)
    html = gzip.decompress(response.content).decode()
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        with open(finders.find(asset), "rb") as file:
            total += len(gzip.compress(file.read()))
    return total, len(html)


@pytest.mark.parametrize("layer", ["onderwijsregios", "rap", "partnerschappen", "bereik"])
def test_the_first_load_stays_within_60_kb_compressed(client, demo, layer):
    total, html = first_load(client, f"{MAP}?laag={layer}")

    assert total <= 60 * 1024
    assert html <= 45_000  # the HTML itself, on every page-cache hit (66 KB before)


def test_the_map_stays_small_on_the_benchmarks_data(client, demo):
    from bench import dataset

    dataset.load(0.1, rebuild_index=False)  # 30 onderwijsregio's, 100 partnerships …

    for layer in ["onderwijsregios", "partnerschappen"]:
        page = client.get(MAP, {"laag": layer}).content.decode()
        assert len(page) < 150_000, layer
        assert page.count("<path id=") == len(named_municipalities())
