"""The site search on any database: what is found, what never is, and bad input."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from razon import search
from razon.models import PublishStatus, SearchEntry
from tests import factories
from tests.routes_app.conftest import make_route

pytestmark = pytest.mark.django_db


def results(client, **params):
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_every_public_kind_is_found(client):
    factories.post(title="Bericht over zeilboten")
    factories.event(title="Zeilboten kijken")
    contact = factories.person(name="Zeilboten Visser")
    factories.partnership(name="Zeilboten partnerschap", contacts=[contact])
    factories.education_region(name="Regio zeilboten")
    factories.rap_project(name="Zeilboten project")
    factories.organization(name="Zeilboten college")
    factories.alliance(name="Zeilboten alliantie")
    make_route(name="Zeilboten route")
    page = results(client, zoek="zeilboten")
    assert "9 resultaten gevonden" in page
    for kind, _label in search.kind_choices():
        assert f'value="{kind}"' in page


def test_drafts_and_scheduled_items_are_never_found(client):
    factories.post(title="Zichtbaar geheim")
    factories.post(title="Concept geheim", status=PublishStatus.DRAFT)
    factories.post(title="Gepland geheim", publish_at=timezone.now() + timedelta(days=1))
    factories.organization(name="Concept geheim organisatie", status=PublishStatus.DRAFT)
    page = results(client, zoek="geheim")
    assert "Zichtbaar geheim" in page
    assert "Concept" not in page and "Gepland" not in page
    assert "1 resultaat gevonden" in page


def test_the_index_follows_saves_and_deletes(client):
    post = factories.post(title="Eerste titel", status=PublishStatus.DRAFT)
    assert "Eerste titel" not in results(client, zoek="titel")
    post.status = PublishStatus.PUBLISHED
    post.title = "Tweede titel"
    post.save()
    page = results(client, zoek="titel")
    assert "Tweede titel" in page and "Eerste titel" not in page
    post.delete()
    assert not SearchEntry.objects.exists()


def test_rebuild_refills_the_index():
    factories.post(title="Opnieuw")
    factories.organization(name="Ook opnieuw")
    SearchEntry.objects.all().delete()
    assert search.rebuild() == 2
    assert set(SearchEntry.objects.values_list("kind", flat=True)) == {"bericht", "organisatie"}


def test_filter_by_kind_with_counts(client):
    factories.post(title="Water 1")
    factories.post(title="Water 2")
    factories.event(title="Water 3")
    page = results(client, zoek="water", soort="bijeenkomst")
    assert "1 resultaat gevonden" in page and "Water 3" in page
    assert ">Berichten (2)</option>" in page and "Bijeenkomsten (1)</option>" in page


def test_snippets_are_escaped_and_marked(client):
    factories.post(title="Veilig", intro="Over <script>alert(1)</script> en het sleutelwoord hier.")
    page = results(client, zoek="sleutelwoord")
    assert "<script>alert(1)" not in page
    assert "<mark>sleutelwoord</mark>" in page


def test_highlight_escapes_the_text_and_the_terms():
    marked = search.highlight("a <b> & c", ["<b>"])
    assert marked == "a <mark>&lt;b&gt;</mark> &amp; c"


def test_without_words_nothing_is_searched(client, django_assert_num_queries):
    factories.post(title="Iets")
    with django_assert_num_queries(0):
        page = results(client)
    assert "Typ een of meer woorden" in page


@pytest.mark.parametrize(
    "params",
    [
        {"zoek": ""},
        {"zoek": "x" * 10_000},
        {"zoek": "%"},
        {"zoek": "_"},
        {"zoek": '"unterminated'},
        {"zoek": "'; drop table razon_searchentry; --"},
        {"zoek": "a & b | !c <-> (d"},
        {"zoek": "\x00nul"},
        {"zoek": "bericht", "soort": "onbekend"},
        {"zoek": "bericht", "pagina": "veel"},
        {"zoek": "bericht", "pagina": "99999"},
        {"zoek": "bericht", "pagina": "-1"},
    ],
)
def test_bad_input_never_fails(client, params):
    factories.post(title="Een bericht")
    # (an empty parameter is first redirected to the address without it)
    response = client.get(reverse("search"), params, follow=True)
    assert response.status_code in (200, 400)
    if params.get("zoek", "").startswith("\x00"):
        return
    assert response.status_code == 200


def test_a_fixed_number_of_queries_however_many_results(client, django_assert_num_queries):
    for n in range(30):
        factories.post(title=f"Veel {n}")
        factories.organization(name=f"Veel organisatie {n}")
    # count, the page, the counts per kind
    with django_assert_num_queries(3):
        results(client, zoek="veel")


def test_htmx_gets_only_the_results_with_fresh_counts(client):
    factories.post(title="Fiets")
    response = client.get(
        reverse("search"), {"zoek": "fiets"}, headers={"HX-Request": "true", "HX-Target": "results"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="results"')
    assert 'id="id_zoek"' not in page  # the typed words are left alone
    assert 'data-hx-swap-oob="true"' in page


def test_every_page_has_a_search_box(client):
    page = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("search")}"' in page and 'name="zoek"' in page


def test_the_demo_is_searchable_after_loading(client, demo):
    assert SearchEntry.objects.count() > 50
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert f"Search index rebuilt: {SearchEntry.objects.count()} item(s)." in out.getvalue()
    assert "resultaten gevonden" in results(client, zoek="onderwijsregio")


def test_a_word_finds_its_longer_forms_on_any_database(client):
    factories.post(title="Zij-instromers begeleiden")
    factories.post(title="Iets anders")
    page = results(client, zoek="zij-instroom")
    assert "Zij-instromers begeleiden" in page and "1 resultaat gevonden" in page
    assert "Iets anders" not in page
