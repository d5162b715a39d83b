import io

import pytest
from django.contrib.auth import get_user_model
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


def test_setup_demo_loads_content_and_prints_the_admin_password_only_once():
    first = io.StringIO()
    call_command("setup_demo", stdout=first)

    assert Alliance.objects.filter(is_main=True).exists()
    assert "password:" in first.getvalue()
    password = first.getvalue().split("password:")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)

    second = io.StringIO()
    call_command("setup_demo", stdout=second)

    assert "password:" not in second.getvalue()
    assert "already present" in second.getvalue()
