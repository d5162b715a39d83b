"""Names in Dutch order (razon/collation.py): case, accents and apostrophes ignored, a hyphen
read as a space, ij as i + j, the same order in the database (PostgreSQL and SQLite: CI runs
the suite on both) and in Python, on the overviews and the facets."""

import random
import re

import pytest
from django.urls import reverse

from alliances.models import Organization
from partnerships.models import Partnership
from razon.collation import DutchName, by_name, sort_key
from tests import factories

pytestmark = pytest.mark.django_db

# In the order a Dutch reader expects.
DUTCH_ORDER = [
    "aos Nijmegen",
    "ArtEZ",
    "de Basis",
    "De Bolster",
    "Debora",
    "Ééndracht",
    "Eerste Lijn",
    "Idee",
    "IJsselgroep",
    "Ĳsselland",
    "ijzer",
    "Öbel",
    "Oost",
    "'s-Hertogenbosch",
    "Sint Jozef",
    "'t Hooghe",
    "Tabor",
    "Zuid-Limburg",
    "Zuid Oost",
    "zuidas",
]


def test_the_python_key_puts_names_in_dutch_order():
    shuffled = random.Random(4).sample(DUTCH_ORDER, len(DUTCH_ORDER))

    assert sorted(shuffled, key=sort_key) == DUTCH_ORDER
    assert sort_key("'t Hooghe") == "t hooghe" and sort_key("Zuid-Limburg") == "zuid limburg"


def test_the_database_sorts_as_python_does():
    for name in random.Random(7).sample(DUTCH_ORDER, len(DUTCH_ORDER)):
        factories.organization(name=name)

    by_database = list(Organization.objects.order_by(*by_name()).values_list("name", flat=True))
    by_default = list(Organization.objects.values_list("name", flat=True))  # Meta.ordering
    keys = list(
        Organization.objects.annotate(key=DutchName("name"))
        .order_by("pk")
        .values_list("name", "key")
    )

    assert by_database == DUTCH_ORDER
    assert by_default == DUTCH_ORDER
    assert all(key == sort_key(name) for name, key in keys)


def test_equal_names_keep_the_order_they_were_made_in():
    first = factories.organization(name="De Basis")
    second = factories.organization(name="de basis")

    assert list(Organization.objects.order_by(*by_name())) == [first, second]


def test_the_partnership_overview_sorts_by_name_in_dutch_order(client):
    names = ["'t Hooghe Landt", "Alliantie", "de Basis", "Delta", "Éénwording", "IJssel"]
    for name in random.Random(3).sample(names, len(names)):
        factories.partnership(name=name)
    expected = ["Alliantie", "de Basis", "Delta", "Éénwording", "IJssel", "'t Hooghe Landt"]

    for query in ["", "?sorteer=naam"]:
        html = client.get(reverse("partnerships:list") + query).content.decode()
        shown = [name for name in _titles(html) if name in names]
        assert shown == expected, query
    html = client.get(reverse("partnerships:list") + "?sorteer=-naam").content.decode()
    assert [name for name in _titles(html) if name in names] == expected[::-1]
    assert list(Partnership.objects.values_list("name", flat=True)) == expected


def test_the_organisation_directory_sorts_in_dutch_order(client):
    for name in ["zwaluw", "'t Hooghe", "Zebra", "Abel", "ézel"]:
        factories.organization(name=name)

    html = client.get(reverse("alliances:organizations")).content.decode()

    shown = [
        name for name in _titles(html) if name in {"zwaluw", "'t Hooghe", "Zebra", "Abel", "ézel"}
    ]
    assert shown == ["Abel", "ézel", "'t Hooghe", "Zebra", "zwaluw"]


def _titles(html):
    import html as html_module

    return [
        html_module.unescape(re.sub(r"<[^>]+>", "", title)).strip()
        for title in re.findall(
            r'<h3 class="(?:card__title|partnership__name)">(.*?)</h3>', html, re.S
        )
    ]
