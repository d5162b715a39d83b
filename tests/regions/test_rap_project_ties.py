"""A RAP project's page shows the partnerships that work in it and the posts about it (both
chosen in the admin: on the partnership, on the post); a partnership's page shows its RAP
projects. Drafts never; a fixed number of queries."""

import pytest
from django.urls import reverse

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return factories.rap_project(name="RAP Achterhoek (vo)", slug="rap-achterhoek")


def test_the_rap_project_page_lists_its_partnerships_and_posts(client, project):
    zutphen = factories.partnership(name="Opleidingsschool Zutphen", sector_group="vo-mbo")
    zutphen.rap_projects.add(project)
    factories.partnership(name="Concept", status=PublishStatus.DRAFT).rap_projects.add(project)
    factories.partnership(name="Elders")
    post = factories.post(title="RAP Achterhoek afgerond", rap_projects=[project])
    factories.post(title="Conceptbericht", rap_projects=[project], status=PublishStatus.DRAFT)

    page = client.get(project.get_absolute_url()).content.decode()

    assert '<h3>Partnerschappen Samen Opleiden <span class="count">(1)</span></h3>' in page
    assert f'<a href="{zutphen.get_absolute_url()}">Opleidingsschool Zutphen</a>' in page
    assert "VO/MBO" in page
    assert '<h3>Berichten <span class="count">(1)</span></h3>' in page
    assert f'<a href="{post.get_absolute_url()}">RAP Achterhoek afgerond</a>' in page
    assert "Concept" not in page and "Elders" not in page


def test_a_rap_project_without_ties_has_no_empty_sections(client, project):
    page = client.get(project.get_absolute_url()).content.decode()
    assert "Partnerschappen Samen Opleiden" not in page and "<h3>Berichten" not in page


def test_the_partnership_page_lists_its_rap_projects(client, project):
    partnership = factories.partnership(name="Opleidingsschool Zutphen")
    partnership.rap_projects.add(project, factories.rap_project(status=PublishStatus.DRAFT))

    page = client.get(partnership.get_absolute_url()).content.decode()

    assert '<h3>RAP-projecten <span class="count">(1)</span></h3>' in page
    assert f'<a href="{project.get_absolute_url()}">RAP Achterhoek (vo)</a>' in page
    assert page.count("/rap-projecten/rap-project-") == 0  # the draft


def test_the_rap_project_page_runs_a_fixed_number_of_queries(
    client, project, django_assert_num_queries
):
    def tie(count):
        for _ in range(count):
            factories.partnership().rap_projects.add(project)
            factories.post(rap_projects=[project])

    tie(2)
    with django_assert_num_queries(6):  # the page's 4, then its partnerships and its posts
        client.get(project.get_absolute_url())
    tie(6)
    with django_assert_num_queries(6):
        page = client.get(project.get_absolute_url()).content.decode()
    assert page.count("/partnerschappen/") >= 8


def test_editors_tie_partnerships_and_posts_to_rap_projects_in_the_admin(superuser_client, project):
    partnership = factories.partnership()
    change = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    assert 'name="rap_projects"' in superuser_client.get(change).content.decode()
    post_form = superuser_client.get(reverse("admin:news_post_add")).content.decode()
    assert 'name="rap_projects"' in post_form
    assert "Het bericht staat dan ook op de pagina van het RAP-project." in post_form


def test_a_post_page_links_to_its_published_rap_projects(client, project):
    draft = factories.rap_project(name="Concept-RAP", status=PublishStatus.DRAFT)
    post = factories.post(rap_projects=[project, draft])

    page = client.get(post.get_absolute_url()).content.decode()

    assert "<dt>RAP-projecten</dt>" in page
    assert f'<a href="{project.get_absolute_url()}">RAP Achterhoek (vo)</a>' in page
    assert "Concept-RAP" not in page
