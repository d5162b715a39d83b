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


def test_loading_the_demo_indexes_everything_and_renews_the_page_cache_once(monkeypatch):
    """The demo loads with the search index and the page cache deferred (one rebuild, one
    renewal of the topics it touched), and ends as if each save had done its part."""
    from razon import pagecache, search
    from razon.models import PageCacheGeneration
    from razon.search import SearchEntry

    renewals = []
    renew = PageCacheGeneration.renew
    monkeypatch.setattr(
        PageCacheGeneration, "renew", lambda topics: renewals.append(topics) or renew(topics)
    )
    call_command("load_demo", stdout=io.StringIO())

    assert len(renewals) == 1
    assert {"alliances", "regions", "partnerships", "events", "news"} <= set(renewals[0])
    indexed = SearchEntry.objects.count()
    assert indexed == search.rebuild() > 0  # as a full rebuild makes it

    organization = Organization.objects.first()
    organization.name = "Hernoemd"
    with search.deferred():
        organization.save()  # no index work inside
    assert not SearchEntry.objects.filter(title="Hernoemd").exists()
    renewed = len(renewals)
    with pagecache.batched():
        pagecache.new_generation("alliances")
        pagecache.new_generation("regions", "alliances")
        assert len(renewals) == renewed  # nothing renewed yet
    assert sorted(renewals[-1]) == ["alliances", "regions"]
