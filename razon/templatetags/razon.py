import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.utils import flatatt
from django.utils.formats import time_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from razon.images import image_attributes
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


@register.simple_tag
def sector_tags(sectors):
    """An item's sectors as a list of tags, nothing when it has none. A tag rather than a
    partial: every row of an overview shows one, and an include with its loop cost about as
    much as the rest of the row."""
    labels = [(str(sector),) for sector in sectors]
    if not labels:
        return ""
    return format_html(
        '<ul class="tags" aria-label="{}">{}</ul>',
        _("Sectoren"),
        format_html_join("", "<li>{}</li>", labels),
    )


def _time(moment):
    """A time, or a datetime in the current time zone, in the language's TIME_FORMAT."""
    return time_format(template_localtime(moment))


@register.filter
def clock(moment):
    """A time as people read it: "14.30 uur" in Dutch, "14:30" in English (the notation is
    the language's TIME_FORMAT, razon/formats/)."""
    if moment in (None, ""):
        return ""
    return _("%(time)s uur") % {"time": _time(moment)}


@register.filter
def clock_range(start, end):
    """From `start` to `end`, the two times joined by an en dash: in Dutch with "uur" once,
    at the end (14.30 to 16.30 uur), in English without (14:30 to 16:30); the one time when
    both are the same."""
    if start in (None, ""):
        return ""
    if end in (None, "") or _time(end) == _time(start):
        return clock(start)
    return _("%(start)s–%(end)s uur") % {"start": _time(start), "end": _time(end)}


@register.filter
def richtext(text):
    """An editor's Markdown as sanitised HTML (see razon/richtext.py)."""
    return render_richtext(text)


# "<", ">" and "&" occur in JSON only inside strings, where these escapes mean the same:
# escaped as Django's json_script does, no value can close the element or open a comment.
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.filter
def jsonld(data):
    """schema.org data as a <script type="application/ld+json"> block (json_script writes
    only type="application/json"). A data block is never executed, so the CSP's script-src
    does not apply to it."""
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(json.dumps(data, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)),
    )


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The output was escaped as it rendered, like any template output.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}` renders its content (blocks included) into a
    variable instead of the page, so base.html can use a page's title block twice."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag
def responsive_image(image, alt, sizes="100vw", css_class="", eager=False):
    """An uploaded image (a WebImageField's value) as <img> with WebP renditions in srcset,
    `sizes` telling the browser how wide it is shown, width and height so the page does not
    shift while it loads, and lazy loading unless `eager` (for an image at the top of a
    page). `alt` is required: pass "" for a purely decorative image."""
    if not image:
        return ""
    attributes = image_attributes(image)
    if "srcset" in attributes:
        attributes["sizes"] = sizes
    attributes.update(alt=alt, decoding="async")
    if not eager:
        attributes["loading"] = "lazy"
    if css_class:
        attributes["class"] = css_class
    return format_html("<img{}>", flatatt(attributes))


# A monogram's colour by the organisation's (first) sector, each at least 4.5:1 against the
# white letters; the primary colour for an organisation without a sector.
SECTOR_COLOURS = {
    "po": "#2f6f9f",
    "vso": "#8a4f9e",
    "vo": "#3d7d3a",
    "mbo": "#a6501b",
    "ho": "#1a4f7a",
}
MONOGRAM_DEFAULT_COLOUR = "#4d5867"
# Words left out of a monogram's initials.
MONOGRAM_SKIP = {"de", "het", "van", "der", "den", "en", "voor", "in", "op", "stichting", "&"}


def monogram_letters(name, short_name=""):
    """The letters of a monogram: the short name when it is short (HAN, ArtEZ), else the
    initials of the name's first significant words (at most three)."""
    if short_name and len(short_name) <= 5:
        return short_name
    words = [w for w in name.replace("-", " ").split() if w.lower() not in MONOGRAM_SKIP]
    return "".join(word[0] for word in words[:3]).upper() or "?"


@register.simple_tag
def organization_mark(organization, sector=None, eager=False):
    """An organisation's logo, or a monogram drawn here (its initials on its sector's
    colour), as a picture beside its name: decorative (empty alt, aria-hidden), since the
    name stands next to it. `sector`: a Sector, its code, or None."""
    if organization.logo:
        return responsive_image(
            organization.logo, "", sizes="4rem", css_class="org-mark", eager=eager
        )
    code = getattr(sector, "code", sector) or ""
    letters = monogram_letters(organization.name, organization.short_name)
    size = {1: 24, 2: 22, 3: 18, 4: 14}.get(len(letters), 12)
    return format_html(
        '<svg class="org-mark org-mark--monogram" viewBox="0 0 48 48" width="48" height="48" '
        'aria-hidden="true" focusable="false"><rect width="48" height="48" rx="8" fill="{}"/>'
        '<text x="24" y="25" font-size="{}" fill="#fff" text-anchor="middle" '
        'dominant-baseline="middle" font-weight="700">{}</text></svg>',
        SECTOR_COLOURS.get(code, MONOGRAM_DEFAULT_COLOUR),
        size,
        letters,
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """`url` as an absolute address on the host asked for (for og:image and the like)."""
    return context["request"].build_absolute_uri(url)
