"""The posts admin: the permission ladder, search and filters, the form an editor fills in
(preview button, autocomplete, required alt text, a date that fills itself), "bekijk op de
site" only for what visitors can see."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Post
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:news_post_changelist")
ADD = reverse("admin:news_post_add")


def form_data(**overrides):
    data = {
        "kind": "nieuws",
        "title": "Nieuw bericht",
        "slug": "nieuw-bericht",
        "date": "",
        "intro": "Een inleiding.",
        "body": "## Kop\n\nTekst.",
        "status": PublishStatus.PUBLISHED,
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "links-0-position": "1",
        "links-0-title": "Meer lezen",
        "links-0-url": "https://ra-zon.example/",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_and_staff_without_permission_stay_out(
    client, staff_without_permissions
):
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))

    client.force_login(staff_without_permissions)
    assert client.get(CHANGELIST).status_code == 403


def test_the_list_searches_filters_and_links_to_the_site(superuser_client):
    published = factories.post(title="Leerruimte onderwijsregio's", kind="blog")
    factories.post(title="Concept over regio's", status=PublishStatus.DRAFT)

    found = superuser_client.get(CHANGELIST, {"q": "leerruimte"})
    blogs = superuser_client.get(CHANGELIST, {"kind__exact": "blog"})
    everything = superuser_client.get(CHANGELIST).content.decode()

    assert found.context["cl"].result_count == 1
    assert blogs.context["cl"].result_count == 1
    assert f'<a href="{published.get_absolute_url()}">bekijk</a>' in everything
    assert everything.count(">bekijk</a>") == 1  # not for the draft


def test_the_form_offers_a_preview_and_autocomplete_for_relations(superuser_client):
    html = superuser_client.get(ADD).content.decode()

    assert "data-richtext-preview-url" in html and "js/richtext-preview.js" in html
    for field in ["author", "events", "partnerships", "regions", "organizations"]:
        select = re.search(rf'<select name="{field}"[^>]*>', html).group(0)
        assert 'class="admin-autocomplete"' in select
    assert "Verplicht bij een afbeelding" in html  # help texts an editor understands


def test_an_editor_adds_a_post_and_its_date_fills_itself(superuser_client):
    response = superuser_client.post(ADD, form_data())

    assert response.status_code == 302, response.context["adminform"].form.errors
    post = Post.objects.get(slug="nieuw-bericht")
    assert post.date == timezone.localdate()
    assert post.links.get().url == "https://ra-zon.example/"


def test_a_javascript_link_is_refused(superuser_client):
    response = superuser_client.post(ADD, form_data(**{"links-0-url": "javascript:alert(1)"}))

    assert response.status_code == 200
    assert not Post.objects.filter(slug="nieuw-bericht").exists()


def test_bekijk_op_de_site_for_a_published_post_and_a_preview_for_a_draft(superuser_client):
    published = factories.post()
    draft = factories.post(status=PublishStatus.DRAFT)

    def change_page(post):
        return superuser_client.get(reverse("admin:news_post_change", args=[post.pk])).content

    assert f'href="{published.get_absolute_url()}"'.encode() in change_page(published)
    assert b"?voorbeeld=" not in change_page(published)
    assert f'href="{draft.get_absolute_url()}"'.encode() not in change_page(draft)
    assert f'href="{draft.get_absolute_url()}?voorbeeld='.encode() in change_page(draft)


def test_the_publish_action_publishes_the_chosen_posts(superuser_client):
    draft = factories.post(status=PublishStatus.DRAFT)

    superuser_client.post(CHANGELIST, {"action": "make_published", "_selected_action": [draft.pk]})

    draft.refresh_from_db()
    assert draft.status == PublishStatus.PUBLISHED
