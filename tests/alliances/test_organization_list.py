import pytest
from django.urls import reverse

from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("alliances:organizations")


def names(response):
    return [organization.name for organization in response.context["page"].object_list]


@pytest.fixture
def network(db):
    """Three boards (two PO, one VO), two schools (VO), a draft board, and an alliance."""
    po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
    alliance = factories.alliance(slug="ra-zon", short_name="RA-ZON", is_main=True)
    made = {}
    for name, kind, sector, member in [
        ("Bestuur Arnhem", "bestuur", po, True),
        ("Bestuur Nijmegen", "bestuur", po, True),
        ("Bestuur Venlo", "bestuur", vo, False),
        ("School Zutphen", "school", vo, True),
        ("School Venray", "school", vo, False),
    ]:
        made[name] = factories.organization(name=name, kind=kind, city=name.split()[-1])
        made[name].sectors.add(sector)
        if member:
            alliance.members.add(made[name])
    draft = factories.organization(
        name="Conceptbestuur", kind="bestuur", status=PublishStatus.DRAFT
    )
    draft.sectors.add(po)
    alliance.members.add(draft)
    return made


def test_directory_lists_published_organizations_only(client, network):
    response = client.get(URL)

    assert response.status_code == 200
    assert "alliances/organization_list.html" in [t.name for t in response.templates]
    assert names(response) == [
        "Bestuur Arnhem",
        "Bestuur Nijmegen",
        "Bestuur Venlo",
        "School Venray",
        "School Zutphen",
    ]
    page = response.content.decode()
    assert "5 organisaties gevonden" in page
    assert "Conceptbestuur" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"soort": "school"}, ["School Venray", "School Zutphen"]),
        ({"sector": "po"}, ["Bestuur Arnhem", "Bestuur Nijmegen"]),
        ({"alliantie": "ra-zon"}, ["Bestuur Arnhem", "Bestuur Nijmegen", "School Zutphen"]),
        ({"soort": "bestuur", "sector": "vo"}, ["Bestuur Venlo"]),
        ({"zoek": "venlo"}, ["Bestuur Venlo"]),
        ({"zoek": "bestuur nijm"}, ["Bestuur Nijmegen"]),
    ],
)
def test_filters_narrow_the_directory(client, network, query, expected):
    assert names(client.get(URL, query)) == expected


def test_each_choice_shows_how_many_results_it_would_give(client, network):
    page = client.get(URL, {"sector": "vo"}).content.decode()

    # Kinds are counted within the chosen sector, sectors over all kinds.
    assert ">Schoolbestuur (1)</option>" in page
    assert ">School (2)</option>" in page
    assert ">PO (2)</option>" in page
    assert "selected>VO (3)</option>" in page
    assert ">RA-ZON (1)</option>" in page  # School Zutphen; the draft is not counted


def test_a_draft_alliance_neither_appears_as_a_choice_nor_filters(client, network):
    secret = factories.alliance(slug="geheim", short_name="Geheim", status=PublishStatus.DRAFT)
    secret.members.add(network["Bestuur Venlo"])

    assert "Geheim" not in client.get(URL).content.decode()
    assert names(client.get(URL, {"alliantie": "geheim"})) == []


def test_htmx_request_gets_only_the_results_fragment(client, network):
    response = client.get(
        URL, {"soort": "school"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )

    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<section id="results"')
    assert "<html" not in fragment and "site-footer" not in fragment
    assert "2 organisaties gevonden" in fragment
    assert "HX-Request" in response.headers["Vary"]


def test_bad_filter_values_get_a_message_not_an_error(client, network):
    response = client.get(URL, {"soort": "<script>", "pagina": "x", "sector": "onbekend"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Een filter had een ongeldige waarde en is niet toegepast" in page
    assert "<script>" not in page
    assert len(names(response)) == 5


def test_an_empty_result_explains_itself_and_offers_to_clear_the_filters(client, network):
    page = client.get(URL, {"zoek": "bestaat niet"}).content.decode()

    assert "Geen organisaties gevonden met deze filters." in page
    assert "Wis alle filters" in page


def test_pagination_keeps_the_filters(client, db):
    for number in range(30):
        factories.organization(name=f"Bestuur {number:02}", kind="bestuur")
    factories.organization(name="Een school", kind="school")

    first = client.get(URL, {"soort": "bestuur"})
    second = client.get(URL, {"soort": "bestuur", "pagina": "2"})
    beyond = client.get(URL, {"soort": "bestuur", "pagina": "99"})

    assert len(names(first)) == 24
    assert "?soort=bestuur&amp;pagina=2" in first.content.decode()
    assert names(second) == [f"Bestuur {n}" for n in range(24, 30)]
    assert names(beyond) == names(second)


def test_the_directory_runs_a_fixed_number_of_queries_with_1000_organizations(
    client, db, django_assert_num_queries
):
    from alliances.models import Organization

    Organization.objects.bulk_create(
        Organization(
            name=f"Organisatie {n:04}",
            slug=f"org-{n}",
            kind=["bestuur", "school", "hbo"][n % 3],
            status=PublishStatus.PUBLISHED,
        )
        for n in range(1000)
    )
    alliance = factories.alliance()
    organizations = list(Organization.objects.all())
    alliance.members.add(*organizations)
    po = Sector.objects.get(code="po")
    po.organization_set.add(*organizations[::2])

    # 1 count, 2 the page, 3 its sectors, 4 kind facet, 5 sector facet, 6 alliance facet
    # (the alliance filter is a subquery inside each of them, not a query of its own).
    with django_assert_num_queries(6):
        response = client.get(URL, {"sector": "po", "alliantie": alliance.slug})
    assert response.context["page"].paginator.count == 500
