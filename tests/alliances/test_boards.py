"""Schools belong to boards: the parent is a board, never the school itself nor a cycle; the
board's page lists its schools, the school's page its board; filtering partnerships by a
board finds those its schools take part in."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.models import Membership
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

PARTNERSHIPS = reverse("partnerships:list")


@pytest.fixture
def board():
    board = factories.organization(name="Stichting Kompas", slug="kompas", kind="bestuur")
    school = factories.organization(
        name="Kompascollege", slug="kompascollege", kind="school", parent=board
    )
    draft = factories.organization(
        name="Conceptschool",
        slug="conceptschool",
        kind="school",
        parent=board,
        status=PublishStatus.DRAFT,
    )
    return {"board": board, "school": school, "draft": draft}


def test_a_parent_is_a_board_and_never_itself_or_a_cycle(board):
    school = board["school"]
    school.parent = school
    with pytest.raises(ValidationError, match="onder zichzelf"):
        school.full_clean()

    school.parent = factories.organization(kind="school")
    with pytest.raises(ValidationError, match="schoolbestuur"):
        school.full_clean()

    upper = factories.organization(name="Koepel", kind="bestuur")
    upper.parent = board["board"]
    upper.save()
    board["board"].parent = upper
    with pytest.raises(ValidationError, match=r"Koepel valt zelf .* een kring"):
        board["board"].full_clean()

    board["board"].parent = None
    school.parent = board["board"]
    school.full_clean()  # a school under its board is fine


def test_the_board_page_lists_its_published_schools_and_the_school_its_board(client, board):
    page = client.get(board["board"].get_absolute_url()).content.decode()
    assert "Scholen van dit bestuur" in page
    assert board["school"].get_absolute_url() in page
    assert "Conceptschool" not in page

    page = client.get(board["school"].get_absolute_url()).content.decode()
    assert "Bestuur" in page and board["board"].get_absolute_url() in page


def test_a_school_of_an_unpublished_board_names_no_board(client, board):
    board["board"].status = PublishStatus.DRAFT
    board["board"].save()

    page = client.get(board["school"].get_absolute_url()).content.decode()

    assert "Stichting Kompas" not in page


@pytest.fixture
def partnerships(board):
    own = factories.partnership(name="Via het bestuur")
    Membership.objects.create(partnership=own, organization=board["board"], role="bestuur")
    both = factories.partnership(name="Bestuur en school")
    Membership.objects.create(partnership=both, organization=board["board"], role="bestuur")
    Membership.objects.create(
        partnership=both, organization=board["school"], role="opleidingsschool"
    )
    via_school = factories.partnership(name="Via de school")
    Membership.objects.create(
        partnership=via_school, organization=board["school"], role="opleidingsschool"
    )
    via_draft = factories.partnership(name="Via de conceptschool")
    Membership.objects.create(
        partnership=via_draft, organization=board["draft"], role="opleidingsschool"
    )
    factories.partnership(name="Zonder bestuur")
    return board


def test_filtering_partnerships_by_a_board_finds_those_of_its_schools(client, partnerships):
    response = client.get(PARTNERSHIPS, {"bestuur": "kompas"})

    assert [p.name for p in response.context["page"]] == [
        "Bestuur en school",
        "Via de school",
        "Via het bestuur",
    ]
    chosen = response.context["filterset"].facet("bestuur").chosen
    assert (chosen.value, chosen.count) == ("kompas", 3)


def test_the_board_options_count_partnerships_through_schools_once(client, partnerships):
    response = client.get(reverse("partnerships:facet_bestuur"))

    assert [(o.value, o.count) for o in response.context["page"]] == [("kompas", 3)]

    fragment = client.get(
        reverse("partnerships:facet_bestuur"),
        {"zoekterm": "komp"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="id_bestuur-listbox",
    )
    assert [(o.value, o.count) for o in fragment.context["options"]] == [("kompas", 3)]


def test_the_board_filter_in_the_htmx_fragment(client, partnerships):
    response = client.get(
        PARTNERSHIPS, {"bestuur": "kompas"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )

    page = response.content.decode()
    assert "Via de school" in page and "Zonder bestuur" not in page


def test_the_admin_offers_only_boards_as_parent(client, board):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "alliances", "model_name": "organization", "field_name": "parent"},
    )

    names = [row["text"] for row in response.json()["results"]]
    assert "Stichting Kompas" in names and "Kompascollege" not in names

    url = reverse("admin:alliances_organization_change", args=[board["school"].pk])
    assert client.get(url).status_code == 200
