"""The facets with many options (board, institute, municipality, region): the overview shows
only the chosen one and a combobox; the options load on demand, with counts under the other
filters, and without JavaScript the same address is a page whose links apply the filter."""

import pytest
from django.core.cache import caches
from django.urls import reverse

from alliances.models import Organization
from partnerships.filters import PartnershipFilter
from partnerships.models import Membership, Partnership
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("partnerships:list")
BOARDS = reverse("partnerships:facet_bestuur")
LISTBOX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "id_bestuur-listbox"}


def partnership(name, group="po-vso", **fields):
    n = Partnership.objects.count()
    fields.setdefault("status", PublishStatus.PUBLISHED)
    return Partnership.objects.create(name=name, slug=f"p-{n}", sector_group=group, **fields)


@pytest.fixture
def field():
    delta = factories.organization(name="Stichting Delta", slug="delta")
    quadraam = factories.organization(name="Quadraam", slug="quadraam")
    draft = factories.organization(name="Concept bestuur", slug="concept", status="draft")
    han = factories.organization(name="HAN", slug="han")
    pabo = partnership("Pabo Partnerschap", accreditation="erkend")
    vo = partnership("VO Partnerschap", group="vo-mbo")
    mbo = partnership("MBO Partnerschap", group="vo-mbo", accreditation="erkend")
    for owner, member, role in [
        (pabo, delta, "bestuur"),
        (vo, delta, "bestuur"),
        (mbo, quadraam, "bestuur"),
        (pabo, draft, "bestuur"),
        (pabo, han, "lerarenopleiding"),
    ]:
        Membership.objects.create(partnership=owner, organization=member, role=role)
    return {"pabo": pabo, "vo": vo, "mbo": mbo}


def test_the_overview_shows_a_combobox_not_every_option(client, field):
    page = client.get(URL).content.decode()

    assert 'role="combobox"' in page and 'aria-controls="id_bestuur-listbox"' in page
    assert 'data-options-url="/partnerschappen/kies/bestuur/"' in page
    assert "Quadraam" not in page.split('id="results"')[0]  # no option is rendered
    assert '<a href="/partnerschappen/kies/bestuur/">Kies een schoolbestuur…</a>' in page
    assert ">Erkend (2)</option>" in page  # small facets stay selects


def test_a_chosen_board_is_shown_with_its_count_and_kept_in_the_form(client, field):
    page = client.get(URL, {"bestuur": "delta", "sector": "vo-mbo"}).content.decode()

    assert '<input type="hidden" name="bestuur" value="delta">' in page
    assert 'value="Stichting Delta" data-chosen-label="Stichting Delta"' in page
    assert "Stichting Delta (1) · " in page
    assert 'href="/partnerschappen/kies/bestuur/?bestuur=delta&amp;sector=vo-mbo"' in page


def test_the_listbox_lists_the_options_with_counts_under_the_other_filters(client, field):
    everything = client.get(BOARDS, **LISTBOX).content.decode()
    vo_only = client.get(BOARDS, {"sector": "vo-mbo", "erkenning": "erkend"}, **LISTBOX)

    assert "3 keuzes gevonden" not in everything  # the draft board is no option
    assert "2 keuzes gevonden" in everything
    assert 'data-value="delta" data-label="Stichting Delta"' in everything
    assert ">Stichting Delta (2)</li>" in everything and ">Quadraam (1)</li>" in everything
    assert 'role="option" id="id_bestuur-listbox-0" data-value=""' in everything  # "all"
    fragment = vo_only.content.decode()
    assert "1 keuze gevonden" in fragment and ">Quadraam (1)</li>" in fragment
    assert "Stichting Delta" not in fragment
    assert "<html" not in fragment


def test_typing_narrows_the_options_on_every_word_ignoring_case(client, field):
    fragment = client.get(BOARDS, {"zoekterm": "stichting DEL"}, **LISTBOX).content.decode()

    assert "1 keuze gevonden" in fragment and "Stichting Delta (2)" in fragment
    assert "Quadraam" not in fragment
    assert 'data-value=""' not in fragment  # "all" only before typing


def test_the_options_page_without_javascript_links_to_the_filtered_overview(client, field):
    response = client.get(BOARDS, {"sector": "vo-mbo", "bestuur": "delta", "pagina": "1"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Kies een schoolbestuur</h1>" in page
    assert 'href="/partnerschappen/?sector=vo-mbo&amp;bestuur=quadraam">Quadraam</a>' in page
    assert 'href="/partnerschappen/?sector=vo-mbo&amp;bestuur=delta" aria-current="true">' in page
    assert '<a href="/partnerschappen/?sector=vo-mbo">Alle besturen</a>' in page
    assert '<input type="hidden" name="sector" value="vo-mbo">' in page
    narrowed = client.get(BOARDS, {"zoekterm": "quad"}).content.decode()
    assert "1 keuze gevonden" in narrowed and "Stichting Delta" not in narrowed


def test_choosing_from_the_options_gives_the_same_results_as_before(client, field):
    assert [p.name for p in client.get(URL, {"bestuur": "delta"}).context["page"]] == [
        "Pabo Partnerschap",
        "VO Partnerschap",
    ]
    assert [p.name for p in client.get(URL, {"opleiding": "han"}).context["page"]] == [
        "Pabo Partnerschap"
    ]
    assert list(client.get(URL, {"bestuur": "concept"}).context["page"]) == []


@pytest.mark.parametrize("facet", list(PartnershipFilter.searchable_facets))
def test_every_large_facet_has_its_options(client, field, facet):
    url = reverse(f"partnerships:facet_{facet}")

    assert client.get(url).status_code == 200
    headers = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": f"id_{facet}-listbox"}
    assert client.get(url, headers=None, **headers).status_code == 200


def test_bad_input_never_breaks_the_options(client, field):
    for query in [{"zoekterm": "x" * 5000}, {"erkenning": "<x>"}, {"pagina": "zz"}]:
        assert client.get(BOARDS, query).status_code == 200
        assert client.get(BOARDS, query, **LISTBOX).status_code == 200


def test_unfiltered_options_are_counted_once_per_content_generation(
    client, field, settings, django_assert_num_queries
):
    caches["pages"].clear()
    client.get(BOARDS, {"sector": "vo-mbo", "zoekterm": "a"}, **LISTBOX)  # counts them

    # 1 the accreditation facet (it vouches for the parameters), 2 the generation; the
    # boards' counts come from the cache.
    with django_assert_num_queries(2):
        fragment = client.get(BOARDS, {"sector": "vo-mbo", "zoekterm": "q"}, **LISTBOX)
    assert ">Quadraam (1)</li>" in fragment.content.decode()

    Membership.objects.create(
        partnership=field["vo"],
        organization=Organization.objects.get(slug="quadraam"),
        role="bestuur",
    )  # a new generation
    fragment = client.get(BOARDS, {"sector": "vo-mbo", "zoekterm": "q"}, **LISTBOX)
    assert ">Quadraam (2)</li>" in fragment.content.decode()


def test_the_options_fragment_is_stored_by_the_page_cache(client, field, settings):
    settings.RAZON_PAGE_CACHE = True
    caches["pages"].clear()
    query = {"sector": "vo-mbo", "erkenning": "erkend"}

    first = client.get(BOARDS, query, **LISTBOX).content.decode()
    Organization.objects.filter(slug="quadraam").update(name="Stil hernoemd")  # no signal
    second = client.get(BOARDS, query, **LISTBOX).content.decode()
    typed = client.get(BOARDS, {**query, "zoekterm": "stil"}, **LISTBOX).content.decode()

    assert ">Quadraam (1)</li>" in first and second == first  # served from the cache
    assert ">Stil hernoemd (1)</li>" in typed  # typed words are never stored
