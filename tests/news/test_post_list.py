"""/berichten/: newest first, filters with facets, htmx fragments, "Oudere berichten", bad
input, and a fixed number of queries with 2,000 posts."""

import datetime

import pytest
from django.urls import reverse

from news.models import Post
from razon.models import PublishStatus, Sector
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("news:list")


def titles(response):
    return [post.title for post in response.context["page"].object_list]


@pytest.fixture
def posts():
    po, vo = Sector.objects.get(code="po"), Sector.objects.get(code="vo")
    return {
        "blog": factories.post(
            title="Leerruimte", kind="blog", date=datetime.date(2024, 4, 15), sectors=[po]
        ),
        "report": factories.post(
            title="Verslag sessie",
            kind="verslag",
            date=datetime.date(2024, 2, 21),
            sectors=[po, vo],
        ),
        "news": factories.post(title="Nieuws vo", date=datetime.date(2023, 7, 12), sectors=[vo]),
        "draft": factories.post(title="Geheim concept", status=PublishStatus.DRAFT),
    }


def test_the_list_shows_published_posts_newest_first(client, posts):
    response = client.get(URL)

    assert response.status_code == 200
    assert "news/post_list.html" in [t.name for t in response.templates]
    assert titles(response) == ["Leerruimte", "Verslag sessie", "Nieuws vo"]
    html = response.content.decode()
    assert "Geheim concept" not in html
    assert "3 berichten gevonden" in html
    assert '<span aria-current="page">Berichten</span>' in html  # breadcrumbs


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"soort": "blog"}, ["Leerruimte"]),
        ({"soort": "verslag"}, ["Verslag sessie"]),
        ({"sector": "vo"}, ["Verslag sessie", "Nieuws vo"]),
        ({"sector": "po", "soort": "nieuws"}, []),
        ({"zoek": "sessie"}, ["Verslag sessie"]),
        ({"zoek": "concept"}, []),  # a draft is never found
    ],
)
def test_filters(client, posts, query, expected):
    assert titles(client.get(URL, query)) == expected


def test_facets_count_what_each_choice_would_give(client, posts):
    html = client.get(URL, {"sector": "vo"}).content.decode()

    assert '<option value="verslag">Verslag (1)</option>' in html
    assert '<option value="nieuws">Nieuws (1)</option>' in html
    assert '<option value="blog">' not in html  # no blog about vo
    assert '<option value="vo" selected>VO (2)</option>' in html
    assert '<option value="po">PO (2)</option>' in html


def test_the_page_head_announces_the_feeds_and_the_kinds_own_feed(client, posts):
    html = client.get(URL, {"soort": "blog"}).content.decode()
    head = html.split("</head>")[0]

    assert 'rel="alternate" type="application/rss+xml"' in head  # the plain type (#22)
    assert 'href="/berichten/feed/"' in head and 'href="/berichten/feed/atom/"' in head
    assert 'title="RA-ZON: Blogs (RSS)" href="/berichten/feed/blog/"' in head
    assert 'href="/berichten/feed/blog/atom/"' in head


def test_htmx_filtering_returns_the_results_fragment(client, posts):
    response = client.get(URL, {"soort": "blog"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and "Leerruimte" in html and "Nieuws vo" not in html
    assert 'id="filters"' not in html and "1 bericht gevonden" in html
    # What beside the results depends on the filters comes out of band: facets, feed links.
    assert 'id="facet-soort" data-hx-swap-oob="true"' in html
    assert 'id="feed-links" class="feed-links" data-hx-swap-oob="true"' in html
    assert 'href="/berichten/feed/blog/"' in html
    assert "HX-Request" in response["Vary"]


def make_posts(count, **fields):
    return Post.objects.bulk_create(
        Post(
            title=f"Bericht {n:04}",
            slug=f"bericht-{n}",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            intro="Inleiding",
            body="Tekst",
            status=PublishStatus.PUBLISHED,
            **fields,
        )
        for n in range(count)
    )


def test_without_javascript_oudere_berichten_is_the_next_page(client):
    make_posts(25)

    first = client.get(URL).content.decode()
    assert 'href="?pagina=2" rel="next"' in first
    assert "Bericht 0024" in first and "Bericht 0014" not in first

    second = client.get(URL, {"pagina": 2}).content.decode()
    assert "Bericht 0014" in second and "Bericht 0024" not in second
    assert "Berichten 11 tot en met 20." in second
    assert 'href="?pagina=1" rel="prev"' in second  # back to the newer posts
    assert 'href="?pagina=3" rel="next"' in second


def test_htmx_oudere_berichten_returns_only_the_next_items_and_button(client):
    make_posts(25)

    response = client.get(URL, {"pagina": 2}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="more")

    html = response.content.decode()
    assert "<html" not in html and 'id="directory"' not in html and "<ol" not in html
    assert html.count('class="post-summary"') == 10
    assert 'id="page-2"' in html  # where focus goes after the swap
    assert 'id="more"' in html and 'data-hx-get="?pagina=3"' in html
    assert 'data-announce-after-swap="Berichten 21 tot en met 25 van 25 geladen."' in html

    last = client.get(URL, {"pagina": 3}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="more")
    assert last.content.decode().count('class="post-summary"') == 5
    assert 'id="more"' not in last.content.decode()


def test_the_load_more_button_keeps_the_filters(client):
    make_posts(15, kind="blog")

    html = client.get(URL, {"soort": "blog"}).content.decode()

    assert 'data-hx-get="?soort=blog&amp;pagina=2"' in html


@pytest.mark.parametrize(
    "query",
    [
        {"soort": "bestaat-niet"},
        {"sector": "<script>alert(1)</script>"},
        {"pagina": "zz"},
        {"pagina": "-1"},
        {"pagina": "99999999999999999999999"},
        {"zoek": "x" * 10_000},
        {"zoek": "'; DROP TABLE news_post; --"},
        {"soort": ["blog", "nieuws"], "sector": "\u202e"},  # NUL: 400, test_hostile_requests
    ],
)
def test_bad_input_never_breaks_the_page(client, posts, query):
    response = client.get(URL, query)
    fragment = client.get(URL, query, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="more")
    unknown = client.get(URL, query, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="elders")

    assert response.status_code == fragment.status_code == unknown.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert unknown.content.decode().lstrip().startswith('<div id="directory"')


def test_an_invalid_filter_is_explained_and_not_applied(client, posts):
    html = client.get(URL, {"soort": "bestaat-niet"}).content.decode()

    assert "Een filter had een ongeldige waarde" in html
    assert "3 berichten gevonden" in html


def test_an_empty_result_offers_to_clear_the_filters(client, posts):
    html = client.get(URL, {"zoek": "bestaat nergens"}).content.decode()

    assert "0 berichten gevonden" in html
    assert "Wis alle filters en toon alles" in html


def test_the_list_runs_a_fixed_number_of_queries_with_2000_posts(client, django_assert_num_queries):
    sectors = list(Sector.objects.all())
    author = factories.person(name="Miranda")
    created = make_posts(2000, author=author)
    through = Post.sectors.through
    through.objects.bulk_create(
        through(post_id=post.pk, sector_id=sectors[k % len(sectors)].pk)
        for post in created
        for k in range(post.pk % 3 + 1)
    )

    # 1 kind facet, 2 sector facet, 3 count, 4 the page of posts with their authors,
    # 5 the page's sectors (prefetch).
    with django_assert_num_queries(5):
        response = client.get(URL, {"sector": "po"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 10
    # "Oudere berichten" with htmx: 1 count, 2 the page with authors, 3 their sectors.
    with django_assert_num_queries(3):
        response = client.get(URL, {"pagina": 50}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="more")
    assert response.content.decode().count("Miranda") == 10
