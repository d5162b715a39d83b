"""The site search on PostgreSQL: Dutch stemming, ranking, typos, and the indexes."""

import random
from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news.models import Post
from razon import search
from razon.models import PublishStatus, SearchEntry
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
    ),
]


def found(text):
    return list(search.search(SearchEntry.objects.published(), text))


def titles(text):
    return [entry.title for entry in found(text)]


def test_dutch_stemming_finds_other_forms_of_a_word():
    factories.post(title="Een nieuwe opleiding in Nijmegen")
    factories.post(title="Iets anders", intro="Over leraren en scholen.")
    assert titles("opleidingen") == ["Een nieuwe opleiding in Nijmegen"]
    assert titles("leraar") == ["Iets anders"]  # "leraren"
    assert titles("scholen") == ["Iets anders"]
    assert titles("docent") == []  # stemming, not synonyms


def test_a_title_match_ranks_above_a_summary_above_a_body_match():
    factories.post(title="Over iets", intro="Inleiding", body="Ook over samenwerking.")
    factories.post(title="Samenwerking in de regio", intro="Inleiding", body="Tekst.")
    factories.post(title="Nog iets", intro="De samenwerking groeit.", body="Tekst.")
    assert titles("samenwerking") == ["Samenwerking in de regio", "Nog iets", "Over iets"]


def test_a_small_typo_in_a_title_word_is_forgiven():
    factories.organization(name="Hogeschool van Arnhem en Nijmegen")
    assert titles("Nijmgen") == ["Hogeschool van Arnhem en Nijmegen"]


def test_drafts_and_scheduled_items_are_never_found():
    factories.post(title="Regionaal plan")
    factories.post(title="Regionaal concept", status=PublishStatus.DRAFT)
    factories.post(title="Regionaal gepland", publish_at=timezone.now() + timedelta(hours=1))
    assert titles("regionaal") == ["Regionaal plan"]


def test_snippets_mark_the_stemmed_matches_and_escape_the_rest(client):
    factories.post(title="Iets", intro="De <b>opleidingen</b> in de regio & 3 < 4.")
    page = client.get(reverse("search"), {"zoek": "opleiding"}).content.decode()
    assert "<mark>opleidingen</mark>" in page
    assert "<b>" not in page  # PostgreSQL's headline drops tags; the rest is escaped
    assert "&amp; 3 &lt; 4" in page


def test_websearch_syntax_and_odd_input_are_safe(client):
    factories.post(title="Samen opleiden")
    for text in ['"samen opleiden"', "samen -opleiden", "samen or", "&|!():*", "'", "%"]:
        assert client.get(reverse("search"), {"zoek": text}).status_code == 200
    assert titles('"samen opleiden"') == ["Samen opleiden"]


def explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def made_up_words(count, seed=1):
    """Words built from syllables: a vocabulary in which each word is rare, like real text."""
    rng = random.Random(seed)
    syllables = ["ba", "de", "ki", "lo", "mu", "ne", "pa", "ri", "so", "tu"]
    syllables += ["ver", "ster", "gen", "hof", "lin", "dam", "berg", "wijk", "plan"]
    vocabulary = sorted(
        {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(count)}
    )
    return lambda n: " ".join(rng.choices(vocabulary, k=n))


@pytest.fixture
def ten_thousand_entries():
    """10,000 published entries of made-up text plus one real post; ANALYZEd."""
    text = made_up_words(3000)
    content_type = ContentType.objects.get_for_model(Post)
    SearchEntry.objects.bulk_create(
        SearchEntry(
            content_type=content_type,
            object_id=1_000_000 + n,
            kind="bericht",
            title=text(5),
            summary=text(20),
            body=text(150),
            url=f"/berichten/{n}/",
            status=PublishStatus.PUBLISHED,
        )
        for n in range(10_000)
    )
    search._update_vectors(SearchEntry.objects.all())
    factories.post(title="Zeldzame zeilwedstrijd")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE razon_searchentry")


def test_ten_thousand_entries_are_searched_through_the_gin_indexes(ten_thousand_entries):
    queryset = search.search(SearchEntry.objects.published(), "zeilwedstrijden")
    sql, params = queryset[:10].query.sql_with_params()
    plan = explain(sql, params)
    print(plan)
    assert "razon_searchentry_vector_gin" in plan
    assert "razon_searchentry_title_trgm" in plan
    assert "Seq Scan" not in plan
    assert [entry.title for entry in queryset] == ["Zeldzame zeilwedstrijd"]


def test_the_search_page_keeps_its_query_count_with_many_entries(
    ten_thousand_entries, client, django_assert_num_queries
):
    word = SearchEntry.objects.order_by("pk").first().title.split()[0]
    with django_assert_num_queries(3):  # count, the page, the counts per kind
        response = client.get(reverse("search"), {"zoek": word})
    assert "resultaten gevonden" in response.content.decode()


def test_a_word_finds_its_compounds_and_longer_forms():
    factories.post(title="Zij-instromers begeleiden: drie lessen")
    factories.post(title="De opleidingsschool groeit")
    factories.post(title="Iets anders", intro="Over de zij-instroom in het po.")
    both = {"Iets anders", "Zij-instromers begeleiden: drie lessen"}  # a title match first
    assert titles("zij-instroom") == ["Zij-instromers begeleiden: drie lessen", "Iets anders"]
    assert set(titles("instroom")) == both
    assert set(titles("zij instroom")) == both
    assert "De opleidingsschool groeit" in titles("opleiding")
    assert titles("zij-instromers") == ["Zij-instromers begeleiden: drie lessen"]


def test_short_words_are_not_prefixes():
    factories.post(title="Het RAP-project")
    factories.post(title="Iets", intro="Een rapport.")  # not in the title: no trigram match
    assert titles("rap") == ["Het RAP-project"]


def test_the_prefix_query_takes_only_letters_digits_and_hyphens():
    assert search.prefix_query_text("zij-instroom po") == "'zij-instroom':* & 'po'"
    assert search.prefix_query_text("d'r ') & ':*|") == "'d' & 'r'"
    assert search.prefix_query_text('"samen opleiden"') is None
    assert search.prefix_query_text("&|!():*") is None


def test_people_and_authors_are_found_by_name_with_the_snippet_marked(client):
    sabine = factories.person(name="Sabine van Eldik", role="Projectleider")
    jaap = factories.person(name="Jaap Rohof", role="Programmaleider")
    alliance = factories.alliance(name="RA-ZON", is_main=True)
    for position, person in enumerate([jaap, sabine]):
        alliance.alliancecontact_set.create(person=person, position=position)
    factories.post(title="Zij-instromers begeleiden", author=sabine)
    assert titles("Rohof") == ["Jaap Rohof"]
    assert titles("Sabine") == ["Sabine van Eldik", "Zij-instromers begeleiden"]
    page = client.get(reverse("search"), {"zoek": "Rohof"}).content.decode()
    assert f'<a href="{alliance.get_absolute_url()}" lang="nl">Jaap Rohof</a>' in page
    assert "<mark>RA-ZON</mark>" not in page and "Programmaleider" in page
