"""What every row of an overview costs less for (#21, fast when the cache misses): a choice's
label, an item's address and its sector tags give what Django's own way gave, in either
language."""

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from alliances.models import OrganizationKind
from events.models import EventKind
from razon import navigation
from razon.models import Sector, SectorCode
from regions.models import RegionStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_choice_label_is_the_label_of_its_value_in_the_current_language():
    organization = factories.organization(kind=OrganizationKind.choices[0][0])
    event = factories.event(kind=EventKind.WEBINAR)
    sector = Sector.objects.ensure_all()[SectorCode.VSO]
    for language in ("nl", "en"):
        with translation.override(language):
            assert organization.get_kind_display() == str(OrganizationKind.choices[0][1])
            assert event.get_kind_display() == str(EventKind.WEBINAR.label)
            assert str(sector) == str(SectorCode.VSO.label)
    with translation.override("en"):
        assert factories.education_region(phase=RegionStatus.FORMED).get_phase_display() == (
            str(RegionStatus.FORMED.label)
        )


def test_a_value_outside_the_choices_shows_as_it_is():
    event = factories.event()
    event.kind = "onbekend"
    assert event.get_kind_display() == "onbekend"


@pytest.mark.parametrize(
    ("url_name", "make"),
    [
        ("alliances:organization", factories.organization),
        ("regions:education_region", factories.education_region),
        ("regions:rap_project", factories.rap_project),
        ("partnerships:detail", factories.partnership),
        ("events:detail", factories.event),
        ("news:detail", factories.post),
    ],
)
def test_an_items_address_is_the_one_reverse_gives(url_name, make):
    item = make()
    assert item.get_absolute_url() == reverse(url_name, args=[item.slug])
    assert navigation.item_url(url_name, "a-b_c-9") == reverse(url_name, args=["a-b_c-9"])


def test_sector_tags_list_the_sectors_in_their_order_and_nothing_without():
    sectors = Sector.objects.ensure_all()
    template = Template("{% load razon %}{% sector_tags sectors %}")
    assert template.render(Context({"sectors": []})) == ""
    html = template.render(Context({"sectors": [sectors["po"], sectors["vso"]]}))
    assert html == '<ul class="tags" aria-label="Sectoren"><li>PO</li><li>(V)SO</li></ul>'
    with translation.override("en"):
        assert 'aria-label="Sectors"' in template.render(Context({"sectors": [sectors["po"]]}))


def test_an_overview_row_shows_its_sectors(client):
    region = factories.education_region(name="Regio met sectoren")
    region.sectors.set([Sector.objects.ensure_all()["vo"]])
    html = client.get(reverse("regions:education_regions")).content.decode()
    assert '<ul class="tags" aria-label="Sectoren"><li>VO</li></ul>' in html
