"""The demo tells the seeds' facts (`../shared/seeds/`, DEMO-FACTS.md) unchanged, and marks as
demo whatever no source states. A reader comparing the pages with the sources should find no
contradiction: this test is that reader for the key facts, and keeps the list of what is
sourced honest (anything not on it must say it is demo)."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from alliances.models import Organization
from events.models import Event
from news.models import Post
from partnerships.models import Partnership
from razon.demo import is_meeting_day
from regions.models import RAP_SCHEME_ENDS_ON, EducationRegion, ProjectStatus, RAPProject

pytestmark = pytest.mark.django_db

DEMO_NOTE = "Let op: dit is voorbeeldinhoud van de demo."

ALLIANCE = ("alliances:alliance", [])
OVERVIEW = ("regions:overview", [])
BLOG = ("news:detail", ["leerruimte-onderwijsregios"])
STRATEGY_SESSION = ("events:detail", ["strategiesessie-onderwijsregios-7-februari-2024"])
SECOND_SESSION = ("events:detail", ["tweede-strategiesessie-onderwijsregios-28-juni-2024"])
SECOND_REPORT = ("news:detail", ["verslag-tweede-strategiesessie-onderwijsregios"])
MEETING = (
    "events:detail",
    ["informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021"],
)
VOORLOPERS = ("news:detail", ["27-voorlopers-onderwijsregios-van-start"])
SCHOOL_BOARDS = ("news:detail", ["schoolbesturen-over-onderwijsregios"])
NOTRE_DAME = ("partnerships:detail", ["alliantie-vo-notre-dame"])
OSNL = ("partnerships:detail", ["osnl"])
PLATFORM = ("alliances:organization", ["platform-samen-opleiden"])
RIVIERENLAND = ("regions:rap_project", ["rap-rivierenland"])

# (page, text as the page shows it, source). Texts are compared without tags, with entities
# decoded, whitespace collapsed and curly apostrophes made straight.
# fmt: off
FACTS = [
    # seed 000: the alliance
    (ALLIANCE, "In het najaar van 2020 sloten het ministerie van OCW, de Vereniging Hogescholen en de Vereniging van Universiteiten (VSNU) het bestuursakkoord flexibilisering lerarenopleidingen", "seed 000"),
    (ALLIANCE, "april 2021", "seed 000"),
    (ALLIANCE, "HAN, Radboud Universiteit en ArtEZ", "seed 000"),
    (ALLIANCE, "In lijn met het rapport 'Slimme Verbindingen'", "seed 000"),
    (ALLIANCE, "curriculum.nu, het bevoegdhedenstelsel, 10-14 onderwijs en langere brede brugklassen", "seed 000"),
    (ALLIANCE, "gezamenlijk projectplan voor 2022", "seed 000"),
    # seed 001: regio-infrastructuur, the slogan and the RAP end date
    (ALLIANCE, "genoeg blijvende, blijvend goede leraren en andere onderwijsprofessionals", "seed 001"),
    (OVERVIEW, "hebben een gezamenlijke verantwoordelijkheid voor genoeg blijvende, blijvend goede leraren en andere onderwijsprofessionals", "seed 001"),
    (OVERVIEW, "Sinds december 2022 wordt gesproken over onderwijsregio's (eerst 'RATO's')", "seed 001"),
    (OVERVIEW, "De Realisatie-Eenheid ondersteunt hun ontwikkeling volgens de lerende aanpak.", "seed 001"),
    (OVERVIEW, "Bij samen opleiden verzorgt het werkveld 40% van het curriculum", "seed 001"),
    (OVERVIEW, "Platform Samen Opleiden & Professionaliseren ondersteunt de ontwikkelingen en publiceerde in oktober 2022 een factsheet over de groei naar 100% samen opleiden.", "seed 001"),
    (PLATFORM, "publiceerde in oktober 2022 een factsheet over de groei naar 100% samen opleiden", "seed 001"),
    (OVERVIEW, "waarmee in 2019 meer dan 60 regio's startten", "seed 001"),
    (OVERVIEW, "De RAP-regeling is verlengd tot uiterlijk december 2023.", "seed 001"),
    (OVERVIEW, "Ondersteuning op (regionale) arbeidsmarktvraagstukken bieden:", "seed 001"),
    # seed 002: the blog, in its author's words
    (BLOG, "Deze keer geen metafoor of tot de verbeelding sprekende titel voor dit blog.", "seed 002"),
    (BLOG, "Er zijn inmiddels 27 voorlopers gestart – ons Partnerschap is hierbij ook betrokken – om via een lerende aanpak te kijken hoe goede samenwerking gerealiseerd kan worden.", "seed 002"),
    (BLOG, "Vanaf januari 2025 werken alle partnerschappen, opleidingsinstituten en besturen samen in onderwijsregio's.", "seed 002"),
    (BLOG, "Structuren moeten hier, mijn inziens, ondersteunend aan zijn en niet de bovenhand voeren, zoals nu lijkt te gebeuren.", "seed 002"),
    (BLOG, "Kwaliteit van leraren realiseren we met elkaar door voortdurend het goede inhoudelijke gesprek te voeren.", "seed 002"),
    (BLOG, "Binnen ons partnerschap zijn we het erover eens dat dat Bevlogen, Betrokken en Bekwame leerkrachten zijn.", "seed 002"),
    (BLOG, "Miranda", "seed 002"),
    (BLOG, "RAL Regionale Aanpak Lerarentekort; RAP Regionale Aanpak Personeelstekort onderwijs.", "seed 002"),
    # seed 003: the strategy session of 7 February 2024
    (STRATEGY_SESSION, "Op 7 februari 2024 kwamen ruim 60 betrokkenen uit de brede regio Zuidoost-Nederland bij elkaar", "seed 003"),
    (STRATEGY_SESSION, "De stuurgroep van RA-ZON nam het initiatief, in afstemming met de Realisatie-Eenheid.", "seed 003"),
    (ALLIANCE, "RA-ZON heeft een stuurgroep.", "seed 003"),
    (STRATEGY_SESSION, "zes gespreksgroepen", "seed 003"),
    (STRATEGY_SESSION, "werven, matchen, opleiden, begeleiden en professionaliseren", "seed 003"),
    (STRATEGY_SESSION, "ontvingen we informatie over de betrokkenheid van de vakbonden bij de ontwikkeling van onderwijsregio's", "seed 003"),
    (STRATEGY_SESSION, "vrijdag 28 juni 2024", "seed 003"),
    (STRATEGY_SESSION, "Whitepaper slim regionaal organiseren", "seed 003"),
    # the second session: event and report agree (DEMO-FACTS, "Alliance and sessions")
    (SECOND_SESSION, "vrijdag 28 juni 2024", "DEMO-FACTS"),
    (SECOND_SESSION, "ruim vijftig deelnemers bij de HAN", "DEMO-FACTS"),
    (SECOND_REPORT, "ruim vijftig deelnemers bij de HAN", "DEMO-FACTS"),
    (SECOND_SESSION, "De Subsidieregeling Onderwijsregio's 2025.", "DEMO-FACTS"),
    (SECOND_SESSION, "Voor eind 2024 stond een vervolg gepland.", "DEMO-FACTS"),
    # seed 004: the information meeting of 22 November 2021
    (MEETING, "maandag 22 november 2021", "seed 004"),
    (MEETING, "MS Teams", "seed 004"),
    (MEETING, "Universiteiten van Nederland (voorheen VSNU)", "seed 004"),
    (MEETING, "Platform Samen Opleiden & Professionaliseren", "seed 004"),
    (MEETING, "Programmabureau 10voordeleraar", "seed 004"),
    (MEETING, "ELA (Educatieve Levensbeschouwelijke Alliantie)", "seed 004"),
    (MEETING, "Vooraf ingediende vragen: die kon je vooraf indienen via een padlet.", "seed 004"),
    (MEETING, "Alfa4all", "seed 004"),
    # DEMO-FACTS.md
    (VOORLOPERS, "Na 29 aanvragen zijn op 6 juli 2023 de 27 definitieve voorlopers onderwijsregio's van start gegaan.", "DEMO-FACTS"),
    (VOORLOPERS, "Elke voorloper kan € 100.000 krijgen voor een projectleider; samen is dat € 2,7 miljoen.", "DEMO-FACTS"),
    (SCHOOL_BOARDS, "De VO-raad hield 66 interviews en verwerkte 46 antwoorden op een enquête", "DEMO-FACTS"),
    (SCHOOL_BOARDS, "25 maart 2024", "DEMO-FACTS"),
    (NOTRE_DAME, "Academische opleidingsschool van acht vo-scholen", "DEMO-FACTS"),
    (OSNL, "erkend op 19 juni 2020", "DEMO-FACTS"),
]
# fmt: on

# (page, text that must not be there, why)
# fmt: off
NOT_THERE = [
    (MEETING, "Afsluiting", "seed 004 gives a rough programme without a closing item"),
    (RIVIERENLAND, "Lopend", "seed 001: the RAP scheme ran until December 2023 at the latest"),
    (RIVIERENLAND, "2023–…", "seed 001: the RAP scheme ran until December 2023 at the latest"),
    (BLOG, "lector, Partners in Opleiding en Ontwikkeling", "seed 002 names no such role"),
    (SECOND_SESSION, "Zuidoost-Nederland</dd>", "the second session was at the HAN"),
]
# fmt: on

# (page, address it must link to, source)
# fmt: off
LINKS = [
    (ALLIANCE, "https://universitaireaanpaklerarentekort.nl/bestuursakkoord-lerarentekort/", "seed 000: the bestuursakkoord"),
    (ALLIANCE, "https://www.platformsamenopleiden.nl/", "seed 000: Samen Opleiden & Professionaliseren"),
    (OVERVIEW, "https://www.aanpaklerarentekort.nl/regios/lerende-aanpak", "seed 001: de lerende aanpak"),
    (OVERVIEW, "/organisaties/realisatie-eenheid/", "seed 001: the Realisatie-Eenheid"),
    (OVERVIEW, "/organisaties/platform-samen-opleiden/", "seed 001: the platform"),
    (OVERVIEW, "/organisaties/arbeidsmarktplatform-po/", "seed 001: ArbeidsmarktplatformPO"),
    (OVERVIEW, "/organisaties/voion/", "seed 001: VOION"),
    (OVERVIEW, "/organisaties/som-mbo/", "seed 001: Stichting Onderwijsarbeidsmarktfonds MBO"),
    (('alliances:organization', ['realisatie-eenheid']), "https://www.onderwijsregio.nl/over-de-onderwijsregios/de-realisatie-eenheid", "seed 001"),
    (BLOG, "https://open.overheid.nl/documenten/ronl-cc9af7396e701b42ee5013508ed3d6832e83484c/pdf", "seed 002"),
    (BLOG, "https://www.platformsamenopleiden.nl/dossier/sterk-in-onderwijsregios", "seed 002"),
    (MEETING, "/organisaties/unl/", "seed 004: VSNU among the organisers"),
]
# fmt: on

# What a source states in full (every detail on the page); everything else is marked demo.
SOURCED = {
    Event: {"informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021"},
    Post: {"27-voorlopers-onderwijsregios-van-start", "schoolbesturen-over-onderwijsregios"},
    Partnership: {"osnl", "opleidingsschool-zutphen", "alliantie-vo-notre-dame"},
    EducationRegion: set(),  # no source gives a region's area or members
    RAPProject: {"rap-achterhoek-vo"},
}
# Organisations are sourced by name and kind; only those no source names are demo.
DEMO_ORGANIZATIONS = {"aob", "cnv-onderwijs"}


def page_text(client, page):
    name, args = page
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, page
    raw = response.content.decode()
    text = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    text = re.sub(r"\s+", " ", text).replace("’", "'").replace("‘", "'")
    text = re.sub(r" ([.,:;)])", r"\1", text).replace("( ", "(")
    return raw, text


def test_the_demo_pages_tell_the_seeds_facts(client, demo):
    pages = {}
    missing = []
    for page, fact, source in FACTS:
        key = (page[0], *page[1])
        if key not in pages:
            pages[key] = page_text(client, page)
        if fact not in pages[key][1]:
            missing.append(f"{page}: {fact!r} ({source})")
    assert not missing, "\n".join(missing)


def test_the_demo_pages_say_nothing_the_seeds_contradict(client, demo):
    found = [
        f"{page}: {text!r} ({why})"
        for page, text, why in NOT_THERE
        if text in page_text(client, page)[0] or text in page_text(client, page)[1]
    ]
    assert not found, "\n".join(found)


def test_the_demo_links_where_the_seeds_link(client, demo):
    missing = [
        f"{page}: {url} ({source})"
        for page, url, source in LINKS
        if f'href="{url}"' not in page_text(client, page)[0]
    ]
    assert not missing, "\n".join(missing)


def test_the_information_meeting_keeps_the_sources_times_and_no_invented_ones(demo):
    meeting = Event.objects.get(slug=MEETING[1][0])
    local = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    assert [(t.hour, t.minute) for t in local] == [(14, 30), (16, 30)]
    assert not meeting.programme_items.exclude(starts_at=None).exists()
    assert meeting.programme_items.count() == 3
    assert "unl" in meeting.organisers.values_list("slug", flat=True)


def test_the_blog_has_no_ties_its_source_does_not_give(demo):
    blog = Post.objects.get(slug=BLOG[1][0])
    assert not blog.sectors.exists() and not blog.regions.exists()
    assert ">" not in blog.body.split("[^1]")[0]  # no quotation block of words she did not write


def test_alliantie_vo_notre_dame_lists_the_schools_its_sources_name(demo):
    partnership = Partnership.objects.get(slug="alliantie-vo-notre-dame")
    schools = set(
        partnership.memberships.filter(role="opleidingsschool").values_list(
            "organization__name", flat=True
        )
    )
    assert schools == {
        "Citadel College",
        "Dominicus College",
        "Mondial College",
        "Maaswaal College",
        "Pax Christi College",
        "SSgN",
        "Stedelijk Gymnasium Nijmegen",
    }


@pytest.mark.parametrize("model", list(SOURCED))
def test_what_no_source_states_is_marked_demo_on_its_page(client, demo, model):
    sourced = SOURCED[model]
    items = model.objects.published()
    assert set(items.filter(slug__in=sourced).values_list("slug", flat=True)) == sourced
    for item in items:
        assert item.is_demo == (item.slug not in sourced), item.slug
        page = client.get(item.get_absolute_url()).content.decode()
        assert (DEMO_NOTE in page) == item.is_demo, item.slug


def test_only_the_organisations_no_source_names_are_demo(client, demo):
    marked = set(Organization.objects.filter(is_demo=True).values_list("slug", flat=True))
    assert marked == DEMO_ORGANIZATIONS
    for slug in ["aob", "voion"]:
        page = client.get(reverse("alliances:organization", args=[slug])).content.decode()
        assert (DEMO_NOTE in page) == (slug in DEMO_ORGANIZATIONS)


def test_no_rap_project_runs_after_the_scheme_ended(demo):
    for project in RAPProject.objects.filter(programme="rap"):
        assert project.end_year and project.end_year <= RAP_SCHEME_ENDS_ON.year, project.slug
        assert project.progress == ProjectStatus.FINISHED, project.slug
        project.full_clean()


def test_upcoming_demo_events_are_demo_and_fall_on_no_holiday(demo):
    upcoming = Event.objects.filter(starts_at__gte=timezone.now())
    assert upcoming.count() == 4  # routes/demo.py adds an information evening
    for event in upcoming:
        assert event.is_demo, event.slug
        assert is_meeting_day(timezone.localdate(event.starts_at)), event.slug
