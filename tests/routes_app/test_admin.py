"""The routes admin: the permission ladder, search, filters and list columns, the source
or demo rule, reserved addresses, and the history."""

import pytest
from django.urls import reverse
from reversion.models import Version

from razon.models import PublishStatus
from routes.models import Route
from tests import factories
from tests.routes_app.conftest import make_route

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:routes_route_changelist")
ADD = reverse("admin:routes_route_add")


def form_data(institute, **overrides):
    data = {
        "name": "Zij-instroom po",
        "slug": "zij-instroom-po",
        "institutes": [str(institute.pk)],
        "kind": "zij-instroom",
        "qualification": "po",
        "summary": "Werken en leren tegelijk.",
        "levels": ["po"],
        "forms": ["werkend-leren"],
        "admits": ["hbo", "wo"],
        "requires_school_job": "on",
        "places": ["nijmegen"],
        "language": "nl",
        "source": "https://example.org/zij-instroom (bekeken december 2026)",
        "status": PublishStatus.PUBLISHED,
    }
    data.update(overrides)
    return data


def test_visitors_and_staff_without_permission_stay_out(client, staff_without_permissions):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    client.force_login(staff_without_permissions)
    assert client.get(CHANGELIST).status_code == 403


@pytest.mark.parametrize(
    "persona, status", [("editor", 200), ("project_leader", 200), ("partnership_editor", 403)]
)
def test_editors_add_routes_and_partnership_editors_only_read_them(
    client, request, persona, status
):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(ADD).status_code == status
    assert client.get(CHANGELIST).status_code == 200


def test_the_list_searches_filters_and_shows_source_and_demo(superuser_client):
    make_route(name="Pabo deeltijd", levels=["po"], is_demo=True, source="")
    make_route(name="Educatieve master", levels=["vo-bovenbouw"], kind="eerstegraads")

    found = superuser_client.get(CHANGELIST, {"q": "educatieve"})
    po = superuser_client.get(CHANGELIST, {"lesgeven_op": "po"})
    masters = superuser_client.get(CHANGELIST, {"kind__exact": "eerstegraads"})
    demo = superuser_client.get(CHANGELIST, {"is_demo__exact": "1"})
    html = superuser_client.get(CHANGELIST).content.decode()

    assert found.context["cl"].result_count == 1
    assert [r.name for r in po.context["cl"].result_list] == ["Pabo deeltijd"]
    assert [r.name for r in masters.context["cl"].result_list] == ["Educatieve master"]
    assert [r.name for r in demo.context["cl"].result_list] == ["Pabo deeltijd"]
    for column in ["soort route", "leidt tot", "instituten", "bron", "demogegevens"]:
        assert column in html.lower(), column


def test_an_editor_adds_a_route_with_checkboxes_and_help_texts(superuser_client):
    institute = factories.organization(name="HAN", kind="hbo")
    form = superuser_client.get(ADD).content.decode()
    assert 'type="checkbox" name="levels" value="po"' in form
    assert "Waar de gegevens vandaan komen" in form

    response = superuser_client.post(ADD, form_data(institute))

    assert response.status_code == 302
    route = Route.objects.get(slug="zij-instroom-po")
    assert route.levels == ["po"] and route.admits == ["hbo", "wo"]
    assert route.requires_school_job
    assert list(route.institutes.all()) == [institute]


def test_a_route_without_a_source_must_be_marked_demo(superuser_client):
    institute = factories.organization(kind="hbo")

    refused = superuser_client.post(ADD, form_data(institute, source=""))
    accepted = superuser_client.post(ADD, form_data(institute, source="", is_demo="on"))

    assert refused.status_code == 200
    assert "Noem de bron van deze gegevens" in refused.content.decode()
    assert accepted.status_code == 302


def test_reserved_addresses_and_unknown_choices_are_refused(superuser_client):
    institute = factories.organization(kind="hbo")

    for changes in ({"slug": "vergelijk"}, {"levels": ["hemel"]}, {"levels": []}):
        response = superuser_client.post(ADD, form_data(institute, **changes))
        assert response.status_code == 200, changes
        assert response.context["adminform"].form.errors, changes
    assert not Route.objects.exists()


def test_every_change_is_kept_in_the_history(superuser_client):
    institute = factories.organization(kind="hbo")
    superuser_client.post(ADD, form_data(institute))
    route = Route.objects.get()

    history = superuser_client.get(reverse("admin:routes_route_history", args=[route.pk]))

    assert history.status_code == 200
    assert Version.objects.get_for_object(route).count() == 1
    assert reverse("admin:routes_route_revision", args=[route.pk, Version.objects.get().pk]) in (
        history.content.decode()
    )
