from datetime import timedelta

import pytest
from django.utils import timezone

from alliances.models import Organization
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts_and_what_is_scheduled_for_later():
    now = timezone.now()
    visible = factories.organization(name="Gepubliceerd")
    past = factories.organization(name="Eerder gepland", publish_at=now - timedelta(hours=1))
    factories.organization(name="Concept", status=PublishStatus.DRAFT)
    factories.organization(name="Later gepland", publish_at=now + timedelta(hours=1))

    assert set(Organization.objects.published()) == {visible, past}


def test_scheduled_item_appears_once_its_time_has_come():
    scheduled = factories.organization(publish_at=timezone.now() + timedelta(minutes=5))
    assert not scheduled.is_published

    Organization.objects.filter(pk=scheduled.pk).update(
        publish_at=timezone.now() - timedelta(seconds=1)
    )
    scheduled.refresh_from_db()

    assert scheduled.is_published
    assert scheduled in Organization.objects.published()


def test_published_is_chainable_with_other_queryset_methods():
    factories.organization(kind="hbo", name="Opleiding")
    factories.organization(kind="hbo", status=PublishStatus.DRAFT)
    factories.organization(kind="bestuur")

    names = list(Organization.objects.published().teacher_training().values_list("name", flat=True))

    assert names == ["Opleiding"]
