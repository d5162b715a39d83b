import io

import pytest
from django.core.management import call_command

from alliances.models import Alliance, FocusPoint, Organization, Person
from razon.models import Sector

pytestmark = pytest.mark.django_db

CONTENT_MODELS = [Organization, Person, Alliance, FocusPoint]


def snapshot():
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in CONTENT_MODELS}
    rows["lead_institutes"] = list(Alliance.lead_institutes.through.objects.values_list())
    rows["sectors"] = list(Organization.sectors.through.objects.values_list())
    return rows


def test_demo_content_tells_the_facts_of_the_seeds():
    call_command("load_demo", stdout=io.StringIO())

    razon = Alliance.objects.published().get(is_main=True)
    assert razon.short_name == "RA-ZON"
    assert {org.short_name for org in razon.lead_institutes.all()} == {"HAN", "RU", "ArtEZ"}
    assert razon.focus_points.filter(parent__isnull=True).count() == 4
    assert razon.focus_points.filter(parent__isnull=False).count() == 2
    assert {person.name for person in razon.contacts.all()} == {"Jaap Rohof", "Sabine van Eldik"}
    assert Alliance.objects.filter(short_name="ELA").exists()
    assert Organization.objects.get(short_name="HAN").sectors.filter(code="po").exists()


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    before = snapshot()

    out = io.StringIO()
    call_command("load_demo", stdout=out)

    assert snapshot() == before
    assert "alliances: 0 item(s) created or updated" in out.getvalue()


def test_sectors_exist_after_migrating():
    assert [str(sector) for sector in Sector.objects.all()] == ["PO", "(V)SO", "VO", "MBO", "HO"]
