"""A post scheduled for later appears everywhere at its time and not a moment before; a
draft appears nowhere. The clock is stopped (tests/news/conftest.py) and moved by hand."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news import related
from news.models import Post
from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = "Ingepland bericht"


@pytest.fixture
def scheduled(clock):
    """A post published for 10:00 on 1 March 2030, with a sibling it shares a sector and an
    event with, and a draft that shares them too."""
    po = Sector.objects.get(code="po")
    event = factories.event()
    sibling = factories.post(title="Zusterbericht", sectors=[po], events=[event])
    post = factories.post(
        title=TITLE,
        date=None,
        publish_at=timezone.make_aware(datetime.datetime(2030, 3, 1, 10, 0)),
        sectors=[po],
        events=[event],
    )
    factories.post(title="Geheim concept", sectors=[po], events=[event], status="draft")
    return {"post": post, "sibling": sibling, "event": event}


def everywhere(client, scheduled):
    """Where a published post shows up, as one text per place."""
    post, sibling, event = scheduled["post"], scheduled["sibling"], scheduled["event"]
    pages = {
        "list": client.get(reverse("news:list")),
        "kind list": client.get(reverse("news:list"), {"soort": post.kind}),
        "rss": client.get(reverse("news:feed")),
        "atom": client.get(reverse("news:feed_atom")),
        "kind feed": client.get(reverse("news:feed_kind", args=[post.kind])),
        "home": client.get(reverse("home")),
        "sibling page": client.get(sibling.get_absolute_url()),
    }
    found = {place: response.content.decode() for place, response in pages.items()}
    found["post page"] = str(client.get(post.get_absolute_url()).status_code)
    found["event section"] = str(related.posts_about_event(event))
    found["related posts"] = str(list(Post.objects.published().related_to(sibling)))
    return found


def test_a_scheduled_post_appears_at_its_time_and_not_before(client, clock, scheduled):
    clock.set(2030, 3, 1, 9, 59, 59)
    before = everywhere(client, scheduled)
    assert [place for place, text in before.items() if TITLE in text] == []
    assert before["post page"] == "404"

    clock.set(2030, 3, 1, 10, 0)
    after = everywhere(client, scheduled)
    missing = [place for place, text in after.items() if TITLE not in text]
    assert missing == ["post page"]  # the page itself is a status code here
    assert after["post page"] == "200"


def test_a_scheduled_post_is_dated_the_day_it_appears(scheduled):
    assert scheduled["post"].date == datetime.date(2030, 3, 1)


def test_a_draft_appears_nowhere_even_long_after(client, clock, scheduled):
    clock.set(2040, 1, 1, 12, 0)

    after = everywhere(client, scheduled)

    assert [place for place, text in after.items() if "Geheim concept" in text] == []
    draft = Post.objects.get(title="Geheim concept")
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_publishing_a_draft_in_the_admin_puts_it_online_at_once(client, clock, scheduled):
    draft = Post.objects.get(title="Geheim concept")
    Post.objects.filter(pk=draft.pk).update(status=PublishStatus.PUBLISHED)

    assert "Geheim concept" in client.get(reverse("news:list")).content.decode()
