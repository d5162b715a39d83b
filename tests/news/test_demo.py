import io

import pytest
from django.core.management import call_command

from news.models import Post

pytestmark = pytest.mark.django_db


def test_the_demo_tells_the_seeds_posts_and_enough_to_page_through(demo):
    published = Post.objects.published()
    assert published.count() >= 24
    assert Post.objects.exclude(pk__in=published).filter(title__startswith="Terugblik").exists()

    blog = published.get(slug="leerruimte-onderwijsregios")
    assert blog.kind == "blog" and blog.byline_name == "Miranda" and "lector" in blog.byline_role
    assert "[^1]:" in blog.body and blog.links.count() == 4
    assert blog.partnerships.get().short_name == "POO"

    report = published.get(slug="verslag-strategiesessie-onderwijsregios-7-februari-2024")
    assert report.kind == "verslag"
    assert report.events.filter(slug="strategiesessie-onderwijsregios-7-februari-2024").exists()

    meeting = published.get(
        slug="informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021"
    )
    assert set(meeting.sectors.values_list("code", flat=True)) == {"po", "vo", "mbo"}
    assert meeting.events.exists()


# A source's own text keeps its author even when a detail (its date) marks the post as demo.
WORD_FOR_WORD = {"leerruimte-onderwijsregios": "Miranda"}


def test_invented_posts_are_marked_and_written_by_the_editors(demo):
    for post in Post.objects.filter(is_demo=True).exclude(slug__in=WORD_FOR_WORD):
        assert post.author_id is None and post.author_name in {"", "Redactie RA-ZON"}
    for slug, author in WORD_FOR_WORD.items():
        assert Post.objects.get(slug=slug).author_name == author


def test_loading_the_demo_again_changes_no_post(demo):
    out = io.StringIO()
    call_command("load_demo", stdout=out)

    assert "news: 0 item(s)" in out.getvalue()


def test_the_demo_report_has_a_picture_with_renditions(demo, client):
    from django.core.files.storage import default_storage

    from news.demo import ILLUSTRATED
    from razon.images import rendition_name

    post = Post.objects.get(slug=ILLUSTRATED)
    assert post.cover_alt and (post.cover_width, post.cover_height) == (1200, 630)
    assert default_storage.exists(rendition_name(post.cover.name, 1600))

    html = client.get(post.get_absolute_url()).content.decode()
    assert rendition_name(post.cover.url, 480) in html


def test_every_demo_post_and_event_has_an_illustration_sharing_stored_files(demo):
    from django.core.files.storage import default_storage

    from events.models import Event

    posts, events = Post.objects.all(), Event.objects.all()

    assert all(post.cover and post.cover_alt.startswith("Illustratie:") for post in posts)
    assert all(event.image and event.image_alt.startswith("Illustratie:") for event in events)
    # One stored file per illustration and model, shared by the items that show it.
    assert len({post.cover.name for post in posts}) <= 8
    assert all(default_storage.exists(post.cover.name) for post in posts)
