"""A partnership works in several onderwijsregio's (one of them its main region) and has
contact people; the overview filters and counts on every region it works in, each region's
page lists every partnership working there."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.models import Partnership, PartnershipContact
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("partnerships:list")


def names(response):
    return [p.name for p in response.context["page"].object_list]


@pytest.fixture
def world():
    arnhem = factories.education_region(name="Regio Arnhem", slug="arnhem")
    tiel = factories.education_region(name="Regio Tiel", slug="tiel")
    hidden = factories.education_region(
        name="Conceptregio", slug="concept", status=PublishStatus.DRAFT
    )
    pabo = factories.partnership(name="Pabo Partnerschap", education_region=arnhem)
    pabo.education_regions.add(tiel, hidden)
    local = factories.partnership(name="Tiel Lokaal", education_region=tiel)
    return {"arnhem": arnhem, "tiel": tiel, "hidden": hidden, "pabo": pabo, "local": local}


def test_the_main_region_is_always_one_of_the_regions_worked_in(world):
    assert set(world["pabo"].education_regions.values_list("slug", flat=True)) == {
        "arnhem",
        "tiel",
        "concept",
    }
    world["local"].education_region = world["arnhem"]
    world["local"].save()
    assert set(world["local"].education_regions.values_list("slug", flat=True)) == {
        "arnhem",
        "tiel",
    }


def test_the_overview_filters_on_any_region_worked_in(client, world):
    assert names(client.get(URL, {"regio": "tiel"})) == ["Pabo Partnerschap", "Tiel Lokaal"]
    assert names(client.get(URL, {"regio": "arnhem"})) == ["Pabo Partnerschap"]
    assert names(client.get(URL, {"regio": "concept"})) == ["Pabo Partnerschap"]
    assert names(client.get(URL, {"regio": "nergens"})) == []


def test_the_region_facet_counts_every_partnership_working_there(client, world):
    response = client.get(reverse("partnerships:facet_regio"))

    options = {option.value: option.count for option in response.context["page"]}
    assert options == {"arnhem": 1, "tiel": 2}  # the draft region is no option

    listbox = client.get(
        reverse("partnerships:facet_regio"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="id_regio-listbox",
    )
    assert {o.value: o.count for o in listbox.context["options"]} == {"arnhem": 1, "tiel": 2}


def test_a_chosen_region_keeps_its_count_in_the_htmx_fragment(client, world):
    response = client.get(URL, {"regio": "tiel"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Pabo Partnerschap" in page and "Tiel Lokaal" in page
    assert "<html" not in page


def test_a_region_page_lists_every_partnership_working_there(client, world):
    page = client.get(world["tiel"].get_absolute_url()).content.decode()

    assert "Tiel Lokaal" in page and "Pabo Partnerschap" in page
    assert "werkt ook hier (hoofdregio: Regio Arnhem)" in page
    assert page.index("Tiel Lokaal") < page.index("Pabo Partnerschap")  # its own ones first


def test_the_partnership_page_names_its_main_and_other_published_regions(client, world):
    page = client.get(world["pabo"].get_absolute_url()).content.decode()

    assert "Regio Arnhem" in page
    assert "Werkt ook in" in page and world["tiel"].get_absolute_url() in page
    assert "Conceptregio" not in page


def test_the_partnership_page_shows_its_public_contact_people_in_order(client, world):
    shown = factories.person(name="Anna Zichtbaar", role="coördinator", email="anna@example.org")
    second = factories.person(name="Bert Ook")
    hidden = factories.person(name="Carla Verborgen", is_public=False)
    PartnershipContact.objects.create(partnership=world["pabo"], person=second, position=2)
    PartnershipContact.objects.create(partnership=world["pabo"], person=shown, position=1)
    PartnershipContact.objects.create(partnership=world["pabo"], person=hidden, position=0)

    page = client.get(world["pabo"].get_absolute_url()).content.decode()

    assert "Anna Zichtbaar, coördinator" in page and "Bert Ook" in page
    assert page.index("Anna Zichtbaar") < page.index("Bert Ook")
    assert "Carla Verborgen" not in page


def test_the_page_costs_the_same_queries_with_more_regions_and_contacts(client, world):
    def queries(n):
        for _ in range(n):
            world["pabo"].education_regions.add(factories.education_region())
            PartnershipContact.objects.create(partnership=world["pabo"], person=factories.person())
        with CaptureQueriesContext(connection) as captured:
            client.get(world["pabo"].get_absolute_url(), {"n": n})
        return len(captured)

    assert queries(1) == queries(5)


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "x")
    client.force_login(user)
    return client


def test_the_admin_edits_regions_and_contacts_and_keeps_the_main_region(admin_client, world):
    person = factories.person(name="Dirk Contact")
    url = reverse("admin:partnerships_partnership_change", args=[world["local"].pk])
    form = admin_client.get(url).context["adminform"].form
    assert "education_regions" in form.fields

    response = admin_client.post(
        url,
        {
            "name": "Tiel Lokaal",
            "slug": world["local"].slug,
            "sector_group": "po-vso",
            "accreditation": "geen",
            "status": "published",
            "education_region": world["tiel"].pk,
            "education_regions": [world["arnhem"].pk],  # the main one left out
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "partnershipcontact_set-TOTAL_FORMS": "1",
            "partnershipcontact_set-INITIAL_FORMS": "0",
            "partnershipcontact_set-0-person": person.pk,
            "partnershipcontact_set-0-position": "1",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    local = Partnership.objects.get(pk=world["local"].pk)
    assert set(local.education_regions.values_list("slug", flat=True)) == {"arnhem", "tiel"}
    assert list(local.contacts.all()) == [person]


def test_the_admin_autocompletes_regions(admin_client, world):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "partnerships",
            "model_name": "partnership",
            "field_name": "education_regions",
            "term": "Tiel",
        },
    )
    assert [row["text"] for row in response.json()["results"]] == ["Regio Tiel"]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_region_as_main_and_the_contact_as_first():
    before = [("partnerships", "0003_profile_markdown")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    region = old.get_model("regions", "EducationRegion").objects.create(name="R", slug="r")
    person = old.get_model("alliances", "Person").objects.create(name="Eva Contact")
    OldPartnership = old.get_model("partnerships", "Partnership")
    OldPartnership.objects.create(
        name="Met", slug="met", sector_group="po-vso", education_region=region, contact=person
    )
    OldPartnership.objects.create(name="Zonder", slug="zonder", sector_group="po-vso")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    kept = Partnership.objects.get(slug="met")
    assert kept.education_region_id == region.pk
    assert list(kept.education_regions.values_list("slug", flat=True)) == ["r"]
    assert list(kept.contacts.values_list("name", flat=True)) == ["Eva Contact"]
    empty = Partnership.objects.get(slug="zonder")
    assert not empty.education_regions.exists() and not empty.contacts.exists()
