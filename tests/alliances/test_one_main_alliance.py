"""Only one alliance can be "onze alliantie": a second one would lose its page (its address
redirects to /alliantie/, which shows the other)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from alliances.models import Alliance
from razon.models import PublishStatus
from tests import factories
from tests.conftest import admin_form_data

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_second_main_alliance():
    factories.alliance(is_main=True)
    other = factories.alliance()

    with pytest.raises(IntegrityError), transaction.atomic():
        Alliance.objects.filter(pk=other.pk).update(is_main=True)

    assert Alliance.objects.main().count() == 1


def test_any_number_of_alliances_can_be_other_than_main():
    factories.alliance(is_main=True)
    factories.alliance()
    factories.alliance()

    assert Alliance.objects.filter(is_main=False).count() == 2


def test_the_admin_names_the_main_alliance_and_saves_nothing(superuser_client):
    factories.alliance(is_main=True, short_name="RA-ZON")
    ela = factories.alliance(short_name="ELA", intro="Oude inleiding.")
    url = reverse("admin:alliances_alliance_change", args=[ela.pk])

    response = superuser_client.post(
        url, admin_form_data(superuser_client.get(url), is_main="on", intro="Nieuwe inleiding.")
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["is_main"]
    assert "RA-ZON is al onze alliantie" in errors["is_main"][0]
    assert "Zet het vinkje daar eerst uit" in response.content.decode()
    ela.refresh_from_db()
    assert not ela.is_main and ela.intro == "Oude inleiding."


def test_the_admin_refuses_a_new_alliance_marked_main(superuser_client):
    factories.alliance(is_main=True, short_name="RA-ZON")
    url = reverse("admin:alliances_alliance_add")
    data = admin_form_data(
        superuser_client.get(url),
        name="Educatieve Levensbeschouwelijke Alliantie",
        short_name="ELA",
        slug="ela",
        intro="Een alliantie.",
        is_main="on",
        status=PublishStatus.PUBLISHED,
    )

    response = superuser_client.post(url, data)

    assert response.status_code == 200
    assert "RA-ZON is al onze alliantie" in response.content.decode()
    assert not Alliance.objects.filter(slug="ela").exists()


def test_the_main_alliance_itself_saves_as_before(superuser_client):
    razon = factories.alliance(is_main=True, short_name="RA-ZON")
    url = reverse("admin:alliances_alliance_change", args=[razon.pk])

    response = superuser_client.post(
        url, admin_form_data(superuser_client.get(url), intro="Nieuwe inleiding.")
    )

    assert response.status_code == 302
    razon.refresh_from_db()
    assert razon.is_main and razon.intro == "Nieuwe inleiding."


def test_moving_the_flag_works_once_the_old_main_is_unmarked(superuser_client):
    razon = factories.alliance(is_main=True, short_name="RA-ZON")
    ela = factories.alliance(short_name="ELA")
    for alliance, is_main in [(razon, ""), (ela, "on")]:
        url = reverse("admin:alliances_alliance_change", args=[alliance.pk])
        data = admin_form_data(superuser_client.get(url))
        data.pop("is_main", None)
        if is_main:
            data["is_main"] = is_main
        assert superuser_client.post(url, data).status_code == 302

    assert list(Alliance.objects.main()) == [ela]


def test_the_other_alliance_keeps_its_own_page(client):
    factories.alliance(is_main=True, short_name="RA-ZON", name="Regionale Alliantie")
    ela = factories.alliance(short_name="ELA", name="Educatieve Alliantie", slug="ela")

    response = client.get(reverse("alliances:detail", args=["ela"]))

    assert response.status_code == 200
    assert response.context["alliance"] == ela
    assert "Regionale Alliantie" in client.get(reverse("alliances:alliance")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_main_alliance_the_site_showed():
    """Before the constraint, data could hold two mains: the migration keeps the one
    /alliantie/ showed (the published one, then the first by name) and unmarks the rest."""
    executor = MigrationExecutor(connection)
    executor.migrate([("alliances", "0003_rich_text_markdown")])
    old = executor.loader.project_state([("alliances", "0003_rich_text_markdown")]).apps
    OldAlliance = old.get_model("alliances", "Alliance")
    for name, status in [("A draft", "draft"), ("B shown", "published"), ("C hidden", "published")]:
        OldAlliance.objects.create(
            name=name, short_name=name, slug=name[0].lower(), intro="-", is_main=True, status=status
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(Alliance.objects.main().values_list("name", flat=True)) == ["B shown"]
    assert Alliance.objects.count() == 3
