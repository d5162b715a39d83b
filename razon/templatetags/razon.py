import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from razon.richtext import render as render_richtext

register = template.Library()


def _entities(text):
    return mark_safe("".join(f"&#{ord(char)};" for char in text))


@register.simple_tag
def protected_mailto(email, css_class=""):
    """A mailto link whose address is written as HTML character references: browsers and
    screen readers show and follow it as usual, naive scrapers looking for user@host in the
    HTML source find nothing."""
    if not email:
        return ""
    return format_html(
        '<a href="{}"{}>{}</a>',
        _entities(f"mailto:{email}"),
        format_html(' class="{}"', css_class) if css_class else "",
        _entities(email),
    )


@register.filter
def richtext(text):
    """An editor's Markdown as sanitised HTML (see razon/richtext.py)."""
    return render_richtext(text)


# What json_script escapes, so that no text in the data can close the script element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """Structured data (schema.org) as a JSON-LD block. Browsers do not run it, so the
    Content-Security-Policy has nothing to allow; the text is escaped like `json_script`."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),
    )
