"""/berichten/<slug>/: the post with author, date, reading time, text, further reading, what
it is about and related posts; structured data; drafts hidden; a fixed number of queries."""

import datetime
import json
import re

import pytest

from news.models import PostLink
from razon.models import PublishStatus, Sector
from tests import factories
from tests.hostile import HOSTILE_INPUTS, executable_parts

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.fixture
def blog():
    po = Sector.objects.get(code="po")
    partnership = factories.partnership(name="Partners in Opleiding en Ontwikkeling")
    post = factories.post(
        kind="blog",
        title="Leerruimte onderwijsregio's",
        date=datetime.date(2024, 4, 15),
        intro="Wat betekenen onderwijsregio's voor ons?",
        body=f"## Wat is een onderwijsregio?\n\n{'woord ' * 450}RAL[^1]\n\n[^1]: Regionale Aanpak.",
        author_name="Miranda",
        author_role="lector",
        sectors=[po],
        partnerships=[partnership],
    )
    PostLink.objects.create(post=post, position=2, title="Podcast", url="https://podcast.example/")
    PostLink.objects.create(post=post, position=1, title="VO-raad", url="https://vo-raad.example/")
    return post


def test_a_post_shows_author_date_reading_time_text_and_further_reading(client, blog):
    response = client.get(blog.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "news/post_detail.html" in [t.name for t in response.templates]
    assert "<h1>Leerruimte onderwijsregio&#x27;s</h1>" in html
    assert "Door <strong>Miranda</strong>, lector" in html
    assert '<time datetime="2024-04-15">15 april 2024</time>' in html
    assert "3 minuten leestijd" in html
    assert "<h2>Wat is een onderwijsregio?</h2>" in html
    assert 'class="footnote-ref" href="#fn:1"' in html
    assert html.index("VO-raad") < html.index("Podcast")  # in the editor's order
    assert 'href="https://vo-raad.example/"' in html
    assert "Partners in Opleiding en Ontwikkeling" in html
    assert '<a href="/berichten/">Berichten</a>' in html  # breadcrumbs
    assert "voorbeeldinhoud" not in html


def test_a_post_describes_itself_as_a_schema_org_article(client, blog):
    html = client.get(blog.get_absolute_url()).content.decode()

    data = json_ld(html)
    assert data["@type"] == "Article"
    assert data["headline"] == "Leerruimte onderwijsregio's"
    assert data["url"] == "http://testserver/berichten/" + blog.slug + "/"
    assert data["author"] == {"@type": "Person", "name": "Miranda", "jobTitle": "lector"}
    assert data["datePublished"].startswith("2024-04-15T00:00:00")
    assert data["publisher"]["url"] == "http://testserver/"


def test_structured_data_cannot_close_its_script_element(client):
    post = factories.post(title="</script><script>alert(1)</script>", intro="a & b <x>")

    html = client.get(post.get_absolute_url()).content.decode()

    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_a_post_visitors_may_not_see_yet_is_not_found(client, status):
    post = factories.post(
        status=PublishStatus.DRAFT if status == "draft" else PublishStatus.PUBLISHED,
        publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
        if status == "scheduled"
        else None,
    )

    assert client.get(post.get_absolute_url()).status_code == 404


def test_related_posts_show_the_editors_choice_first_and_never_drafts(client):
    vo = Sector.objects.get(code="vo")
    chosen = factories.post(title="Door de redactie gekozen", date=datetime.date(2019, 1, 1))
    factories.post(title="Ook over vo", sectors=[vo])
    factories.post(title="Concept over vo", sectors=[vo], status=PublishStatus.DRAFT)
    post = factories.post(sectors=[vo], related_posts=[chosen])

    html = client.get(post.get_absolute_url()).content.decode()

    section = html.split('id="related-title"')[1]
    assert section.index("Door de redactie gekozen") < section.index("Ook over vo")
    assert "Concept over vo" not in html


def test_draft_relations_are_not_shown_on_a_post(client):
    post = factories.post(
        events=[factories.event(title="Conceptbijeenkomst", status=PublishStatus.DRAFT)],
        partnerships=[factories.partnership(name="Conceptpartnerschap", status="draft")],
        regions=[factories.education_region(name="Conceptregio", status=PublishStatus.DRAFT)],
        organizations=[factories.organization(name="Conceptorganisatie", status="draft")],
    )

    html = client.get(post.get_absolute_url()).content.decode()

    for name in ["Conceptbijeenkomst", "Conceptpartnerschap", "Conceptregio", "Concept" + "org"]:
        assert name not in html


@pytest.mark.parametrize("text", HOSTILE_INPUTS)
def test_hostile_text_reaches_the_page_as_nothing_executable(client, text):
    post = factories.post(body=text)

    html = client.get(post.get_absolute_url()).content.decode()

    prose = re.search(r'<div class="prose">(.*?)</div>\s*</div>\s*<aside', html, re.S).group(1)
    assert executable_parts(prose) == []
    assert executable_parts(html, allowed_tags=None) == []  # nor anywhere else on the page
    assert "alert(1)</script>" not in html


def test_a_post_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    sectors = list(Sector.objects.all())
    author = factories.person(organization=factories.organization())
    post = factories.post(
        author=author,
        sectors=sectors,
        events=[factories.event() for _ in range(5)],
        partnerships=[factories.partnership() for _ in range(5)],
        regions=[factories.education_region() for _ in range(5)],
        rap_projects=[factories.rap_project() for _ in range(5)],
        organizations=[factories.organization() for _ in range(5)],
        related_posts=[factories.post(sectors=sectors) for _ in range(5)],
    )
    for position in range(10):
        PostLink.objects.create(post=post, position=position, title="x", url="https://x.example/")
    for _ in range(30):
        factories.post(sectors=sectors, events=list(post.events.all()))

    # 1 the post with its public author, 2 sectors, 3 further reading, 4 events,
    # 5 partnerships, 6 regions, 7 RAP projects, 8 organisations, 9 related posts.
    with django_assert_num_queries(9):
        response = client.get(post.get_absolute_url())
    assert response.content.decode().count('class="card__title"') == 3


def test_demo_content_says_so(client):
    post = factories.post(is_demo=True)

    assert "voorbeeldinhoud van de demo" in client.get(post.get_absolute_url()).content.decode()
