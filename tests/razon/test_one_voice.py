"""One voice (#17): the Dutch site addresses its visitors with "je", never with "u" or "uw",
and spells the programmes' names one way, on every public page, feed, calendar and mail."""

import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.defaults import permission_denied

from events.models import Registration
from events.services import cancel_token
from tests import factories
from tests.events.conftest import confirm, valid_data
from tests.routes import demo_paths
from tests.text import html_text, response_text

pytestmark = pytest.mark.django_db

# "u", "uw" and "U" as words; not a letter inside a word, an abbreviation ("u.") or a code
# joined by a hyphen ("U-bocht").
FORMAL = re.compile(r"(?<![\w\-.'’])(?:u|uw|U|Uw|UW)(?![\w\-’']|\.\w)")
# Each name and the spelling seed 001 gives it; any other capitalisation or "en" for "&" is
# a misspelling.
NAMES = {
    re.compile(r"samen\s+opleiden\s+(?:&|&amp;|en)\s+professionaliseren", re.I): (
        "Samen Opleiden & Professionaliseren"
    ),
    re.compile(r"regionale\s+aanpak\s+personeelstekort\w*", re.I): (
        "Regionale Aanpak Personeelstekorten"
    ),
}

# Quotations kept word for word ("quotes under a real name are quoted exactly or not at
# all"), with their source: the name check leaves these out.
VERBATIM = {
    "RAP Regionale Aanpak Personeelstekort onderwijs": "seed 002, the blog's footnote 1",
}


def formal_words(texts):
    return sorted({text for text in texts if FORMAL.search(text)})


def misspelled_names(texts):
    found = set()
    for text in texts:
        for quotation in VERBATIM:
            text = text.replace(quotation, "")
        for pattern, spelling in NAMES.items():
            found.update(match for match in pattern.findall(text) if match != spelling)
    return sorted(found)


def test_the_detectors_find_formal_address_and_misspelled_names():
    texts = html_text(
        "<p>Wat u moet weten</p><p>Volg ons in uw feedlezer</p><p>U heeft geen toegang.</p>"
        '<a title="Meld u aan">x</a><p>Wat je moet weten</p><p>14.30 uur, U-bocht, u.s.w.</p>'
        "<p>Samen Opleiden en Professionaliseren, Regionale aanpak personeelstekort</p>"
        "<p>Samen Opleiden &amp; Professionaliseren, Regionale Aanpak Personeelstekorten</p>"
    )
    assert formal_words(texts) == [
        "Meld u aan",
        "U heeft geen toegang.",
        "Volg ons in uw feedlezer",
        "Wat u moet weten",
    ]
    assert misspelled_names(texts) == [
        "Regionale aanpak personeelstekort",
        "Samen Opleiden en Professionaliseren",
    ]


def every_public_text(client):
    """{path: texts} of every public URL pattern (tests/routes.py) with the demo content,
    plus the registration page's states and a refused page."""
    texts = {}
    paths = [*demo_paths().values(), "/bestaat-niet/"]
    for path in paths:
        response = client.get(path)
        text = response_text(response)
        if text is not None:
            texts[path] = text
    return texts


def test_every_public_page_feed_and_calendar_says_je_and_spells_the_names_one_way(client, demo):
    # One walk for both checks: rendering every page with the demo content takes a while.
    texts = every_public_text(client)

    assert {"/", "/berichten/feed/", "/agenda.ics", "/contact/"} <= set(texts)
    formal = {path: formal_words(text) for path, text in texts.items() if formal_words(text)}
    assert formal == {}
    misspelled = {
        path: misspelled_names(text) for path, text in texts.items() if misspelled_names(text)
    }
    assert misspelled == {}
    overview = " ".join(texts[reverse("regions:overview")])
    assert "Samen Opleiden & Professionaliseren" in overview
    assert "Regionale Aanpak Personeelstekorten (RAP)" in overview


def test_the_registration_mails_address_the_visitor_with_je(
    client, mail_worker_pass, django_capture_on_commit_callbacks, settings
):
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_REGISTRATION_REPEAT_MAIL_MINUTES = 0
    event = factories.event(registration_enabled=True, capacity=1, waiting_list=True)
    url = reverse("events:register", args=[event.slug])
    client.post(url, valid_data(email="een@school.example"))
    client.post(url, valid_data(email="twee@school.example"))
    mail_worker_pass()
    first = Registration.objects.get(email="een@school.example")
    second = Registration.objects.get(email="twee@school.example")
    confirm(client, first)
    confirm(client, second)
    mail_worker_pass()
    client.post(url, valid_data(email="een@school.example"))
    mail_worker_pass()
    client.post(reverse("events:cancel", args=[cancel_token(first)]))
    mail_worker_pass()

    # two requests to confirm, confirmation, waiting list, already registered, cancelled,
    # promoted from the waiting list
    assert len(mail.outbox) == 7
    for message in mail.outbox:
        texts = [message.subject, message.body]
        assert formal_words(texts) == [], message.subject
        assert "je" in message.body.lower().split()


def test_the_forbidden_page_and_the_cancel_pages_address_the_visitor_with_je(client, rf):
    page = permission_denied(rf.get("/"), PermissionDenied())
    assert "Je hebt geen toegang tot deze pagina." in page.content.decode()
    registration = factories.registration(factories.event(registration_enabled=True))
    url = reverse("events:cancel", args=[cancel_token(registration)])
    for response in (client.get(url), client.post(url), client.get(url[:-3] + "xyz/")):
        assert formal_words(html_text(response.content.decode())) == []
    assert formal_words(html_text(page.content.decode())) == []


def test_the_lockout_page_addresses_the_visitor_with_je(client, editor, settings):
    login = {"username": "redacteur", "password": "fout-wachtwoord", "next": "/admin/"}
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("admin:login"), login)

    html = response.content.decode()
    assert response.status_code == 429
    assert "Om je account te beschermen kun je de komende 30 minuten niet inloggen" in html
    assert formal_words(html_text(html)) == []


def test_the_login_and_two_factor_pages_address_staff_with_je(client, editor):
    login = client.get(reverse("admin:login")).content.decode()
    assert "Alleen als je tweestapsverificatie hebt ingesteld." in login
    client.force_login(editor)
    two_factor = client.get(reverse("two_factor")).content.decode()
    assert "je wachtwoord" in two_factor
    assert formal_words(html_text(login) + html_text(two_factor)) == []
