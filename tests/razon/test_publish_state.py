"""The publish state in every content admin: concept, gepland (published with a future
publish time) and gepubliceerd, as a list column and a filter."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from razon.models import PublishState, PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_events():
    return {
        "draft": factories.event(title="Concept-bijeenkomst", status=PublishStatus.DRAFT),
        "scheduled": factories.event(
            title="Geplande bijeenkomst", publish_at=timezone.now() + timedelta(days=3)
        ),
        "published": factories.event(title="Gepubliceerde bijeenkomst"),
    }


def test_the_queryset_tells_the_three_states_apart(three_events):
    assert list(Event.objects.drafts()) == [three_events["draft"]]
    assert list(Event.objects.scheduled()) == [three_events["scheduled"]]
    assert list(Event.objects.published()) == [three_events["published"]]
    assert set(Event.objects.not_published()) == {three_events["draft"], three_events["scheduled"]}
    assert three_events["scheduled"].publish_state == PublishState.SCHEDULED


@pytest.mark.parametrize(
    ("state", "title"),
    [
        ("draft", "Concept-bijeenkomst"),
        ("scheduled", "Geplande bijeenkomst"),
        ("published", "Gepubliceerde bijeenkomst"),
    ],
)
def test_the_list_filters_on_the_state(superuser_client, three_events, state, title):
    response = superuser_client.get(reverse("admin:events_event_changelist"), {"publicatie": state})
    listed = [event.title for event in response.context["cl"].result_list]
    assert listed == [title]


def test_the_list_shows_gepland_with_its_moment(superuser_client, three_events):
    page = superuser_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert "Gepland (vanaf" in page
    assert "Concept" in page


@pytest.mark.parametrize(
    "url",
    [
        "admin:events_event_changelist",
        "admin:news_post_changelist",
        "admin:alliances_organization_changelist",
        "admin:alliances_alliance_changelist",
        "admin:regions_educationregion_changelist",
        "admin:regions_rapproject_changelist",
        "admin:partnerships_partnership_changelist",
    ],
)
def test_every_content_list_has_the_state_filter(superuser_client, url):
    response = superuser_client.get(reverse(url))
    assert response.status_code == 200
    assert "?publicatie=scheduled" in response.content.decode()
