import html

import pytest
from django.urls import reverse

from alliances.models import Alliance, AllianceContact
from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_razon_page_tells_the_story_ambitions_focus_points_and_contacts(client, demo):
    response = client.get(reverse("alliances:alliance"))

    assert response.status_code == 200
    assert "alliances/alliance_detail.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "bestuursakkoord" in page and "april 2021" in page
    assert "Ambities" in page and "Komende periode" in page
    assert page.count('<ol class="focus-points">') == 1
    focus_list = page.split('<ol class="focus-points">')[1].split("</ol>")[0]
    assert focus_list.count("<strong>") == 4
    assert "Meer weten?" in page and "Jaap Rohof" in page and "Sabine van Eldik" in page
    assert "Educatieve Levensbeschouwelijke Alliantie" in page  # other alliances


def test_contact_addresses_work_as_mailto_links_but_are_not_plain_text_in_the_source(client, demo):
    page = client.get(reverse("alliances:alliance")).content.decode()

    assert "jaap.rohof@ru.nl" not in page
    assert "@" not in page.split('id="contact-title"')[1].split("</ul>")[0]
    assert 'href="mailto:jaap.rohof@ru.nl">jaap.rohof@ru.nl</a>' in html.unescape(page)


def test_other_alliances_use_the_same_template(client, demo):
    response = client.get(reverse("alliances:detail", args=["ela"]))

    assert response.status_code == 200
    assert "alliances/alliance_detail.html" in [t.name for t in response.templates]
    assert "Educatieve Levensbeschouwelijke Alliantie" in response.content.decode()


def test_the_main_alliance_has_one_address(client, demo):
    response = client.get(reverse("alliances:detail", args=["ra-zon"]))

    assert response.status_code == 301
    assert response.url == reverse("alliances:alliance")


def test_the_main_alliance_is_the_one_marked_as_ours():
    ours = factories.alliance(is_main=True)
    factories.alliance(short_name="ELA")

    assert list(Alliance.objects.main()) == [ours]
    assert list(Alliance.objects.published().main()) == [ours]


def test_a_draft_alliance_is_not_public(client, db):
    factories.alliance(slug="geheim", status=PublishStatus.DRAFT)
    factories.alliance(is_main=True, slug="hoofd", status=PublishStatus.DRAFT)

    assert client.get(reverse("alliances:detail", args=["geheim"])).status_code == 404
    assert client.get(reverse("alliances:alliance")).status_code == 404
    assert "geheim" not in client.get(reverse("home")).content.decode()


def test_contacts_appear_in_the_editors_order_and_hidden_people_not_at_all(client, db):
    alliance = factories.alliance(is_main=True)
    for position, name in [(2, "Tweede Persoon"), (1, "Eerste Persoon")]:
        AllianceContact.objects.create(
            alliance=alliance, person=factories.person(name=name), position=position
        )
    AllianceContact.objects.create(
        alliance=alliance, person=factories.person(name="Verborgen", is_public=False)
    )

    page = client.get(reverse("alliances:alliance")).content.decode()

    assert page.index("Eerste Persoon") < page.index("Tweede Persoon")
    assert "Verborgen" not in page


def test_the_alliance_page_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    alliance = factories.alliance(is_main=True)
    alliance.lead_institutes.add(*[factories.organization() for _ in range(50)])
    for position in range(30):
        AllianceContact.objects.create(
            alliance=alliance, person=factories.person(), position=position
        )
        point = factories.focus_point(alliance)
        factories.focus_point(alliance, parent=point)
    for _ in range(20):
        factories.alliance()

    # 1 alliance, 2 lead institutes, 3 contacts with person and organisation,
    # 4 focus points, 5 their sub-points, 6 the other alliances.
    with django_assert_num_queries(6):
        response = client.get(reverse("alliances:alliance"))
    assert response.status_code == 200
