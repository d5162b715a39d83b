"""Editors' Markdown becomes HTML in which nothing can run, whatever was typed or pasted."""

import pytest

from razon.richtext import plain_text, reading_minutes, render

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<div onclick="alert(1)">x</div>',
    '![x](https://evil.example/x.png" onerror="alert(1))',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    '<form action="https://evil.example"><input name="x"></form>',
    '<a href="#" class="footnote-ref x" id="user-id">x</a>',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_nothing_executable_survives(text):
    html = str(render(text)).lower()
    for needle in ["<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg",
                   "<img", "style=", "data:text", "<form", "<input", "<style"]:  # fmt: skip
        assert needle not in html, (text, html)


def test_what_editors_write_is_kept():
    text = (
        "# Titel\n\n## Kop\n\nEen **vette** zin met een [link](https://ra-zon.nl) en "
        "een noot[^1].\n\n> Een citaat\n\n- een\n- twee\n\n1. eerst\n2. dan\n\n[^1]: De noot."
    )
    html = str(render(text))
    assert "<h2>Titel</h2>" in html  # the page title is the only h1
    assert "<h2>Kop</h2>" in html
    assert "<strong>vette</strong>" in html
    assert '<a href="https://ra-zon.nl">link</a>' in html
    assert "<blockquote>" in html and "<ul>" in html and "<ol>" in html
    assert 'class="footnote"' in html and 'href="#fn:1"' in html


def test_plain_text_and_reading_time():
    text = "## Kop\n\n" + "woord " * 450
    assert plain_text(text).startswith("Kop")
    assert "<" not in plain_text(text)
    assert reading_minutes(text) == 3
    assert reading_minutes("") == 1
