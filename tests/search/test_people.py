"""People and authors in the site search: a public person is found by name and links to
where they appear; a person not public, or tied to nothing published, is never found; the
index follows every change that moves them (any database)."""

import pytest
from django.urls import reverse

from alliances.models import AllianceContact
from razon import search
from razon.models import PublishStatus, SearchEntry
from tests import factories

pytestmark = pytest.mark.django_db


def found(text, kind=None):
    entries = search.search(SearchEntry.objects.published(), text)
    if kind:
        entries = entries.filter(kind=kind)
    return [(entry.title, entry.url) for entry in entries]


def people(text):
    return found(text, kind="persoon")


@pytest.fixture
def sabine():
    han = factories.organization(name="Hogeschool van Arnhem en Nijmegen", short_name="HAN")
    return factories.person(name="Sabine van Eldik", role="Projectleider", organization=han)


def test_a_contact_of_the_alliance_is_found_by_name_and_links_to_the_alliance(client, sabine):
    alliance = factories.alliance(name="RA-ZON", is_main=True)
    AllianceContact.objects.create(alliance=alliance, person=sabine, position=0)
    assert people("Sabine") == [("Sabine van Eldik", alliance.get_absolute_url())]
    assert people("Eldik") == [("Sabine van Eldik", alliance.get_absolute_url())]
    page = client.get(reverse("search"), {"zoek": "Sabine"}).content.decode()
    assert "Sabine van Eldik" in page and "Contactpersonen" in page
    assert f'href="{alliance.get_absolute_url()}"' in page


def test_a_person_links_to_the_first_place_they_appear_and_names_the_others(sabine):
    partnership = factories.partnership(name="Opleidingsschool Zutphen", contacts=[sabine])
    post = factories.post(title="Drie lessen", author=sabine)
    assert people("Sabine") == [("Sabine van Eldik", partnership.get_absolute_url())]
    entry = SearchEntry.objects.get(kind="persoon")
    assert entry.summary == "Projectleider, Hogeschool van Arnhem en Nijmegen (HAN)"
    assert "Opleidingsschool Zutphen" in entry.body and "Drie lessen" in entry.body
    assert people("Zutphen") == [("Sabine van Eldik", partnership.get_absolute_url())]
    partnership.delete()
    assert people("Sabine") == [("Sabine van Eldik", post.get_absolute_url())]


def test_an_author_and_their_posts_are_found_by_name(sabine):
    post = factories.post(title="Zij-instromers begeleiden", author=sabine)
    assert found("Sabine") == [
        ("Sabine van Eldik", post.get_absolute_url()),  # the name in the title ranks first
        ("Zij-instromers begeleiden", post.get_absolute_url()),
    ]
    other = factories.post(title="Een blog", author_name="Miranda")
    assert found("Miranda") == [("Een blog", other.get_absolute_url())]


def test_a_person_who_is_not_public_is_never_found_nor_their_posts(sabine):
    factories.partnership(name="Opleidingsschool Zutphen", contacts=[sabine])
    factories.post(title="Drie lessen", author=sabine)
    assert len(found("Sabine")) == 2
    sabine.is_public = False
    sabine.save()
    assert found("Sabine") == [] and found("Eldik") == []
    sabine.is_public = True
    sabine.save()
    assert len(found("Sabine")) == 2


def test_a_person_tied_to_nothing_published_is_not_found(sabine):
    assert people("Sabine") == []  # public, but on no page
    partnership = factories.partnership(
        name="Concept", contacts=[sabine], status=PublishStatus.DRAFT
    )
    factories.post(title="Gepland", author=sabine, status=PublishStatus.DRAFT)
    assert people("Sabine") == []
    partnership.status = PublishStatus.PUBLISHED
    partnership.save()
    assert people("Sabine") == [("Sabine van Eldik", partnership.get_absolute_url())]


def test_changing_the_contact_moves_the_person_entry(sabine):
    other = factories.person(name="Jaap Rohof")
    region = factories.education_region(name="Onderwijsregio Oost", contact=sabine)
    assert people("Sabine") and not people("Rohof")
    region.contact = other
    region.save()
    assert people("Sabine") == []
    assert people("Rohof") == [("Jaap Rohof", region.get_absolute_url())]


def test_an_alliance_contact_removed_or_the_alliance_unpublished_hides_the_person(sabine):
    alliance = factories.alliance(name="RA-ZON")
    contact = AllianceContact.objects.create(alliance=alliance, person=sabine, position=0)
    assert people("Sabine")
    contact.delete()
    assert people("Sabine") == []
    AllianceContact.objects.create(alliance=alliance, person=sabine, position=0)
    alliance.status = PublishStatus.DRAFT
    alliance.save()
    assert people("Sabine") == []


def test_deleting_a_person_drops_them_and_their_name_from_their_posts(sabine):
    factories.post(title="Drie lessen", author=sabine)
    sabine.delete()
    assert found("Sabine") == []


def test_a_renamed_organisation_is_renamed_in_its_people(sabine):
    factories.post(title="Drie lessen", author=sabine)
    sabine.organization.name = "Hogeschool Oost"
    sabine.organization.short_name = ""
    sabine.organization.save()
    assert SearchEntry.objects.get(kind="persoon").summary == "Projectleider, Hogeschool Oost"


def test_rebuilding_the_index_keeps_the_people(sabine):
    factories.post(title="Drie lessen", author=sabine)
    search.rebuild()
    assert [title for title, _url in found("Sabine")] == ["Sabine van Eldik", "Drie lessen"]
