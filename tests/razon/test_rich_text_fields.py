"""Every text of more than one paragraph is Markdown (razon/richtext.py): rendered as such on
its public page, with the format and a preview in the admin."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from events.models import ProgrammeItem
from razon.richtext import RichTextField
from tests import factories

pytestmark = pytest.mark.django_db

MARKDOWN = "Eerste regel  \ntweede regel\n\n- **vet** punt\n- [een link](https://ra-zon.nl/)"


def test_these_are_the_rich_text_fields():
    fields = {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.fields
        if isinstance(field, RichTextField)
    }

    assert fields == {
        "alliances.Alliance.background",
        "alliances.Alliance.ambitions",
        "alliances.Alliance.coming_period",
        "partnerships.Partnership.profile",
        "regions.RAPProject.results",
        "events.Event.body",
        "events.Event.report",
        "events.ProgrammeItem.description",
        "news.Post.body",
        "routes.Route.body",
    }


def test_no_template_shows_text_with_linebreaks():
    templates = Path(settings.BASE_DIR, "templates").rglob("*.html")

    assert [path.name for path in templates if "linebreaks" in path.read_text()] == []


def _alliance(field):
    alliance = factories.alliance(**{field: MARKDOWN})
    return alliance, "alliances_alliance", field


def _past_event_with_report():
    starts_at = timezone.now() - timedelta(days=10)
    event = factories.event(starts_at=starts_at, report=MARKDOWN)
    return event, "events_event", "report"


def _programme_item():
    event = factories.event()
    ProgrammeItem.objects.create(event=event, title="Opening", description=MARKDOWN)
    return event, "events_event", "programme_items-0-description"


ITEMS = {
    "alliance background": lambda: _alliance("background"),
    "alliance ambitions": lambda: _alliance("ambitions"),
    "alliance coming period": lambda: _alliance("coming_period"),
    "partnership profile": lambda: (
        factories.partnership(profile=MARKDOWN),
        "partnerships_partnership",
        "profile",
    ),
    "RAP project results": lambda: (
        factories.rap_project(results=MARKDOWN),
        "regions_rapproject",
        "results",
    ),
    "event body": lambda: (factories.event(body=MARKDOWN), "events_event", "body"),
    "event report": _past_event_with_report,
    "programme item description": _programme_item,
    "post body": lambda: (factories.post(body=MARKDOWN), "news_post", "body"),
}


@pytest.mark.parametrize("make", ITEMS.values(), ids=ITEMS.keys())
def test_the_public_page_shows_the_text_as_markdown(client, make):
    item, _admin, _field = make()

    html = client.get(item.get_absolute_url()).content.decode()

    assert "Eerste regel<br>\ntweede regel" in html
    assert "<li><strong>vet</strong> punt</li>" in html
    assert '<a href="https://ra-zon.nl/">een link</a>' in html
    assert "**vet**" not in html


@pytest.mark.parametrize("make", ITEMS.values(), ids=ITEMS.keys())
def test_the_admin_offers_the_preview_and_says_the_format(superuser_client, make):
    item, admin, field = make()

    html = superuser_client.get(reverse(f"admin:{admin}_change", args=[item.pk])).content.decode()

    widgets = re.findall(r'<div class="richtext-field"[^>]*>\s*<textarea name="([^"]+)"', html)
    assert field in widgets
    help_texts = dict(re.findall(r'<div class="help" id="id_(\w+)_helptext">\s*<div>([^<]*)', html))
    headers = dict(re.findall(r'<th class="column-(\w+)">[^<]*<img [^>]*title="([^"]*)"', html))
    help_text = help_texts.get(field) or headers[field.rsplit("-", 1)[-1]]
    assert "Opmaak met Markdown: een witregel begint een nieuwe alinea" in help_text
