"""Every public page renders in English with no Dutch interface string left.

The Dutch interface strings are the msgids of the English catalogue whose English differs;
an English page's interface text (text and labelling attributes outside elements marked
lang="nl", which hold the Dutch content) must contain none of them."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.urls import reverse

PO_FILE = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"
LABEL_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "data-announce"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
PLACEHOLDER = re.compile(r"%(?:\(([a-z_]+)\))?([sd])")
NUMBERS = {"counter", "count", "number", "total", "first", "last", "n", "minutes", "months"}
EDGE = " \t\n←→·:.,()"


def catalogue():
    """{msgid: [translations]} of the .po file (plural forms under the singular)."""
    entries = {}
    for block in PO_FILE.read_text().split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            else:
                key, _space, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
        if fields.get("msgid"):
            translations = [value for name, value in fields.items() if name.startswith("msgstr")]
            entries[fields["msgid"]] = translations
            if "msgid_plural" in fields:
                entries[fields["msgid_plural"]] = translations
    return entries


def dutch_interface_strings():
    """Matchers for the msgids an English page must not show."""
    strings = []
    for msgid, translations in catalogue().items():
        if not any(translations) or msgid in translations:
            continue  # untranslated (another test catches it) or the same in English
        if PLACEHOLDER.search(msgid):
            strings.append((msgid, re.compile(_pattern(msgid))))
        else:
            strings.append((msgid, None))
    return strings


def _pattern(msgid):
    """A msgid with placeholders as a regular expression: numbers for counts, any text
    for the rest."""
    pattern, position = "", 0
    for match in PLACEHOLDER.finditer(msgid):
        pattern += re.escape(msgid[position : match.start()])
        name, kind = match.groups()
        pattern += r"[\d.,]+" if kind == "d" or name in NUMBERS else ".+?"
        position = match.end()
    return pattern + re.escape(msgid[position:])


class InterfaceText(HTMLParser):
    """The text and labels of a page, leaving out lang="nl" elements, scripts and styles."""

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, is_dutch_or_hidden)
        self.texts = []

    def skipping(self):
        return any(skip for _tag, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = attrs.get("lang") == "nl" or tag in {"script", "style", "head"}
        if not skip and not self.skipping():
            self.texts += [value for name, value in attrs.items() if name in LABEL_ATTRIBUTES]
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.texts.append(data)


def interface_texts(html):
    parser = InterfaceText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts if text]


def dutch_strings_in(html, strings):
    found = set()
    for text in interface_texts(html):
        candidates = {text, text.strip(EDGE)}
        for msgid, pattern in strings:
            if pattern is not None:
                if any(pattern.fullmatch(candidate) for candidate in candidates):
                    found.add(msgid)
            elif msgid in candidates or msgid.strip(EDGE) in candidates:
                found.add(msgid)
    return found


def public_paths(client):
    sitemap = client.get(reverse("sitemap")).content.decode()
    paths = [urlparse(url).path for url in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    event = next(path for path in paths if path.startswith("/agenda/") and path != "/agenda/")
    return [
        *paths,
        f"{reverse('search')}?zoek=opleiding",
        reverse("search"),
        f"{reverse('news:list')}?soort=onbekend",
        "/bestaat-niet/",
        f"{event}aanmelden/",
    ]


def test_the_interface_string_detector_works():
    strings = [("Zoeken", None), ("%(n)s gevonden", re.compile(r".+?\ gevonden"))]
    html = '<p>Zoeken</p><p lang="nl">Zoeken</p><p>3 gevonden</p><a aria-label="Zoeken">x</a>'
    assert dutch_strings_in(html, strings) == {"Zoeken", "%(n)s gevonden"}
    assert dutch_strings_in('<div lang="nl"><p>Zoeken</p><br></div>', strings) == set()


@pytest.mark.django_db
def test_every_public_page_is_english_in_english(client, demo):
    strings = dutch_interface_strings()
    assert len(strings) > 200
    # The same check on a Dutch page (its root's lang="nl" aside) finds the interface
    # strings: the test can fail.
    dutch = client.get(reverse("home")).content.decode().replace('<html lang="nl">', "<html>")
    assert len(dutch_strings_in(dutch, strings)) > 10
    client.cookies["django_language"] = "en"
    problems = {}
    for path in public_paths(client):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert '<html lang="en">' in response.content.decode(), path
        found = dutch_strings_in(response.content.decode(), strings)
        if found:
            problems[path] = sorted(found)
    assert problems == {}, "\n".join(f"{path}: {found}" for path, found in problems.items())
