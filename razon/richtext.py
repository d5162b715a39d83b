"""Formatted text that editors write without knowing HTML: Markdown, sanitised on the way out.

Every text of more than one paragraph is a `RichTextField`, shown with `{{ text|richtext }}`:
editors write Markdown (headings, lists, links, quotes, footnotes) with a preview in the
admin. What reaches a visitor is Markdown's HTML passed through nh3 with a short allow-list:
no script, no style, no event handler, no `javascript:` link can get through, whatever was
typed or pasted. The rendering is cached per text in the process, so a page pays for it once."""

import html
import re
from functools import lru_cache
from xml.etree import ElementTree

import markdown
import nh3
from django import forms
from django.db import models
from django.urls import reverse_lazy
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy, normalize_newlines
from django.utils.translation import gettext_lazy as _
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "sup", "div", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "sup": {"id"},
    "li": {"id"},
    "th": {"align"},
    "td": {"align"},
}
ALLOWED_CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
URL_SCHEMES = {"http", "https", "mailto"}

HELP_TEXT = _(
    "Opmaak met Markdown: een witregel begint een nieuwe alinea, twee spaties aan het eind "
    "van een regel een nieuwe regel; ## Tussenkop, **vet**, *cursief*, - opsomming, "
    "1. genummerd, [linktekst](https://…), > citaat, en een voetnoot met [^1] in de tekst en "
    "[^1]: de noot onderaan. HTML wordt niet overgenomen. Kijk met Voorbeeld hoe het wordt."
)


class _DemoteTopHeadings(Treeprocessor):
    """The page title is the only h1: a `#` heading in the text becomes an h2."""

    def run(self, root: ElementTree.Element):
        for element in root.iter("h1"):
            element.tag = "h2"


class _RazonMarkdown(Extension):
    def extendMarkdown(self, md):  # Markdown's API name
        md.treeprocessors.register(_DemoteTopHeadings(md), "razon_demote_headings", 5)


def _markdown():
    return markdown.Markdown(
        extensions=["footnotes", "sane_lists", "tables", _RazonMarkdown()],
        extension_configs={
            "footnotes": {"BACKLINK_TITLE": "Terug naar de tekst bij voetnoot %d"},
        },
        output_format="html",
    )


def _clean_html(text: str) -> str:
    html = _markdown().convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


# Published texts are rendered again and again: keep the last ones per process.
_render = lru_cache(maxsize=1024)(_clean_html)


def render(text: str) -> SafeString:
    """The visitor's HTML for an editor's Markdown text: sanitised, so safe to show as is."""
    return mark_safe(_render(text or ""))  # nh3 has just cleaned it


def preview(text: str) -> SafeString:
    """`render` without the cache, for the admin's preview of a text still being written."""
    return mark_safe(_clean_html(text or ""))  # nh3 has just cleaned it


def plain_text(text: str) -> str:
    """The words of a Markdown text without any markup (for summaries, search, feeds): tags
    gone and entities decoded, so "&" is "&", not "&amp;" (whoever shows it escapes it)."""
    return html.unescape(strip_tags(_render(text or ""))).strip()


def reading_minutes(text: str, words_per_minute: int = 200) -> int:
    """Rounded-up reading time in minutes, at least one."""
    words = len(plain_text(text).split())
    return max(1, -(-words // words_per_minute))


class RichTextWidget(forms.Textarea):
    """A textarea with a "Voorbeeld" button: static/js/richtext-preview.js sends the text to
    the staff-only `richtext_preview` view and shows the sanitised result under the field,
    exactly as visitors will see it. Without JavaScript it is a plain textarea."""

    template_name = "razon/widgets/richtext.html"
    preview_url = reverse_lazy("richtext_preview")

    class Media:
        js = ["js/richtext-preview.js"]
        css = {"all": ["css/richtext-admin.css"]}

    def __init__(self, attrs=None):
        super().__init__({"class": "vLargeTextField", "rows": 20, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = self.preview_url
        return context


class RichTextField(models.TextField):
    """A TextField holding Markdown; the admin shows how to write it (after the field's own
    help text, if it has one) and offers a preview."""

    def __init__(self, *args, help_text="", **kwargs):
        self.own_help_text = help_text
        if help_text:
            kwargs["help_text"] = format_lazy("{} {}", help_text, HELP_TEXT)
        else:
            kwargs["help_text"] = HELP_TEXT
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        # The admin hands every TextField its own textarea widget; a rich text field keeps
        # the one with the preview unless a RichTextWidget (subclass) is asked for.
        widget = kwargs.get("widget")
        widget_class = widget if isinstance(widget, type) else type(widget)
        if not issubclass(widget_class, RichTextWidget):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("help_text", None)
        if self.own_help_text:
            kwargs["help_text"] = self.own_help_text
        return name, path, args, kwargs


def markdown_from_linebreaks(text: str) -> str:
    """Markdown that shows what Django's `|linebreaks` showed of `text`: paragraphs at blank
    lines, and where a paragraph had a single line break, a Markdown hard break (two spaces
    at the end of the line). Spaces at the start of a line, which HTML never showed, go, so
    that Markdown does not read an indented line as code. For data migrations of fields that
    were plain text shown with `|linebreaks`."""
    paragraphs = re.split(r"\n[ \t]*\n\s*", normalize_newlines(text).strip())
    return "\n\n".join(
        "  \n".join(line.strip() for line in paragraph.split("\n")) for paragraph in paragraphs
    )


def convert_linebreaks_fields(app_label, model_name, *fields):
    """A RunPython function that rewrites `fields` of every row with markdown_from_linebreaks."""

    def convert(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        for row in model._default_manager.only("pk", *fields).iterator():
            converted = {field: markdown_from_linebreaks(getattr(row, field)) for field in fields}
            if any(converted[field] != getattr(row, field) for field in fields):
                model._default_manager.filter(pk=row.pk).update(**converted)

    return convert
