import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from news.models import Post, PostLink
from razon.models import PublishStatus, Sector
from tests import factories
from tests.images import png_bytes

pytestmark = pytest.mark.django_db


def image(name="foto.png"):
    return SimpleUploadedFile(name, png_bytes(1, 1), content_type="image/png")


def test_a_cover_image_needs_a_description():
    post = factories.post()
    post.cover = image()

    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "cover_alt" in error.value.message_dict

    post.cover_alt = "Deelnemers in gesprek aan zes tafels."
    post.full_clean()


def test_the_cover_must_be_a_web_image_not_an_svg():
    post = factories.post(cover_alt="Een tekening")
    post.cover = SimpleUploadedFile(
        "tekening.svg", b"<svg onload=alert(1)></svg>", content_type="image/svg+xml"
    )

    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "cover" in error.value.message_dict


def test_an_author_is_a_person_or_a_name_not_both():
    post = factories.post(author=factories.person(name="Jaap"), author_name="Miranda")

    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "author_name" in error.value.message_dict


def fetched(post):
    """The post as the public pages fetch it: with its public author."""
    return Post.objects.with_public_author().get(pk=post.pk)


def test_the_byline_names_a_public_person_with_their_role_or_the_free_name():
    person = factories.person(name="Sabine", role="Projectleider")
    assert fetched(factories.post(author=person)).byline_name == "Sabine"
    assert fetched(factories.post(author=person)).byline_role == "Projectleider"
    assert fetched(factories.post(author=person, author_role="lector")).byline_role == "lector"
    assert fetched(factories.post(author_name="Miranda")).byline_name == "Miranda"

    hidden = factories.person(name="Verborgen", role="Geheim", is_public=False)
    post = fetched(factories.post(author=hidden))
    assert post.byline_name == "" and post.byline_role == ""


def test_a_post_fetched_without_its_public_author_names_no_person():
    """Fail-safe: only `with_public_author()` (which checks the person) names them."""
    post = factories.post(author=factories.person(name="Sabine", role="Projectleider"))
    assert post.byline_name == "" and post.byline_role == ""


def test_the_feed_address_is_not_a_post_address():
    post = factories.post(slug="feed")

    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "slug" in error.value.message_dict


def test_an_empty_date_becomes_the_day_the_post_appears():
    scheduled = timezone.make_aware(datetime.datetime(2031, 5, 4, 23, 30))
    assert factories.post(date=None, publish_at=scheduled).date == datetime.date(2031, 5, 4)
    assert factories.post(date=None).date == timezone.localdate()


def test_published_at_is_the_scheduled_moment_or_the_start_of_the_date():
    moment = timezone.make_aware(datetime.datetime(2031, 5, 4, 9, 15))
    assert factories.post(date=None, publish_at=moment).published_at == moment
    post = factories.post(date=datetime.date(2024, 2, 21))
    assert post.published_at == timezone.make_aware(datetime.datetime(2024, 2, 21))


def test_further_reading_links_must_be_web_addresses_even_outside_forms():
    post = factories.post()
    link = PostLink(post=post, title="Kwaad", url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        link.full_clean()

    with pytest.raises(IntegrityError), transaction.atomic():
        PostLink.objects.create(post=post, title="Kwaad", url="javascript:alert(1)")
    PostLink.objects.create(post=post, title="Goed", url="HTTPS://ra-zon.nl/")


class TestRelatedPosts:
    def related(self, post):
        return [p.title for p in Post.objects.published().related_to(post)]

    def test_the_editors_choice_comes_first_then_what_shares_the_most(self):
        po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
        region = factories.education_region()
        chosen = factories.post(title="Gekozen", date=datetime.date(2020, 1, 1))
        post = factories.post(title="Dit", sectors=[po], regions=[region], related_posts=[chosen])
        factories.post(title="Zelfde sector", sectors=[po], date=datetime.date(2025, 1, 1))
        factories.post(title="Zelfde regio en sector", sectors=[po], regions=[region])
        factories.post(title="Niets gemeen", sectors=[vo])

        assert self.related(post) == ["Gekozen", "Zelfde regio en sector", "Zelfde sector"]

    def test_at_most_three_newest_first_among_equals(self):
        po = Sector.objects.get(code="po")
        post = factories.post(sectors=[po])
        for year in range(2020, 2026):
            factories.post(title=str(year), sectors=[po], date=datetime.date(year, 1, 1))

        assert self.related(post) == ["2025", "2024", "2023"]

    def test_drafts_and_scheduled_posts_are_never_related(self):
        event = factories.event()
        draft = factories.post(title="Concept", events=[event], status=PublishStatus.DRAFT)
        later = factories.post(
            title="Later",
            events=[event],
            publish_at=timezone.now() + datetime.timedelta(days=1),
        )
        post = factories.post(events=[event], related_posts=[draft, later])

        assert self.related(post) == []

    def test_of_the_posts_sharing_only_a_sector_the_newest_are_candidates(self, monkeypatch):
        monkeypatch.setattr("news.models.BROAD_CANDIDATES", 2)
        po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
        event = factories.event()
        post = factories.post(sectors=[po, vo], events=[event])
        factories.post(title="Oud, twee sectoren", sectors=[po, vo], date=datetime.date(2020, 1, 1))
        factories.post(title="Oud, de bijeenkomst", events=[event], date=datetime.date(2019, 1, 1))
        for year in (2024, 2025):
            factories.post(title=str(year), sectors=[po], date=datetime.date(year, 1, 1))

        # The newest two sector-sharers are scored; a shared event counts whatever its age.
        assert self.related(post) == ["Oud, de bijeenkomst", "2025", "2024"]

    def test_a_post_is_not_related_to_itself(self):
        po = Sector.objects.get(code="po")
        post = factories.post(sectors=[po])
        post.related_posts.add(post)

        assert self.related(post) == []
