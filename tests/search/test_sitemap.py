"""sitemap.xml lists exactly the published public pages; robots.txt points to it."""

import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from razon.models import PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def sitemap_paths(client):
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [
        urlparse(url).path for url in re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    ]


def test_published_items_are_listed_drafts_and_scheduled_ones_are_not(client):
    later = timezone.now() + timedelta(days=1)
    shown = [
        factories.post(),
        factories.event(),
        factories.partnership(),
        factories.education_region(),
        factories.rap_project(),
        factories.organization(),
        factories.alliance(),
    ]
    hidden = [
        factories.post(status=PublishStatus.DRAFT),
        factories.post(publish_at=later),
        factories.event(status=PublishStatus.DRAFT),
        factories.partnership(publish_at=later),
        factories.education_region(status=PublishStatus.DRAFT),
        factories.organization(status=PublishStatus.DRAFT),
        factories.alliance(publish_at=later),
    ]
    paths = sitemap_paths(client)
    for item in shown:
        assert item.get_absolute_url() in paths
    for item in hidden:
        assert item.get_absolute_url() not in paths
    assert len(paths) == len(set(paths))


def test_list_pages_are_listed_and_the_admin_and_search_are_not(client):
    paths = sitemap_paths(client)
    for name in ["home", "news:list", "events:list", "partnerships:list", "regions:overview"]:
        assert reverse(name) in paths
    assert not any(path.startswith(("/admin/", "/zoeken/")) for path in paths)


def test_every_listed_page_of_the_demo_opens(client, demo):
    paths = sitemap_paths(client)
    assert len(paths) > 50
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_robots_txt_names_the_sitemap_and_excludes_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
