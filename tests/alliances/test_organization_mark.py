"""An organisation's logo, or a monogram drawn on the server (#22): initials on the colour of
its sector, decorative beside the name."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from razon.models import Sector
from razon.templatetags.razon import SECTOR_COLOURS, monogram_letters, organization_mark
from tests import factories
from tests.images import png_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "short_name", "letters"),
    [
        ("Hogeschool van Arnhem en Nijmegen", "HAN", "HAN"),
        ("ArtEZ University of the Arts", "ArtEZ", "ArtEZ"),
        ("Stichting Openbaar Onderwijs Groningen", "", "OOG"),
        ("Samen Opleiden De Liemers", "SODL-partnerschap", "SOL"),
        ("Kindante", "", "K"),
    ],
)
def test_the_monogram_uses_a_short_name_or_initials(name, short_name, letters):
    assert monogram_letters(name, short_name) == letters


def test_a_monogram_takes_its_sectors_colour_and_is_decorative():
    organization = factories.organization(name="Stichting Voorbeeld", short_name="SV")

    mark = organization_mark(organization, Sector.objects.get(code="vo"))

    assert f'fill="{SECTOR_COLOURS["vo"]}"' in mark
    assert 'aria-hidden="true"' in mark and ">SV</text>" in mark


def test_a_logo_is_shown_instead_of_the_monogram(client):
    organization = factories.organization(name="Met Logo")
    organization.logo = ContentFile(png_bytes(200, 200), "logo.png")
    organization.save()

    html = client.get(organization.get_absolute_url()).content.decode()

    assert 'class="org-mark"' in html and 'alt=""' in html
    assert "org-mark--monogram" not in html


def test_the_directory_shows_a_mark_beside_every_name(client):
    for n in range(3):
        factories.organization(name=f"School {n}")

    html = client.get(reverse("alliances:organizations")).content.decode()

    assert html.count('class="org-mark org-mark--monogram"') == 3
