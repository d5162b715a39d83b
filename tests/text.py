"""What a person reads in a response: the text of a page (its labelling attributes included,
scripts and styles left out), of a feed, a calendar file or a mail. For tests about wording."""

import html
import re
from html.parser import HTMLParser

LABEL_ATTRIBUTES = {"aria-label", "placeholder", "title", "alt", "content"}
HIDDEN = {"script", "style"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
TAG = re.compile(r"<[^>]+>")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hidden = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if not self.hidden:
            self.texts += [value for name, value in attrs if name in LABEL_ATTRIBUTES and value]
        if tag in HIDDEN:
            self.hidden.append(tag)

    def handle_endtag(self, tag):
        if self.hidden and self.hidden[-1] == tag:
            self.hidden.pop()

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.texts.append(data)


def html_text(page):
    """The text and labels of an HTML page, one string per piece."""
    parser = _Text()
    parser.feed(page)
    return [" ".join(text.split()) for text in parser.texts]


def response_text(response):
    """The readable text of a response: HTML as html_text, XML (feeds, sitemap) with its
    escaped HTML unpacked, plain text and calendar files as they are; None for files."""
    content_type = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "html" in content_type:
        return html_text(body.decode())
    if "xml" in content_type:
        return html_text(html.unescape(TAG.sub(" ", body.decode())))
    if content_type.startswith(("text/plain", "text/calendar")):
        # A calendar file folds its long lines: unfold them so that no word is cut in two.
        return [body.decode().replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")]
    return None
