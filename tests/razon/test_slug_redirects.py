"""A published item's old address keeps working after its slug changed (301 to the new one)."""

import pytest

from razon.models import PublishStatus, SlugRedirect
from tests import factories

pytestmark = pytest.mark.django_db

MODELS = {
    "event": factories.event,
    "post": factories.post,
    "organization": factories.organization,
    "alliance": factories.alliance,
    "education region": factories.education_region,
    "rap project": factories.rap_project,
    "partnership": factories.partnership,
}


def _reload(item):
    return type(item).objects.get(pk=item.pk)


def _rename(item, slug):
    item = _reload(item)
    item.slug = slug
    item.save()
    return item


@pytest.mark.parametrize("make", MODELS.values(), ids=MODELS.keys())
def test_the_old_address_of_a_published_item_redirects_permanently(client, make):
    item = make()
    old_url = item.get_absolute_url()
    item = _rename(item, "nieuw-adres")

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == item.get_absolute_url()
    assert client.get(item.get_absolute_url()).status_code == 200


def test_the_query_string_is_kept(client):
    event = factories.event(slug="oud")
    _rename(event, "nieuw")
    assert client.get("/agenda/oud/?utm=x")["Location"] == "/agenda/nieuw/?utm=x"


def test_a_chain_of_renames_redirects_in_one_step(client):
    event = factories.event(slug="eerste")
    event = _rename(event, "tweede")
    event = _rename(event, "derde")
    assert client.get("/agenda/eerste/")["Location"] == "/agenda/derde/"
    assert client.get("/agenda/tweede/")["Location"] == "/agenda/derde/"


def test_renaming_back_removes_the_redirect_of_the_current_address(client):
    event = factories.event(slug="eerste")
    event = _rename(event, "tweede")
    event = _rename(event, "eerste")
    assert client.get("/agenda/eerste/").status_code == 200
    assert client.get("/agenda/tweede/")["Location"] == "/agenda/eerste/"
    assert not SlugRedirect.objects.filter(old_path="/agenda/eerste/").exists()


def test_a_new_item_that_takes_the_old_slug_wins(client):
    old = factories.event(slug="gedeeld", title="Oud")
    _rename(old, "ander")
    factories.event(slug="gedeeld", title="Nieuw")
    response = client.get("/agenda/gedeeld/")
    assert response.status_code == 200
    assert "Nieuw" in response.content.decode()


def test_a_draft_leaves_no_redirect(client):
    event = factories.event(slug="concept", status=PublishStatus.DRAFT)
    _rename(event, "concept-2")
    assert not SlugRedirect.objects.exists()
    assert client.get("/agenda/concept/").status_code == 404


def test_no_redirect_to_an_item_that_went_back_to_draft(client):
    event = factories.event(slug="oud")
    event = _rename(event, "nieuw")
    event.status = PublishStatus.DRAFT
    event.save()
    assert client.get("/agenda/oud/").status_code == 404


def test_a_deleted_item_leaves_a_plain_404(client):
    event = factories.event(slug="oud")
    _rename(event, "nieuw").delete()
    assert client.get("/agenda/oud/").status_code == 404


def test_changing_the_slug_in_the_admin_keeps_the_old_address(superuser_client, client):
    organization = factories.organization(slug="oude-naam", name="Stichting X")
    response = superuser_client.post(
        f"/admin/alliances/organization/{organization.pk}/change/",
        {
            "name": "Stichting X",
            "short_name": "",
            "slug": "nieuwe-naam",
            "kind": organization.kind,
            "city": "",
            "website": "",
            "description": "",
            "status": PublishStatus.PUBLISHED,
            "publish_at_0": "",
            "publish_at_1": "",
        },
    )
    assert response.status_code == 302, response.context["errors"]
    assert client.get("/organisaties/oude-naam/")["Location"] == "/organisaties/nieuwe-naam/"


def test_a_plain_404_costs_one_extra_query(client, django_assert_num_queries):
    # 1. the page's own lookup of a published event; 2. the redirect lookup
    with django_assert_num_queries(2):
        assert client.get("/agenda/bestaat-niet/").status_code == 404
