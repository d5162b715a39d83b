"""The sections of the site, in menu order. A section appears in the header menu and on the
home page as soon as its URL exists, so an app only has to add its URL to show up."""

from functools import cache

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

SECTIONS = [
    ("alliances:alliance", _("Alliantie"), _("Wie we zijn, onze ambities en speerpunten.")),
    ("alliances:organizations", _("Organisaties"), _("Opleidingen, besturen en partners.")),
    ("regions:overview", _("Regio"), _("Onderwijsregio's, Samen Opleiden en RAP.")),
    ("partnerships:list", _("Partnerschappen"), _("Samen Opleiden & Professionaliseren.")),
    ("network:network", _("Netwerk"), _("Wie met wie samenwerkt, en waarin.")),
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


def url_or_none(url_name):
    return _resolvable(url_name)
