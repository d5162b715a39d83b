"""Demo content of the alliances app: RA-ZON, its institutes, speerpunten and project
leaders, and the organisations named in the seed documents, told in the project's words.
Organisations no source names in the role they have here are marked as demo (is_demo)."""

import datetime

from alliances.models import (
    Alliance,
    AllianceContact,
    FocusPoint,
    Organization,
    OrganizationKind,
    Person,
)
from razon.demo import sync
from razon.models import PublishStatus, Sector

PUBLISHED = {"status": PublishStatus.PUBLISHED}
BOARD = OrganizationKind.SCHOOL_BOARD
SCHOOL = OrganizationKind.SCHOOL
MBO = OrganizationKind.MBO_INSTITUTION
TRAINING_HBO = OrganizationKind.TEACHER_TRAINING_HBO

# slug: (name, short name, kind, city, website, sectors, description)
ORGANIZATIONS = {
    "han": (
        "Hogeschool van Arnhem en Nijmegen",
        "HAN",
        OrganizationKind.TEACHER_TRAINING_HBO,
        "Arnhem en Nijmegen",
        "https://www.han.nl/",
        ["po", "vo", "mbo", "ho"],
        "Hbo-lerarenopleidingen: pabo, tweedegraads opleidingen, ALO en masters.",
    ),
    "radboud-universiteit": (
        "Radboud Universiteit, Radboud Docenten Academie",
        "RU",
        OrganizationKind.TEACHER_TRAINING_WO,
        "Nijmegen",
        "https://www.ru.nl/docentenacademie",
        ["vo", "ho"],
        "Universitaire lerarenopleiding, onder meer eenjarige educatieve masters.",
    ),
    "artez": (
        "ArtEZ University of the Arts",
        "ArtEZ",
        OrganizationKind.TEACHER_TRAINING_ARTS,
        "Arnhem en Zwolle",
        "https://www.artez.nl/",
        ["po", "vo", "mbo", "ho"],
        "Docentenopleidingen in beeldende kunst en vormgeving, theater, dans en muziek.",
    ),
    "ministerie-ocw": (
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        "OCW",
        OrganizationKind.GOVERNMENT,
        "Den Haag",
        "https://www.rijksoverheid.nl/ministeries/ministerie-van-onderwijs-cultuur-en-wetenschap",
        [],
        "Sloot in 2020 het bestuursakkoord flexibilisering lerarenopleidingen.",
    ),
    "vereniging-hogescholen": (
        "Vereniging Hogescholen",
        "VH",
        OrganizationKind.SECTOR_COUNCIL,
        "Den Haag",
        "https://www.vereniginghogescholen.nl/",
        ["ho"],
        "Partij bij het bestuursakkoord flexibilisering lerarenopleidingen.",
    ),
    "unl": (
        "Universiteiten van Nederland (voorheen VSNU)",
        "UNL",
        OrganizationKind.SECTOR_COUNCIL,
        "Den Haag",
        "https://www.universiteitenvannederland.nl/",
        ["ho"],
        "Partij bij het bestuursakkoord flexibilisering lerarenopleidingen, toen als VSNU.",
    ),
    "platform-samen-opleiden": (
        "Platform Samen Opleiden & Professionaliseren",
        "Platform SO&P",
        OrganizationKind.PLATFORM,
        "",
        "https://www.platformsamenopleiden.nl/",
        ["po", "vso", "vo", "mbo"],
        "Het landelijk platform Samen Opleiden & Professionaliseren ondersteunt de "
        "ontwikkelingen en publiceerde in oktober 2022 een factsheet over de groei naar 100% "
        "samen opleiden.",
    ),
    "10voordeleraar": (
        "Programmabureau 10voordeleraar",
        "10voordeleraar",
        OrganizationKind.PLATFORM,
        "",
        "https://www.10voordeleraar.nl/",
        ["ho"],
        "Mede-organisator van de informatiebijeenkomst van november 2021.",
    ),
    "realisatie-eenheid": (
        "Realisatie-Eenheid",
        "RE",
        OrganizationKind.GOVERNMENT,
        "",
        "https://www.onderwijsregio.nl/over-de-onderwijsregios/de-realisatie-eenheid",
        [],
        "Ondersteunt de ontwikkeling van onderwijsregio's volgens de lerende aanpak.",
    ),
    "arbeidsmarktplatform-po": (
        "Arbeidsmarktplatform PO",
        "",
        OrganizationKind.PLATFORM,
        "",
        "https://www.arbeidsmarktplatformpo.nl/",
        ["po"],
        "Biedt ondersteuning op (regionale) arbeidsmarktvraagstukken, voor het po.",
    ),
    "voion": (
        "Voion",
        "",
        OrganizationKind.PLATFORM,
        "",
        "https://www.voion.nl/",
        ["vo"],
        "Biedt ondersteuning op (regionale) arbeidsmarktvraagstukken, voor het vo.",
    ),
    "aob": (
        "Algemene Onderwijsbond",
        "AOb",
        OrganizationKind.UNION,
        "Utrecht",
        "https://www.aob.nl/",
        ["po", "vso", "vo", "mbo", "ho"],
        "Vakbond.",
    ),
    "cnv-onderwijs": (
        "CNV Onderwijs",
        "",
        OrganizationKind.UNION,
        "Utrecht",
        "https://www.cnvo.nl/",
        ["po", "vso", "vo", "mbo", "ho"],
        "Vakbond.",
    ),
    "som-mbo": (
        "Stichting Onderwijsarbeidsmarktfonds MBO",
        "SOM",
        OrganizationKind.PLATFORM,
        "",
        "https://www.sommbo.nl/",
        ["mbo"],
        "Biedt ondersteuning op (regionale) arbeidsmarktvraagstukken, voor het mbo.",
    ),
}

# The seeds speak of "de vakbond" and "de vakbonden" without names: these two are examples.
DEMO_ORGANIZATIONS = {"aob", "cnv-onderwijs"}

# fmt: off
# Regional organisations, members of RA-ZON: (slug, name, short name, kind, city, sectors).
# Names from public sources about the region's partnerships and RAP regions (DEMO-FACTS.md);
# cities only where those sources give them (the rest is left empty, not guessed).
REGIONAL = [
    ("delta", "Stichting Delta", "", BOARD, "", ["po"]),
    ("spo-de-liemers", "SPO De Liemers", "", BOARD, "", ["po"]),
    ("proles", "Stichting Proles", "", BOARD, "", ["po"]),
    ("sco-rijssel", "SCO R'IJssel", "", BOARD, "", ["po"]),
    ("schilderspoort", "Stichting Schilderspoort", "", BOARD, "", ["po"]),
    ("optimus", "Stichting Optimus", "", BOARD, "", ["po"]),
    ("peelraam", "Stichting Peelraam", "", BOARD, "", ["po"]),
    ("pcob", "PCOB", "", BOARD, "", ["po"]),
    ("invitare", "Stichting Invitare", "", BOARD, "", ["po"]),
    ("skov", "SKOV", "", BOARD, "", ["po"]),
    ("lijn-83", "Lijn 83", "", BOARD, "", ["po"]),
    ("de-basis-fluvius", "De Basis / Fluvius", "", BOARD, "", ["po"]),
    ("kans-en-kleur", "Kans en Kleur", "", BOARD, "", ["po"]),
    ("spo-maas-en-waal", "SPO Maas en Waal", "", BOARD, "", ["po"]),
    ("conexus", "Stichting Conexus", "", BOARD, "", ["po"]),
    ("condor", "Stichting Condor", "", BOARD, "", ["po"]),
    ("joseph-stichting", "Joseph Stichting", "", BOARD, "", ["po"]),
    ("po-groesbeek", "PO Groesbeek", "", BOARD, "", ["po"]),
    ("ogvo", "Openbare Gemeenschappelijke Voortgezet Onderwijs", "OGVO", BOARD, "", ["vo"]),
    ("lvo", "Stichting Limburgs Voortgezet Onderwijs", "LVO", BOARD, "", ["vo"]),
    ("achterhoek-vo", "Stichting Achterhoek VO", "", BOARD, "", ["vo"]),
    ("isendoorn", "Stichting Isendoorn College", "", BOARD, "", ["vo"]),
    ("groen-onderwijs-oost", "Stichting Groen Onderwijs Oost Nederland", "", BOARD, "", ["vo", "mbo"]),
    ("vrije-school-noord-oost", "De Vrije School Noord en Oost Nederland", "", BOARD, "Zutphen", ["vo"]),
    ("quadraam", "Stichting Quadraam", "", BOARD, "", ["vo"]),
    ("soml", "Stichting Onderwijs Midden-Limburg", "SOML", BOARD, "", ["vo"]),
    ("valuascollege", "Valuascollege", "", SCHOOL, "Venlo", ["vo"]),
    ("college-den-hulster", "College Den Hulster", "", SCHOOL, "Venlo", ["vo"]),
    ("blariacumcollege", "Blariacumcollege", "", SCHOOL, "Venlo", ["vo"]),
    ("dendron-college", "Dendron College", "", SCHOOL, "", ["vo"]),
    ("raayland-college", "Raayland College", "", SCHOOL, "", ["vo"]),
    ("bouwens", "Bouwens van der Boijecollege", "", SCHOOL, "", ["vo"]),
    ("baudartius-college", "Baudartius College", "", SCHOOL, "", ["vo"]),
    ("citadel-college", "Citadel College", "", SCHOOL, "", ["vo"]),
    ("dominicus-college", "Dominicus College", "", SCHOOL, "", ["vo"]),
    ("stedelijk-gymnasium-nijmegen", "Stedelijk Gymnasium Nijmegen", "", SCHOOL, "", ["vo"]),
    ("mondial-college", "Mondial College", "", SCHOOL, "", ["vo"]),
    ("maaswaal-college", "Maaswaal College", "", SCHOOL, "", ["vo"]),
    ("pax-christi-college", "Pax Christi College", "", SCHOOL, "", ["vo"]),
    ("ssgn", "SSgN", "", SCHOOL, "", ["vo"]),
    ("citaverde-college", "Citaverde College", "", MBO, "", ["vo", "mbo"]),
    ("gilde-opleidingen", "Gilde Opleidingen", "", MBO, "", ["mbo"]),
    ("vista-college", "VISTA college", "", MBO, "", ["mbo"]),
    ("yuverta", "Yuverta", "", MBO, "", ["vo", "mbo"]),
    ("fontys", "Fontys Hogescholen", "Fontys", TRAINING_HBO, "", ["po", "vo", "mbo", "ho"]),
]
# fmt: on

# Schools under their board, as the sources name them (DEMO-FACTS.md, OSNL: "the OGVO schools
# Valuascollege, College Den Hulster and Blariacumcollege (Venlo) and the LVO Noord schools
# Dendron College, Raayland College and Bouwens van der Boijecollege").
SCHOOLS_OF = {
    "ogvo": ["valuascollege", "college-den-hulster", "blariacumcollege"],
    "lvo": ["dendron-college", "raayland-college", "bouwens"],
}

RAZON_FOCUS_POINTS = [
    (
        "Versterken en verbinden van de samenwerkingsverbanden en -structuren die we al "
        "kennen in onze regio.",
        [],
    ),
    (
        "Samenwerken vanuit een gezamenlijke regionale onderwijsagenda en kennisinfrastructuur.",
        [
            "Met alle partners in de alliantie bepalen we de strategische vraagstukken en "
            "leggen we ze vast in onze regionale onderwijsagenda, in lijn met wat er in het "
            "onderwijsveld speelt.",
            "In lijn met het rapport ‘Slimme Verbindingen’ zetten we een regionaal "
            "kennisnetwerk op en verbeteren we zo de kennisinfrastructuur.",
        ],
    ),
    (
        "Ontwikkelen en profileren van een complementair aanbod van flexibele "
        "opleidingsroutes voor iedereen die in het onderwijs wil werken of zich daarin "
        "verder wil ontwikkelen.",
        [],
    ),
    (
        "Uitbreiden van de samenwerking tussen en uitwisseling van personeel, met een "
        "sterkere inzet op expertise.",
        [],
    ),
]


def load():
    changed = 0
    sectors = Sector.objects.ensure_all()
    orgs = {}
    for slug, (name, short, kind, city, website, codes, description) in ORGANIZATIONS.items():
        orgs[slug], was_changed = sync(
            Organization,
            {"slug": slug},
            {
                "name": name,
                "short_name": short,
                "kind": kind,
                "city": city,
                "website": website,
                "description": description,
                "is_demo": slug in DEMO_ORGANIZATIONS,
                **PUBLISHED,
            },
            m2m={"sectors": [sectors[code] for code in codes]},
        )
        changed += was_changed

    for slug, name, short, kind, city, codes in REGIONAL:
        orgs[slug], was_changed = sync(
            Organization,
            {"slug": slug},
            {
                "name": name,
                "short_name": short,
                "kind": kind,
                "city": city,
                "is_demo": slug in DEMO_ORGANIZATIONS,
                **PUBLISHED,
            },
            m2m={"sectors": [sectors[code] for code in codes]},
        )
        changed += was_changed
    for board, schools in SCHOOLS_OF.items():
        for school in schools:
            changed += sync(Organization, {"slug": school}, {"parent": orgs[board]})[1]

    people = []
    for name, org, email in [
        ("Jaap Rohof", "radboud-universiteit", "jaap.rohof@ru.nl"),
        ("Sabine van Eldik", "han", "sabine.vaneldik@han.nl"),
    ]:
        person, was_changed = sync(
            Person,
            {"name": name},
            {"role": "Projectleider RA-ZON", "organization": orgs[org], "email": email},
        )
        people.append(person)
        changed += was_changed

    institutes = [orgs["han"], orgs["radboud-universiteit"], orgs["artez"]]
    razon, was_changed = sync(
        Alliance,
        {"slug": "ra-zon"},
        {
            "name": "Regionale Alliantie Zuidoost-Nederland",
            "short_name": "RA-ZON",
            "is_main": True,
            "intro": (
                "In RA-ZON werken de lerarenopleidingen van HAN, Radboud Universiteit en "
                "ArtEZ samen met de scholen en besturen in Zuidoost-Nederland, voor genoeg "
                "blijvende, blijvend goede leraren en andere onderwijsprofessionals. We werven, "
                "leiden op en professionaliseren over de grenzen van po, vo, mbo, so en ho heen."
            ),
            "background": (
                "In het najaar van 2020 sloten het ministerie van OCW, de Vereniging "
                "Hogescholen en de Vereniging van Universiteiten (VSNU) het [bestuursakkoord "
                "flexibilisering lerarenopleidingen]"
                "(https://universitaireaanpaklerarentekort.nl/bestuursakkoord-lerarentekort/). "
                "Het doel: samen zorgen voor genoeg goed gekwalificeerde leraren, door de "
                "lerarenopleidingen flexibeler te maken en [Samen Opleiden & Professionaliseren]"
                "(https://www.platformsamenopleiden.nl/) te versterken.\n\n"
                "Het akkoord zet in op regionale allianties. In april 2021 dienden de "
                "lerarenopleidingen van HAN, Radboud Universiteit en ArtEZ, gesteund door de "
                "bestuurders van de partnerschappen Samen Opleiden & Professionaliseren in de "
                "regio, de aanvraag in voor de Regionale Alliantie Zuidoost-Nederland."
            ),
            "application_filed_on": datetime.date(2021, 4, 1),
            "ambitions": (
                "We verbinden de samenwerkingsverbanden die in elke sector al succesvol zijn, "
                "zoals de partnerschappen SO&P en de RAP-projecten. Zo zorgen we samen sterker "
                "voor de werving, de opleiding en de professionalisering van goede "
                "onderwijsprofessionals.\n\n"
                "Overkoepelende vraagstukken over onderzoek, innovatie en de organisatie van "
                "onderwijs pakken we gericht en integraal aan. We verbinden de expertise uit "
                "po, vo, mbo, so en ho en voorkomen dat inzet, tijd en middelen versnipperen. "
                "Zo nemen we samen verantwoordelijkheid voor de kwaliteit van het beroep en "
                "spelen we beter in op ontwikkelingen als curriculum.nu, het "
                "bevoegdhedenstelsel, 10-14 onderwijs en langere brede brugklassen."
            ),
            "coming_period": (
                "In het najaar van 2021 startten verkennende activiteiten, gericht op een "
                "passende organisatie van RA-ZON, en voorbereidende activiteiten om tot een "
                "gezamenlijk projectplan voor 2022 te komen.\n\n"
                "RA-ZON heeft een stuurgroep. Op haar initiatief, en in afstemming met de "
                "Realisatie-Eenheid, kwamen op 7 februari 2024 ruim 60 betrokkenen uit de brede "
                "regio Zuidoost-Nederland bijeen voor een strategiesessie over de vorming van "
                "onderwijsregio's."
            ),
            **PUBLISHED,
        },
        m2m={
            "lead_institutes": institutes,
            "members": institutes + [orgs[slug] for slug, *_rest in REGIONAL],
        },
    )
    changed += was_changed
    for position, person in enumerate(people, start=1):
        _, was_changed = sync(
            AllianceContact, {"alliance": razon, "person": person}, {"position": position}
        )
        changed += was_changed
    changed += _load_focus_points(razon, RAZON_FOCUS_POINTS)

    _, was_changed = sync(
        Alliance,
        {"slug": "ela"},
        {
            "name": "Educatieve Levensbeschouwelijke Alliantie",
            "short_name": "ELA",
            "intro": (
                "Een van de regionale allianties uit het bestuursakkoord flexibilisering "
                "lerarenopleidingen. ELA presenteerde samen met RA-ZON op de "
                "informatiebijeenkomst van 22 november 2021 hoe zij partnerschappen bij de "
                "regionale samenwerking betrekt."
            ),
            **PUBLISHED,
        },
    )
    return changed + was_changed


def _load_focus_points(alliance, points):
    changed = 0
    for position, (title, children) in enumerate(points, start=1):
        point, was_changed = sync(
            FocusPoint,
            {"alliance": alliance, "parent": None, "position": position},
            {"title": title},
        )
        changed += was_changed
        for child_position, child_title in enumerate(children, start=1):
            _, was_changed = sync(
                FocusPoint,
                {"alliance": alliance, "parent": point, "position": child_position},
                {"title": child_title},
            )
            changed += was_changed
    return changed
