"""Previewing drafts and scheduled items: a signed, expiring link that only editors can use,
rendered by the public view itself."""

import time
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from razon import preview
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db

DRAFTS = {
    "event": lambda: factories.event(status=PublishStatus.DRAFT),
    "post": lambda: factories.post(status=PublishStatus.DRAFT),
    "organization": lambda: factories.organization(status=PublishStatus.DRAFT),
    "alliance": lambda: factories.alliance(status=PublishStatus.DRAFT),
    "main alliance": lambda: factories.alliance(status=PublishStatus.DRAFT, is_main=True),
    "education region": lambda: factories.education_region(status=PublishStatus.DRAFT),
    "rap project": lambda: factories.rap_project(status=PublishStatus.DRAFT),
    "partnership": lambda: factories.partnership(status=PublishStatus.DRAFT),
    "scheduled event": lambda: factories.event(publish_at=timezone.now() + timedelta(days=2)),
}


@pytest.mark.parametrize("make", DRAFTS.values(), ids=DRAFTS.keys())
def test_an_editor_previews_a_draft_on_its_own_public_page(superuser_client, client, make):
    item = make()
    assert client.get(item.get_absolute_url()).status_code == 404

    response = superuser_client.get(preview.preview_url(item))

    assert response.status_code == 200
    assert "Voorbeeld — niet gepubliceerd" in response.content.decode()
    assert response.context["request"].preview == item
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_the_preview_uses_the_public_template(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT, title="Strategiesessie in concept")
    response = superuser_client.get(preview.preview_url(event))
    assert "events/event_detail.html" in [t.name for t in response.templates]
    assert "Strategiesessie in concept" in response.content.decode()


def test_a_published_page_is_no_preview_and_may_be_cached(client):
    event = factories.event()
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Voorbeeld — niet gepubliceerd" not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_a_visitor_with_the_link_gets_a_clear_refusal(client):
    event = factories.event(status=PublishStatus.DRAFT, title="Geheim concept")
    response = client.get(preview.preview_url(event))
    assert response.status_code == 403
    assert "ingelogd als redacteur" in response.content.decode()
    assert "Geheim concept" not in response.content.decode()


def test_a_forged_token_is_refused(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT, title="Geheim concept")
    response = superuser_client.get(event.get_absolute_url() + "?voorbeeld=events.event:1:abc")
    assert response.status_code == 403
    assert "ongeldig" in response.content.decode()
    assert "Geheim concept" not in response.content.decode()


def test_a_token_for_another_item_is_refused(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT)
    other = factories.event(status=PublishStatus.DRAFT)
    token = preview.preview_token(other)
    response = superuser_client.get(f"{event.get_absolute_url()}?voorbeeld={token}")
    assert response.status_code == 403


def test_an_expired_link_is_refused(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT)
    two_days_ago = time.time() - 2 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=two_days_ago):
        url = preview.preview_url(event)
    response = superuser_client.get(url)
    assert response.status_code == 403
    assert "verlopen" in response.content.decode()


def test_staff_without_view_permission_cannot_preview(client, staff_without_permissions):
    event = factories.event(status=PublishStatus.DRAFT)
    client.force_login(staff_without_permissions)
    assert client.get(preview.preview_url(event)).status_code == 403

    staff_without_permissions.user_permissions.add(Permission.objects.get(codename="view_event"))
    assert client.get(preview.preview_url(event)).status_code == 200


def test_a_token_does_not_open_the_registration_form_of_a_draft(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT, registration_enabled=True)
    token = preview.preview_token(event)
    response = superuser_client.get(f"{event.get_absolute_url()}aanmelden/?voorbeeld={token}")
    assert response.status_code == 404


def test_a_missing_item_with_a_token_is_a_404(superuser_client):
    event = factories.event(status=PublishStatus.DRAFT)
    token = preview.preview_token(event)
    assert superuser_client.get(f"/agenda/bestaat-niet/?voorbeeld={token}").status_code == 404


def test_the_detail_page_keeps_its_query_count_for_visitors(client, django_assert_max_num_queries):
    event = factories.event()
    with django_assert_max_num_queries(12):
        assert client.get(event.get_absolute_url()).status_code == 200
