"""The word search of the overviews and of the site search without a full-text index
(`razon.search.every_word`): each word must occur in one of the fields."""

import pytest
from django.contrib.contenttypes.models import ContentType

from razon.models import PublishStatus, SearchEntry
from razon.search import MAX_WORDS, every_word

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    content_type = ContentType.objects.get_for_model(SearchEntry)
    for pk, (title, summary) in enumerate(
        [
            ("Samen Opleiden Nijmegen", "Een partnerschap in het vo"),
            ("Opleidingsschool Arnhem", "Samen met de HAN"),
            ("Café Pedagogique", "Een avond over didactiek"),
        ],
        start=1,
    ):
        SearchEntry.objects.create(
            content_type=content_type,
            object_id=pk,
            kind="test",
            title=title,
            summary=summary,
            url=f"/{pk}/",
            status=PublishStatus.PUBLISHED,
        )


def found(text, fields=("title", "summary")):
    return sorted(
        SearchEntry.objects.filter(every_word(text, fields)).values_list("title", flat=True)
    )


def test_each_word_must_occur_in_one_of_the_fields(entries):
    assert found("samen") == ["Opleidingsschool Arnhem", "Samen Opleiden Nijmegen"]
    assert found("samen nijmegen") == ["Samen Opleiden Nijmegen"]
    assert found("samen han") == ["Opleidingsschool Arnhem"]  # one word per field is enough
    assert found("samen rotterdam") == []


def test_only_the_given_fields_are_searched(entries):
    assert found("han", fields=["title"]) == []
    assert found("han", fields=["summary"]) == ["Opleidingsschool Arnhem"]


def test_words_match_inside_words_whatever_their_case(entries):
    assert found("OPLEID") == ["Opleidingsschool Arnhem", "Samen Opleiden Nijmegen"]
    assert found("  nIJm  ") == ["Samen Opleiden Nijmegen"]


def test_accents_are_compared_as_typed(entries):
    assert found("café") == ["Café Pedagogique"]
    assert found("cafe") == []


def test_no_words_is_no_condition(entries):
    assert every_word("", ["title"]) == every_word("   ", ["title"])
    assert len(found("")) == 3


def test_only_the_first_words_count(entries):
    padding = " ".join(["samen"] * MAX_WORDS)

    assert found(f"{padding} rotterdam") == ["Opleidingsschool Arnhem", "Samen Opleiden Nijmegen"]
