"""Site search: one index of everything public, which apps add their models to.

An app registers each public model in its AppConfig.ready with a function that gives the
item's words (title, summary, body); the index (razon.SearchEntry) then follows the model
through post_save and post_delete, and `manage.py rebuild_search_index` refills it. The
entry copies the item's status and publish time, so the publish rule is applied at query
time and drafts and scheduled items are never found.

On PostgreSQL the search is full text with the Dutch configuration (stemming: "opleidingen"
finds "opleiding"), ranked with the title above the summary above the body, plus trigram
word similarity on the title for small typos; both served by GIN indexes. Plain words (no
quotes, no "-word", no "or") are matched as prefixes of the words of the text once stemmed,
from PREFIX_MIN_LENGTH characters on: so a word also finds its longer forms and the
compounds it begins ("zij-instroom" finds "zij-instromers", "opleiding" "opleidingsschool").
Elsewhere (SQLite in development) every word must occur in the title, summary or body, a
long word by its beginning (`word_stem`).

Items that are not Publishable (people) give their own address and whether they are shown
in their SearchText (`url`, `shown`); `also_index` refreshes the entries of the items
another model's change tells about (a person's entry lists where they appear)."""

import contextlib
import re
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Concat
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from razon.models import PublishStatus, SearchEntry

CONFIG = "dutch"
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
SNIPPET_LENGTH = 240
# Placed around matches by the database, then turned into <mark> after escaping the text.
START, STOP = "\x02", "\x03"


@dataclass(frozen=True)
class SearchText:
    """The words of one item, by weight (what an app's search.py gives for each item)."""

    title: str
    summary: str = ""
    body: str = ""
    # For an item that is not Publishable: its address and whether the site shows it.
    url: str | None = None
    shown: bool | None = None


@dataclass(frozen=True)
class Searchable:
    model: type
    kind: str  # the value of the `soort` filter
    search_text: Callable  # item -> SearchText
    has_page: bool = True  # Publishable, with a page of its own (not a person)

    @property
    def label(self):
        return capfirst(self.model._meta.verbose_name_plural)


_registry: dict[str, Searchable] = {}


def register(model, kind, search_text, has_page=True):
    """Index `model`'s items, described by `search_text(item) -> SearchText`; with
    `has_page=False` an item that is not Publishable and links elsewhere (SearchText.url)."""
    _registry[kind] = Searchable(model, kind, search_text, has_page)
    uid = f"razon.search.{kind}"
    post_save.connect(_saved, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, weak=False, dispatch_uid=uid)


def searchables():
    return list(_registry.values())


def kind_choices():
    return [(item.kind, item.label) for item in _registry.values()]


def kind_label(kind):
    item = _registry.get(kind)
    return item.label if item else kind


def _searchable_for(model):
    return next((item for item in _registry.values() if item.model is model), None)


def _entry_fields(searchable, obj):
    text = searchable.search_text(obj)
    if text.shown is None:
        status, publish_at = obj.status, obj.publish_at
    else:
        status = PublishStatus.PUBLISHED if text.shown else PublishStatus.DRAFT
        publish_at = None
    return {
        "kind": searchable.kind,
        "title": _clean(text.title)[:300],
        "summary": _clean(text.summary),
        "body": _clean(text.body),
        "url": text.url if text.url is not None else obj.get_absolute_url(),
        "status": status,
        "publish_at": publish_at,
    }


def _clean(text):
    """Without the placeholder characters the snippets use."""
    return (text or "").replace(START, "").replace(STOP, "")


def _vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("summary", weight="B", config=CONFIG)
        + SearchVector("body", weight="C", config=CONFIG)
    )


def _update_vectors(entries):
    if connection.vendor == "postgresql":
        entries.update(search_vector=_vector())


# Inside `deferred()` saves do not touch the index: whoever defers rebuilds it afterwards.
_deferring = ContextVar("razon_search_deferring", default=False)


@contextlib.contextmanager
def deferred():
    """Saves inside leave the index alone; the caller calls `rebuild()` after (a bulk load
    such as the demo content: one rebuild instead of an entry and its related entries per
    save)."""
    token = _deferring.set(True)
    try:
        yield
    finally:
        _deferring.reset(token)


def index(obj):
    """Add or refresh the entry of one item."""
    if _deferring.get():
        return
    searchable = _searchable_for(type(obj))
    entry, _ = SearchEntry.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults=_entry_fields(searchable, obj),
    )
    _update_vectors(SearchEntry.objects.filter(pk=entry.pk))


def _saved(sender, instance, raw=False, **kwargs):
    if not raw:  # fixtures load incomplete objects; rebuild the index after loading them
        index(instance)


def _deleted(sender, instance, **kwargs):
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(sender), object_id=instance.pk
    ).delete()


def also_index(sender, related):
    """When an item of `sender` is saved or deleted, refresh the entries of `related(item)`
    (indexed items it tells about), as they were before the change and as they are after:
    a partnership's contact person lists it, so a new contact and the one replaced both
    change."""
    code = related.__code__
    uid = f"razon.search.also.{sender._meta.label_lower}.{code.co_filename}:{code.co_firstlineno}"

    def keys(items):
        return [(type(item), item.pk) for item in items if item is not None and item.pk]

    def remember(instance, items):
        previous = getattr(instance, "_search_related_before", {})
        previous[uid] = keys(items)
        instance._search_related_before = previous

    def before(sender, instance, raw=False, **kwargs):
        if raw or _deferring.get() or instance._state.adding or not instance.pk:
            return
        old = sender._default_manager.filter(pk=instance.pk).first()
        remember(instance, related(old) if old else [])

    def before_delete(sender, instance, **kwargs):
        # Before the database sets the foreign keys to the item to null.
        remember(instance, related(instance))

    def after(sender, instance, raw=False, **kwargs):
        if raw or _deferring.get():
            return
        found = getattr(instance, "_search_related_before", {}).pop(uid, [])
        found += [key for key in keys(related(instance)) if key not in found]
        for model, pk in found:
            # Read afresh: the items came with the instance as it was, cached on them.
            item = model._default_manager.filter(pk=pk).first()
            if item is not None and _searchable_for(model):
                index(item)

    pre_save.connect(before, sender=sender, weak=False, dispatch_uid=uid)
    pre_delete.connect(before_delete, sender=sender, weak=False, dispatch_uid=uid)
    post_save.connect(after, sender=sender, weak=False, dispatch_uid=uid)
    post_delete.connect(after, sender=sender, weak=False, dispatch_uid=uid)


def rebuild():
    """Replace the whole index with the current items; returns the number of entries."""
    SearchEntry.objects.all().delete()
    for searchable in _registry.values():
        content_type = ContentType.objects.get_for_model(searchable.model)
        SearchEntry.objects.bulk_create(
            SearchEntry(
                content_type=content_type, object_id=obj.pk, **_entry_fields(searchable, obj)
            )
            for obj in searchable.model._default_manager.iterator()
        )
    _update_vectors(SearchEntry.objects.all())
    return SearchEntry.objects.count()


def words(text):
    return text.split()[:MAX_WORDS]


def every_word(text, fields):
    """A condition: each word of `text` (the first MAX_WORDS) occurs in at least one of
    `fields`, as `icontains` compares (case-insensitive, accents as typed). The word search
    of the overviews' filters, and the site search where no full-text index serves it."""
    condition = Q()
    for word in words(text):
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return condition


def search(entries, text):
    """`entries` matching `text`, best first, each with a `headline` (or None)."""
    if connection.vendor == "postgresql":
        return _search_postgres(entries, text)
    return _search_simple(entries, text)


# websearch_to_tsquery nests a NOT for every "-" before a word, in a stack of 32 levels.
_NEGATIONS = re.compile(r"-(?:\s*-)+")


def websearch_text(text):
    """The words as websearch_to_tsquery may take them: a run of dashes (spaces between or
    not) is one NOT; 33 of them overflowed its stack ("tsquery stack too small")."""
    return _NEGATIONS.sub("-", text)


PREFIX_MIN_LENGTH = 4
# The words of plain input: letters and digits, joined by hyphens ("zij-instroom").
_WORD = re.compile(r"\w+(?:-\w+)*")
# What makes input more than plain words for websearch_to_tsquery.
_OPERATORS = re.compile(r'"|(?:^|\s)-\w|(?:^|\s)or(?:\s|$)', re.IGNORECASE)


def prefix_query_text(text):
    """The to_tsquery input that finds each plain word of `text` and, from
    PREFIX_MIN_LENGTH characters on, every word its stem begins (`'instroom':*`); None when
    the text uses websearch syntax (phrases, -word, or) or has no words. Only letters,
    digits and hyphens reach the quotes, so the input is always valid."""
    if _OPERATORS.search(text):
        return None
    found = _WORD.findall(text)[:MAX_WORDS]
    terms = [f"'{word}':*" if len(word) >= PREFIX_MIN_LENGTH else f"'{word}'" for word in found]
    return " & ".join(terms) or None


def _search_postgres(entries, text):
    prefix_text = prefix_query_text(text)
    if prefix_text:
        query = SearchQuery(prefix_text, config=CONFIG, search_type="raw")
    else:
        query = SearchQuery(websearch_text(text), config=CONFIG, search_type="websearch")
    return (
        entries.filter(Q(search_vector=query) | Q(title__trigram_word_similar=text))
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            similarity=TrigramWordSimilarity(text, "title"),
            headline=SearchHeadline(
                Concat("summary", Value("\n"), "body", output_field=TextField()),
                query,
                config=CONFIG,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
            ),
        )
        .order_by("-rank", "-similarity", "title", "pk")
    )


def word_stem(word):
    """A long word without its last two letters (at least PREFIX_MIN_LENGTH left): where
    there is no Dutch stemmer (SQLite), "zij-instroom" still finds "zij-instromers"."""
    return word[: max(PREFIX_MIN_LENGTH, len(word) - 2)]


def _search_simple(entries, text):
    text = " ".join(word_stem(word) for word in words(text))
    in_title = every_word(text, ["title"])
    return (
        entries.filter(every_word(text, ["title", "summary", "body"]))
        .annotate(
            rank=Case(When(in_title, then=1), default=0, output_field=IntegerField()),
            headline=Value(None, output_field=TextField()),
        )
        .order_by("-rank", "title", "pk")
    )


def add_snippets(entries, text):
    """Give each entry a `snippet` (its text around the first match, escaped, with the
    matches in <mark>) and a `kind_label`. Returns the entries as a list."""
    entries = list(entries)
    for entry in entries:
        entry.kind_label = kind_label(entry.kind)
        if entry.headline is not None:
            entry.snippet = _marked(entry.headline)
        else:
            stems = [word_stem(word) for word in words(text)]
            entry.snippet = highlight(f"{entry.summary}\n{entry.body}", stems, whole_words=True)
    return entries


def _marked(text):
    """Escape database text, then turn the START/STOP placeholders into <mark>."""
    escaped = escape(text.strip())
    return mark_safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))


def highlight(text, terms, length=SNIPPET_LENGTH, whole_words=False):
    """An excerpt of `text` around the first of `terms`, escaped, with every term in
    <mark> (case-insensitive; with `whole_words`, the rest of the word a term begins too);
    the start of the text when no term occurs."""
    text = " ".join(_clean(text).split())
    terms = [_clean(term) for term in terms if _clean(term)]
    if not terms:
        return escape(text[:length])
    rest = r"[\w-]*" if whole_words else ""
    pattern = re.compile("|".join(re.escape(term) + rest for term in terms), re.IGNORECASE)
    first = pattern.search(text)
    start = max(0, first.start() - length // 3) if first else 0
    excerpt = text[start : start + length]
    marked = pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", excerpt)
    prefix = "… " if start else ""
    suffix = " …" if start + length < len(text) else ""
    return _marked(f"{prefix}{marked}{suffix}")
