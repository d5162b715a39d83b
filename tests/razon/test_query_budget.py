"""Every public page and htmx fragment the benchmark measures runs a fixed number of SQL
queries, at most 10, whatever the size of the data: the same page list (bench/pages.py)
is requested on the benchmark's data set at two sizes and the counts must be equal."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench import dataset
from bench.pages import public_pages

MAX_QUERIES = 10


def _query_counts(client):
    counts = {}
    for page in public_pages():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path, headers=page.headers)
        assert response.status_code == 200, page
        counts[page.name] = len(queries)
    return counts


@pytest.fixture
def counts_at_two_sizes(client, demo):
    dataset.load(0.02)  # 20 partnerships, 40 posts, 10 events with 400 registrations …
    small = _query_counts(client)
    dataset.load(0.1)  # 100 partnerships, 200 posts, 50 events with 2,000 registrations …
    large = _query_counts(client)
    return small, large


def test_every_public_page_runs_at_most_ten_queries_the_same_at_both_sizes(counts_at_two_sizes):
    small, large = counts_at_two_sizes

    assert set(small) == set(large)
    assert len(large) >= 40  # every page kind, its filters and fragments
    assert {name: count for name, count in large.items() if count > MAX_QUERIES} == {}
    assert {
        name: (small[name], count) for name, count in large.items() if small[name] != count
    } == {}


def test_the_list_covers_every_kind_of_public_page(demo):
    dataset.load(0.01)
    pages = public_pages()
    paths = {page.path.split("?")[0] for page in pages}

    for path in ["/", "/regio/kaart/", "/zoeken/", "/contact/", "/berichten/feed/", "/agenda.ics"]:
        assert path in paths
    for prefix in [
        "/partnerschappen/bench-",
        "/berichten/bench-",
        "/agenda/bench-",
        "/onderwijsregios/bench-",
        "/rap-projecten/bench-",
        "/organisaties/bench-",
        "/opleidingsroutes/bench-",
    ]:
        assert any(path.startswith(prefix) for path in paths), prefix
    assert sum(page.is_fragment for page in pages) >= 10
