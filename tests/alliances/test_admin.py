import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def changelist():
    return reverse("admin:alliances_organization_changelist")


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get(changelist())

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_staff_without_permission_is_refused(client, staff_without_permissions):
    client.force_login(staff_without_permissions)

    assert client.get(changelist()).status_code == 403


def test_admin_login_page_is_dutch(client):
    html = client.get(reverse("admin:login")).content.decode()

    assert "Gebruikersnaam" in html and "RA-ZON beheer" in html


def test_organization_list_searches_and_filters(superuser_client):
    factories.organization(name="Hogeschool van Arnhem en Nijmegen", short_name="HAN", kind="hbo")
    factories.organization(name="Stichting Voorbeeldbesturen", kind="bestuur")

    found = superuser_client.get(changelist(), {"q": "Arnhem"})
    filtered = superuser_client.get(changelist(), {"kind__exact": "bestuur"})

    assert found.status_code == 200
    assert found.context["cl"].result_count == 1
    assert "Hogeschool van Arnhem en Nijmegen" in found.content.decode()
    assert filtered.context["cl"].result_count == 1
    assert "Stichting Voorbeeldbesturen" in filtered.content.decode()


def test_publish_action_publishes_the_selected_drafts(superuser_client):
    draft = factories.organization(status="draft")

    superuser_client.post(
        changelist(), {"action": "make_published", "_selected_action": [draft.pk]}
    )

    draft.refresh_from_db()
    assert draft.status == "published"


def test_alliance_edit_page_shows_the_focus_point_inline(superuser_client, demo):
    from alliances.models import Alliance

    razon = Alliance.objects.get(slug="ra-zon")
    response = superuser_client.get(reverse("admin:alliances_alliance_change", args=[razon.pk]))

    assert response.status_code == 200
    assert "Versterken en verbinden" in response.content.decode()


@pytest.mark.parametrize(
    "url_name", ["admin:alliances_person_changelist", "admin:alliances_alliance_changelist"]
)
def test_other_alliance_admins_load_with_search(superuser_client, demo, url_name):
    response = superuser_client.get(reverse(url_name), {"q": "a"})

    assert response.status_code == 200


def test_the_person_form_says_where_a_public_person_shows_and_that_others_stay_in_the_admin(
    superuser_client,
):
    hidden = factories.person(name="Verborgen Persoon", is_public=False)

    form = superuser_client.get(reverse("admin:alliances_person_add")).content.decode()
    listing = superuser_client.get(reverse("admin:alliances_person_changelist")).content.decode()

    assert "als contactpersoon van een alliantie" in form and "regiokaart" in form
    assert "alleen in het beheer te zien" in form
    assert hidden.name in listing  # editors do see them, here


def test_the_list_shows_and_filters_demo_organisations(superuser_client):
    factories.organization(name="Verzonnen bond", is_demo=True)
    factories.organization(name="Echte hogeschool")

    html = superuser_client.get(changelist()).content.decode()
    assert "column-is_demo" in html

    demo_only = superuser_client.get(changelist(), {"is_demo__exact": "1"}).content.decode()
    assert "Verzonnen bond" in demo_only and "Echte hogeschool" not in demo_only
