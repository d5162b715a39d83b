"""Posts on the pages of what they are about: events (reports first), partnerships,
onderwijsregio's, RAP projects and organisations. Drafts never."""

import datetime

import pytest

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_event_page_lists_its_posts_reports_first(client):
    event = factories.event(title="Strategiesessie")
    factories.post(title="Aankondiging", events=[event], date=datetime.date(2024, 3, 1))
    factories.post(title="Verslag", kind="verslag", events=[event], date=datetime.date(2024, 2, 1))
    factories.post(title="Conceptverslag", kind="verslag", events=[event], status="draft")

    html = client.get(event.get_absolute_url()).content.decode()

    section = html.split("Gerelateerde berichten")[1]
    assert section.index("Verslag") < section.index("Aankondiging")
    assert "Verslag, 1 februari 2024" in section
    assert "Conceptverslag" not in html


@pytest.mark.parametrize("page", ["partnership", "region", "rap_project", "organization"])
def test_partnership_region_and_organisation_pages_list_the_posts_about_them(client, page):
    obj = {
        "partnership": factories.partnership,
        "region": factories.education_region,
        "rap_project": factories.rap_project,
        "organization": factories.organization,
    }[page]()
    field = {
        "partnership": "partnerships",
        "region": "regions",
        "rap_project": "rap_projects",
    }.get(page, "organizations")
    post = factories.post(title="Over deze pagina", **{field: [obj]})
    factories.post(title="Concept erover", status=PublishStatus.DRAFT, **{field: [obj]})
    factories.post(title="Over iets anders")

    html = client.get(obj.get_absolute_url()).content.decode()

    assert f'<a href="{post.get_absolute_url()}">Over deze pagina</a>' in html
    assert "Concept erover" not in html and "Over iets anders" not in html


def test_a_partnership_page_without_posts_has_no_empty_section(client):
    partnership = factories.partnership()

    html = client.get(partnership.get_absolute_url()).content.decode()

    assert "Meer over dit partnerschap" not in html
