"""Demo content of the events app: the strategy sessions of 2024 and the information meeting of
November 2021 as the sources tell them, plus a few upcoming meetings dated from today so the
agenda is never empty (those are examples, marked as demo, and never on a holiday).

An event needs a start and end time; where no source gives them (the two strategy sessions),
the event is marked as demo (is_demo) and says so on its page."""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from alliances.models import Organization
from events.models import Event, EventKind, ProgrammeItem
from razon.demo import illustrate, meeting_day, sync
from razon.models import Document, DocumentKind, PublishStatus, Sector
from razon.uploads import sniff_document

FILES = Path(__file__).parent / "demo_files"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

STRATEGY_SESSION = "strategiesessie-onderwijsregios-7-februari-2024"
SECOND_SESSION = "tweede-strategiesessie-onderwijsregios-28-juni-2024"
INFORMATION_MEETING = "informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021"

# fmt: off
DOCUMENTS = {
    "presentatie-strategiesessie-onderwijsregios-2024": ("Presentatie strategiesessie onderwijsregio's", DocumentKind.PRESENTATION, "presentatie-strategiesessie-2024-02-07.pdf"),
    "analyse-gespreksgroepen-strategiesessie-2024": ("Analyse van de zes gespreksgroepen", DocumentKind.ANALYSIS, "analyse-gespreksgroepen-2024-02-07.pdf"),
    "verslagen-per-groep-en-functie-2024": ("Verslaglegging per groep en per functie (bijlage)", DocumentKind.REPORT, "verslagen-per-groep-en-functie-2024-02-07.pdf"),
    "whitepaper-slim-regionaal-organiseren": ("Whitepaper slim regionaal organiseren", DocumentKind.WHITEPAPER, "whitepaper-slim-regionaal-organiseren.pdf"),
    "format-gesprek-schaalniveau": ("Format voor het gesprek over schaalniveaus in je eigen regio", DocumentKind.FORMAT, "format-gesprek-schaalniveau.docx"),
}

STRATEGY_REPORT = """\
Op 7 februari 2024 kwamen ruim 60 betrokkenen uit de brede regio Zuidoost-Nederland bij elkaar om te praten over de vorming van onderwijsregio's. De stuurgroep van RA-ZON nam het initiatief, in afstemming met de Realisatie-Eenheid.

In Zuidoost-Nederland zijn al verschillende voorloperregio's, en op meer plekken lopen verkennende gesprekken. Deze middag bracht die verkenningen bij elkaar, om samen de inhoud in te gaan. We zien RA-ZON als de verzameling van scholen, besturen en de lerarenopleidingen van HAN, Radboud Universiteit en ArtEZ die door samenwerking direct of indirect met elkaar verbonden zijn: een relationele regio, een ecosysteem.

## Zes gespreksgroepen

Na een beschouwing op de stand van zaken gingen de deelnemers in zes gespreksgroepen uiteen met één vraag: als het gaat om **werven, matchen, opleiden, begeleiden en professionaliseren**, welke activiteiten wil je op welk schaalniveau oppakken?

Uit alle geledingen kwamen aanmeldingen: projectleiders RAP, programmamanagers SO&P, bestuurders uit po, (v)so, vo en mbo, directeuren van lerarenopleidingen, de vakbond en de Realisatie-Eenheid.

## Wat er te downloaden is

- de presentatie van de middag;
- de analyse van wat de gespreksgroepen opleverden, met als bijlage de verslagen per groep en per functie;
- de whitepaper over slim regionaal organiseren, waarnaar de presentatie verwijst;
- een format om in je eigen regio het gesprek te voeren over het schaalniveau van samenwerkingsactiviteiten.

Naar aanleiding van de strategiesessie ontvingen we informatie over de betrokkenheid van de vakbonden bij de ontwikkeling van onderwijsregio's. De tweede strategiesessie, voor bestuurders en projectleiders, volgde op vrijdag 28 juni 2024.
"""

# Source: ra-zon.nl about the second session (DEMO-FACTS.md, "Alliance and sessions").
SECOND_STRATEGY_REPORT = """\
Op vrijdag 28 juni 2024 kwamen ruim vijftig deelnemers bij de HAN bij elkaar voor de tweede strategiesessie over onderwijsregio's, voor bestuurders en projectleiders. De sessie had een voorzitter, en een lid van de stuurgroep van RA-ZON was erbij.

## Twee thema's

1. **De Subsidieregeling Onderwijsregio's 2025.**
2. **De positionering van de breed-regionale samenwerking.**

## Sprekers

De directeur en een regio-adviseur van de Realisatie-Eenheid en een beleidsmedewerker van het ministerie van OCW spraken.

## Na afloop

Na afloop zijn vragen en antwoorden schriftelijk toegevoegd. Voor eind 2024 stond een vervolg gepland.
"""

INFORMATION_BODY = """\
In oktober 2020 sloot het ministerie van OCW met de Vereniging Hogescholen (VH) en de Vereniging van Universiteiten (VSNU) een bestuursakkoord om de flexibilisering van de lerarenopleidingen te versnellen en te versterken. Naast een gezamenlijke agenda zijn per sector doelen gesteld, met één doel voor allemaal: het aantrekkelijker maken om leraar te worden, te zijn en te blijven.

Om meer leraren op te leiden en te professionaliseren is meer maatwerk nodig, en sterkere regionale samenwerking tussen lerarenopleidingen onderling en met scholen. Zo sluit het opleiden het best aan op de vraag van de arbeidsmarkt.

De VH, de VSNU en het Platform Samen Opleiden & Professionaliseren trekken hierin samen op waar het Samen Opleiden raakt. Dat begint met informeren, kennis delen en vragen ophalen. Daarom organiseerde het Platform, samen met de VH, de VSNU en Programmabureau 10voordeleraar, deze online bijeenkomst voor partnerschappen Samen Opleiden.

## Agenda van het bestuursakkoord

**Samen, hbo en wo**

- regionale allianties: de samenwerking tussen hbo- en wo-lerarenopleidingen intensiveren;
- kennis delen en samenwerken bij het flexibiliseren van de lerarenopleidingen;
- samen een academische zij-instroomroute voor het primair onderwijs ontwikkelen.

**Hbo-lerarenopleidingen**

- EVC- en vrijstellingenbeleid en zij-instroom po op elkaar afstemmen;
- flexibiliseren op basis van leeruitkomsten.

**Universitaire lerarenopleidingen**

- Alfa4all: maatwerk voor zij-instromers in de talen waar een tekort is;
- een modulair curriculum: in een leerwerktraject naar een eerstegraads bevoegdheid;
- academische opleidingsroutes voor het primair onderwijs, een verkenning van leeruitkomsten en een betere intake en toelating voor universitaire zij-instromers.
"""

# The source gives a rough programme, without times: the items keep its order and words.
INFORMATION_PROGRAMME = [
    ("Presentaties door twee regionale allianties", "ELA (Educatieve Levensbeschouwelijke Alliantie) en RA-ZON (Regionale Alliantie Zuidoost-Nederland) lichten toe hoe zij hun regionale samenwerking vorm (gaan) geven en partnerschappen daarbij betrekken.", "ELA en RA-ZON"),
    ("Presentatie over het bestuursakkoord flexibilisering", "Centrale vraag: wat betekent het bestuursakkoord (mogelijk) voor partnerschappen SO&P?", "VH en VSNU"),
    ("In groepen uiteen om verder te praten over het bestuursakkoord", "- Welke vragen roepen deze presentaties op?\n- Welke mogelijkheden, kansen en knelpunten zie je?\n- Vooraf ingediende vragen: die kon je vooraf indienen via een padlet.", ""),
]
# fmt: on


def _at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


def upcoming_day(today, weeks, weekday):
    """The given weekday (0 = Monday) in the week `weeks` from `today`, or the first day after
    it that is no weekend, public holiday or day between Christmas and New Year."""
    start = today + timedelta(weeks=weeks)
    return meeting_day(start + timedelta(days=(weekday - start.weekday()) % 7))


def _weekday_after(weeks, weekday):
    return upcoming_day(timezone.localdate(), weeks, weekday)


def _documents():
    documents = {}
    for slug, (title, kind, filename) in DOCUMENTS.items():
        name = f"documenten/demo/{filename}"
        if not default_storage.exists(name):
            with (FILES / filename).open("rb") as handle:
                name = default_storage.save(name, File(handle))
        with default_storage.open(name, "rb") as stored:
            content_type = sniff_document(stored).content_type
        documents[slug], _ = sync(
            Document,
            {"slug": slug},
            {
                "title": title,
                "kind": kind,
                "file": name,
                "content_type": content_type,
                "size": default_storage.size(name),
            },
        )
    return documents


# The illustration each kind of event gets (razon/demo_files/illustrations).
KIND_THEMES = {
    EventKind.STRATEGY_SESSION: "bijeenkomst",
    EventKind.INFORMATION_MEETING: "gesprek",
    EventKind.NETWORK_MEETING: "netwerk",
    EventKind.WEBINAR: "agenda",
    EventKind.OTHER: "agenda",
}


def load():
    organizations = {o.slug: o for o in Organization.objects.all()}
    sectors = Sector.objects.ensure_all()
    documents = _documents()
    changed = 0
    made = []

    def event(slug, values, sector_codes=(), organisers=(), docs=()):
        nonlocal changed
        obj, was_changed = sync(
            Event,
            {"slug": slug},
            {"status": PublishStatus.PUBLISHED, **values},
            m2m={
                "sectors": [sectors[code] for code in sector_codes],
                "organisers": [organizations[o] for o in organisers if o in organizations],
                "documents": [documents[d] for d in docs],
            },
        )
        changed += was_changed
        made.append(obj)
        return obj

    # The source gives the day and place, not the times: the event is marked as demo.
    second = event(
        SECOND_SESSION,
        {
            "kind": EventKind.STRATEGY_SESSION,
            "title": "Tweede strategiesessie onderwijsregio's",
            "summary": "Ruim vijftig deelnemers spraken bij de HAN over de "
            "Subsidieregeling Onderwijsregio's 2025 en de positionering van de breed-regionale "
            "samenwerking.",
            "body": "De tweede strategiesessie over de vorming van onderwijsregio's, voor "
            "bestuurders en projectleiders, als vervolg op de strategiesessie van 7 februari 2024.",
            "report": SECOND_STRATEGY_REPORT,
            "starts_at": _at(date(2024, 6, 28), 13, 30),
            "ends_at": _at(date(2024, 6, 28), 17),
            "location": "HAN",
            "audience": "Bestuurders en projectleiders.",
            "is_demo": True,
        },
        ["po", "vso", "vo", "mbo"],
        ["han", "radboud-universiteit", "artez"],
    )
    # The source gives the day, not the times or the place: the event is marked as demo.
    event(
        STRATEGY_SESSION,
        {
            "kind": EventKind.STRATEGY_SESSION,
            "title": "Strategiesessie onderwijsregio's",
            "summary": "Ruim 60 betrokkenen uit Zuidoost-Nederland spraken over de vorming van "
            "onderwijsregio's: welke activiteiten op welk schaalniveau?",
            "body": "Een middag over de vorming van onderwijsregio's in de brede regio "
            "Zuidoost-Nederland, op initiatief van de stuurgroep van RA-ZON en in afstemming met "
            "de Realisatie-Eenheid.",
            "report": STRATEGY_REPORT,
            "starts_at": _at(date(2024, 2, 7), 13, 30),
            "ends_at": _at(date(2024, 2, 7), 17),
            "location": "Zuidoost-Nederland",
            "audience": "Projectleiders RAP, programmamanagers SO&P, bestuurders po, (v)so, vo en "
            "mbo, directeuren lerarenopleidingen, vakbond en Realisatie-Eenheid.",
            "follow_up": second,
            "is_demo": True,
        },
        ["po", "vso", "vo", "mbo"],
        ["han", "radboud-universiteit", "artez", "realisatie-eenheid"],
        list(DOCUMENTS),
    )
    # Day, time, place, audience, organisers and the rough programme as the source gives them.
    meeting = event(
        INFORMATION_MEETING,
        {
            "kind": EventKind.INFORMATION_MEETING,
            "title": "Informatiebijeenkomst Bestuursakkoord Flexibilisering Lerarenopleidingen "
            "en Samen Opleiden",
            "summary": "Online bijeenkomst voor partnerschappen Samen Opleiden over het "
            "bestuursakkoord flexibilisering en wat het voor hen kan betekenen.",
            "body": INFORMATION_BODY,
            "starts_at": _at(date(2021, 11, 22), 14, 30),
            "ends_at": _at(date(2021, 11, 22), 16, 30),
            "location": "",
            "online": True,
            "online_platform": "MS Teams",
            "audience": "Coördinatoren, projectleiders en programmamanagers, bestuurders, "
            "schoolleiders, school- en instituutsopleiders, lerarenopleiders en "
            "HRM-functionarissen betrokken bij partnerschappen po, vo en mbo.",
            "registration_enabled": True,
            "extra_question": "Welke vraag wil je vooraf indienen?",
            "is_demo": False,
        },
        ["po", "vo", "mbo"],
        ["platform-samen-opleiden", "vereniging-hogescholen", "unl", "10voordeleraar"],
    )
    for position, (title, description, speaker) in enumerate(INFORMATION_PROGRAMME):
        changed += sync(
            ProgrammeItem,
            {"event": meeting, "position": position},
            {"starts_at": None, "title": title, "description": description, "speaker": speaker},
        )[1]
    # An item the programme no longer has (an earlier demo invented a closing item).
    changed += ProgrammeItem.objects.filter(
        event=meeting, position__gte=len(INFORMATION_PROGRAMME)
    ).delete()[0]

    network_day = _weekday_after(3, 3)
    event(
        "netwerkbijeenkomst-samen-opleiden-zuidoost",
        {
            "kind": EventKind.NETWORK_MEETING,
            "title": "Netwerkbijeenkomst Samen Opleiden Zuidoost",
            "summary": "Voorbeeldbijeenkomst: programmamanagers en opleiders van de partnerschappen "
            "delen wat werkt bij Samen Opleiden & Professionaliseren.",
            "body": "Een middag om elkaar te ontmoeten en te leren van elkaars aanpak. Deze "
            "bijeenkomst is voorbeeldinhoud van de demo.",
            "starts_at": _at(network_day, 14),
            "ends_at": _at(network_day, 17),
            "location": "HAN, Kapittelweg 33, Nijmegen",
            "audience": "Programmamanagers SO&P, school- en instituutsopleiders.",
            "is_demo": True,
            "registration_enabled": True,
            "capacity": 40,
            "waiting_list": True,
        },
        ["po", "vo", "mbo"],
        ["han"],
    )
    webinar_day = _weekday_after(6, 1)
    event(
        "webinar-onderwijsregios-en-rap",
        {
            "kind": EventKind.WEBINAR,
            "title": "Webinar: onderwijsregio's en de Regionale Aanpak Personeelstekorten (RAP)",
            "summary": "Voorbeeldbijeenkomst: een uur over wat de afgeronde RAP-projecten de "
            "onderwijsregio's meegeven.",
            "body": "Een online uur met korte presentaties en ruimte voor vragen. Deze "
            "bijeenkomst is voorbeeldinhoud van de demo.",
            "starts_at": _at(webinar_day, 15, 30),
            "ends_at": _at(webinar_day, 16, 30),
            "online": True,
            "online_platform": "MS Teams",
            "join_url": "https://teams.microsoft.com/l/meetup-join/demo-ra-zon",
            "audience": "Projectleiders RAP en bestuurders.",
            "is_demo": True,
            "registration_enabled": True,
            "capacity": 100,
            "extra_question": "Welke vraag wil je vooraf indienen?",
        },
        ["po", "vso", "vo", "mbo"],
    )
    session_day = _weekday_after(10, 4)
    event(
        "werksessie-schaalniveau-in-je-eigen-regio",
        {
            "kind": EventKind.STRATEGY_SESSION,
            "title": "Werksessie: het schaalniveau in je eigen regio",
            "summary": "Voorbeeldbijeenkomst: met het format uit de strategiesessie aan de slag "
            "voor je eigen onderwijsregio. Kleine groep, met wachtlijst.",
            "body": "We werken in een kleine groep met het format voor het gesprek over "
            "schaalniveaus. Deze bijeenkomst is voorbeeldinhoud van de demo.",
            "starts_at": _at(session_day, 9, 30),
            "ends_at": _at(session_day, 12, 30),
            "location": "Radboud Universiteit, Nijmegen",
            "audience": "Projectleiders en bestuurders die in hun regio het gesprek voeren.",
            "is_demo": True,
            "registration_enabled": True,
            "capacity": 12,
            "waiting_list": True,
        },
        ["po", "vo"],
        ["radboud-universiteit"],
        ["format-gesprek-schaalniveau"],
    )
    for obj in made:
        changed += illustrate(obj, "image", KIND_THEMES[obj.kind], alt_field="image_alt")
    return changed
