"""The sections of the site, in menu order. A section appears in the header menu and on the
home page as soon as its URL exists, so an app only has to add its URL to show up."""

from functools import cache

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

SECTIONS = [
    ("alliances:alliance", _("Alliantie"), _("Wie we zijn, onze ambities en speerpunten.")),
    ("alliances:organizations", _("Organisaties"), _("Opleidingen, besturen en partners.")),
    ("regions:overview", _("Regio"), _("Onderwijsregio's, Samen Opleiden en RAP.")),
    ("regions:map", _("Regiokaart"), _("Wie waar werkt, op de kaart.")),
    ("partnerships:list", _("Partnerschappen"), _("Samen Opleiden & Professionaliseren.")),
    ("network:network", _("Netwerk"), _("Wie met wie samenwerkt, en waarin.")),
    (
        "routes:finder",
        _("Opleidingsroutes"),
        _("Welke route naar het leraarschap past bij jou?"),
    ),
    ("events:list", _("Agenda"), _("Strategiesessies en bijeenkomsten.")),
    ("news:list", _("Berichten"), _("Nieuws, blogs en verslagen.")),
    ("contact:form", _("Contact"), _("Stuur ons een bericht.")),
]


@cache
def _resolvable(url_name):
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def sections():
    """[(url, label, description)] for every section that exists."""
    return [
        (url, label, description)
        for url_name, label, description in SECTIONS
        if (url := _resolvable(url_name))
    ]


def current_url(path, urls):
    """The one of `urls` that `path` lies under most closely (the longest prefix), or None:
    /regio/kaart/ is the regiokaart's section, not also the region's."""
    under = [url for url in urls if path.startswith(url)]
    return max(under, key=len, default=None)


def url_or_none(url_name):
    return _resolvable(url_name)


SLUG_PLACEHOLDER = "slug-placeholder"


@cache
def _around_slug(url_name):
    return reverse(url_name, args=[SLUG_PLACEHOLDER]).split(SLUG_PLACEHOLDER)


def item_url(url_name, slug):
    """`reverse(url_name, args=[slug])` for an address whose one argument is a slug, for a
    fraction of its cost: the address is reversed once per name, the slug put in its place
    (a slug needs no quoting). Every row of an overview links to its item's page."""
    before, after = _around_slug(url_name)
    return f"{before}{slug}{after}"
