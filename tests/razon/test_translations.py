"""The English translation is complete: every interface string has an English text."""

from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

PO_FILE = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"


def untranslated_entries(text):
    missing = []
    for entry in text.split("\n\n"):
        lines = [line for line in entry.splitlines() if not line.startswith("#")]
        if not lines or lines[0] == 'msgid ""':
            continue  # the header, or an obsolete entry
        for index, line in enumerate(lines):
            if line.startswith("msgstr") and line.endswith('""'):
                following = lines[index + 1] if index + 1 < len(lines) else ""
                if not following.startswith('"'):
                    missing.append(lines[0])
        if "#, fuzzy" in entry:
            missing.append(lines[0])
    return missing


def test_every_string_of_the_english_catalogue_is_translated():
    assert untranslated_entries(PO_FILE.read_text()) == []


@pytest.mark.django_db
def test_the_compiled_catalogue_is_in_use(client):
    with translation.override("en"):
        assert translation.gettext("Naar de inhoud") == "Skip to content"
    client.cookies["django_language"] = "en"
    page = client.get(reverse("alliances:organizations")).content.decode()
    assert "Kind of organisation" in page and ">Filter</button>" in page
