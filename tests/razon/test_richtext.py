import re

import pytest
from django.apps import apps
from django.contrib.admin.widgets import AdminTextareaWidget
from django.test import Client
from django.urls import reverse
from django.utils.html import linebreaks

from razon.richtext import (
    HELP_TEXT,
    RichTextField,
    RichTextWidget,
    convert_linebreaks_fields,
    markdown_from_linebreaks,
    plain_text,
    reading_minutes,
    render,
)
from regions.models import RAPProject
from tests import factories
from tests.hostile import HOSTILE_INPUTS, executable_parts

PREVIEW = reverse("richtext_preview")


@pytest.mark.parametrize("text", HOSTILE_INPUTS)
def test_hostile_markdown_renders_to_nothing_executable(text):
    html = render(text)

    assert executable_parts(html) == []
    assert "<script" not in html.lower()


@pytest.mark.parametrize(
    "html",
    [
        "<script>x</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" JavaScript:alert(1)">x</a>',
        '<p style="color:red">x</p>',
        "<svg></svg>",
    ],
)
def test_the_check_itself_catches_what_it_looks_for(html):
    assert executable_parts(html)


def test_editors_formatting_survives_sanitising():
    html = render(
        "# Kop\n\n## Tussenkop\n\n- een\n- twee\n\n1. eerst\n\n> citaat\n\n"
        "[link](https://ra-zon.nl/) en [mail](mailto:info@ra-zon.nl)\n\nNoot[^1]\n\n[^1]: Bron."
    )

    assert "<h2>Kop</h2>" in html  # the page title is the only h1
    assert "<ul>" in html and "<ol>" in html and "<blockquote>" in html
    assert '<a href="https://ra-zon.nl/">link</a>' in html
    assert 'href="mailto:info@ra-zon.nl"' in html
    assert 'class="footnote-ref" href="#fn:1"' in html and '<li id="fn:1">' in html


def test_a_rich_text_field_keeps_its_preview_widget_in_the_admin():
    field = RichTextField()

    assert isinstance(field.formfield().widget, RichTextWidget)
    # The admin passes its own textarea for every TextField.
    assert isinstance(field.formfield(widget=AdminTextareaWidget).widget, RichTextWidget)


def test_a_field_with_its_own_help_text_says_the_format_after_it():
    field = RichTextField(help_text="Wat er de komende tijd gebeurt.")

    assert str(field.help_text) == f"Wat er de komende tijd gebeurt. {HELP_TEXT}"
    assert field.deconstruct()[3]["help_text"] == "Wat er de komende tijd gebeurt."
    assert str(RichTextField().help_text) == str(HELP_TEXT)
    assert "help_text" not in RichTextField().deconstruct()[3]


def _shown(html):
    """What a browser shows of paragraphs and line breaks: no white space around them, no
    empty paragraph, no line break at a paragraph's end."""
    html = re.sub(r"\s*(<p>|</p>|<br>)\s*", r"\1", html)
    return html.replace("<br></p>", "</p>").replace("<p></p>", "")


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("Een alinea.\n\nNog een.", "Een alinea.\n\nNog een."),
        ("Regel een\nregel twee", "Regel een  \nregel twee"),
        ("Windows\r\nregels\r\n\r\nAlinea", "Windows  \nregels\n\nAlinea"),
        ("    Ingesprongen\n\tregel", "Ingesprongen  \nregel"),
        ("Intro:\n- een\n- twee", "Intro:  \n- een  \n- twee"),
        ("Veel\n\n\n\nwitregels\n", "Veel\n\nwitregels"),
    ],
)
def test_text_written_for_linebreaks_becomes_markdown_that_shows_the_same(text, markdown):
    assert markdown_from_linebreaks(text) == markdown
    assert _shown(render(markdown)) == _shown(linebreaks(text))


@pytest.mark.django_db
def test_the_data_migration_rewrites_only_what_changes_and_can_run_twice():
    changed = factories.rap_project(results="Regel een\nregel twee")
    kept = factories.rap_project(results="Al goed.\n\nJa.")
    convert = convert_linebreaks_fields("regions", "rapproject", "results")

    convert(apps, None)
    convert(apps, None)

    assert RAPProject.objects.get(pk=changed.pk).results == "Regel een  \nregel twee"
    assert RAPProject.objects.get(pk=kept.pk).results == "Al goed.\n\nJa."


def test_the_widget_offers_a_preview_button_for_javascript_only():
    html = RichTextWidget().render("body", "**vet**", attrs={"id": "id_body"})

    assert 'data-richtext-preview-url="/admin/voorbeeld/"' in html
    assert '<p class="richtext-field__tools" hidden>' in html  # shown by the script
    assert 'aria-controls="id_body_preview"' in html and "Voorbeeld" in html
    assert "js/richtext-preview.js" in str(RichTextWidget().media)


@pytest.mark.django_db
def test_the_preview_shows_staff_the_sanitised_html(admin_client):
    response = admin_client.post(
        PREVIEW, {"text": "## Kop\n\n<script>alert(1)</script>[x](javascript:alert(1)) **vet**"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h2>Kop</h2>" in html and "<strong>vet</strong>" in html
    assert executable_parts(html) == [] and "<script" not in html
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_preview_refuses_anonymous_visitors_and_non_staff(client, django_user_model):
    response = client.post(PREVIEW, {"text": "**vet**"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))

    client.force_login(django_user_model.objects.create_user("bezoeker", password="x"))
    response = client.post(PREVIEW, {"text": "**vet**"})
    assert response.status_code == 302
    assert "<strong>" not in response.content.decode()


@pytest.mark.django_db
def test_the_preview_needs_a_post_with_a_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    assert client.get(PREVIEW).status_code == 405
    assert client.post(PREVIEW, {"text": "**vet**"}).status_code == 403


@pytest.mark.django_db
def test_the_preview_refuses_an_enormous_text(admin_client):
    response = admin_client.post(PREVIEW, {"text": "x" * 200_001})

    assert response.status_code == 400


def test_plain_text_and_reading_time():
    text = "## Kop\n\n" + "woord " * 450
    assert plain_text(text).startswith("Kop")
    assert "<" not in plain_text(text)
    assert reading_minutes(text) == 3
    assert reading_minutes("") == 1


def test_plain_text_decodes_entities_once():
    assert plain_text("Samen Opleiden & Professionaliseren <b>") == (
        "Samen Opleiden & Professionaliseren"
    )
