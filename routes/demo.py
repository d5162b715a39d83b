"""Demo content of the routes app: routes of HAN, Radboud Universiteit and ArtEZ.

The seeds name the institutes and, in the agenda of the bestuursakkoord (seed 004), a few
routes being developed: an academic zij-instroom route for primary education, Alfa4all for
side-entrants in the languages, a work-and-learn path to a first-degree qualification. No
offline source states admission rules, durations, places or start moments, so every route
is marked demo (its page says so) and its source field says what is sourced and what is not.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from alliances.models import Organization
from events.demo import INFORMATION_MEETING, KIND_THEMES, upcoming_day
from events.models import Event, EventKind
from news.models import Post
from partnerships.models import Partnership
from razon.demo import illustrate, sync
from razon.models import PublishStatus
from routes.finder import Form, Level, Prior
from routes.models import Language, Qualification, Route, RouteKind

SEED_004 = (
    "Seed 004 (informatiebijeenkomst Bestuursakkoord Flexibilisering Lerarenopleidingen, "
    "22 november 2021), agenda bestuursakkoord: noemt '{item}'. Toelating, vorm, duur, "
    "plaatsen en startmomenten zijn demo: geen bron."
)
NO_SOURCE = "Geen bron: voorbeeldroute van de demo. Alleen het instituut is echt."
MEETING = "informatiebijeenkomst-opleidingsroutes-demo"

ALL_LEVELS = [Level.PO, Level.SO, Level.VO_LOWER, Level.VO_UPPER, Level.MBO]
SECOND_DEGREE = [Level.VO_LOWER, Level.MBO]
FIRST_DEGREE = [Level.VO_LOWER, Level.VO_UPPER, Level.MBO]
SCHOOL_LEAVERS = [Prior.HAVO, Prior.VWO, Prior.MBO4]
BACHELORS = [Prior.HBO, Prior.WO, Prior.MASTER]
VO_SUBJECTS = ["nederlands", "engels", "duits", "wiskunde", "biologie", "geschiedenis"]

# slug: (name, institutes, kind, qualification, levels, subjects, forms, admits, school job,
#        duration, study load, start, places, summary, source, partnerships, event, post)
ROUTES = {
    "pabo-voltijd": (
        "Pabo voltijd",
        ["han"],
        RouteKind.PABO,
        Qualification.PO,
        [Level.PO, Level.SO],
        [],
        [Form.FULL_TIME],
        SCHOOL_LEAVERS,
        False,
        "4 jaar",
        "240 EC",
        "september",
        ["arnhem", "nijmegen"],
        "De bacheloropleiding tot leraar basisonderwijs, met stages op scholen van het "
        "partnerschap Samen Opleiden.",
        NO_SOURCE,
        ["han-pabo-samen-opleiden"],
        False,
        None,
    ),
    "pabo-deeltijd": (
        "Pabo deeltijd",
        ["han"],
        RouteKind.PART_TIME,
        Qualification.PO,
        [Level.PO, Level.SO],
        [],
        [Form.PART_TIME],
        [*SCHOOL_LEAVERS, *BACHELORS],
        False,
        "3 tot 4 jaar",
        "240 EC",
        "september",
        ["nijmegen"],
        "De pabo naast je werk: één dag in de week les, de rest leer je in de praktijk.",
        NO_SOURCE,
        ["han-pabo-samen-opleiden"],
        True,
        None,
    ),
    "pabo-verkort": (
        "Verkorte pabo voor bachelors",
        ["han"],
        RouteKind.SHORTENED,
        Qualification.PO,
        [Level.PO, Level.SO],
        [],
        [Form.FULL_TIME, Form.PART_TIME],
        BACHELORS,
        False,
        "2 jaar",
        "120 EC",
        "september en februari",
        ["nijmegen", "arnhem"],
        "Heb je al een bachelor of master, dan haal je de pabo in een verkort traject.",
        NO_SOURCE,
        ["han-pabo-samen-opleiden"],
        False,
        None,
    ),
    "zij-instroom-po": (
        "Zij-instroom basisonderwijs",
        ["han"],
        RouteKind.SIDE_ENTRY,
        Qualification.PO,
        [Level.PO, Level.SO],
        [],
        [Form.WORK_BASED],
        BACHELORS,
        True,
        "2 jaar",
        "",
        "het hele jaar",
        ["nijmegen", "online"],
        "Werk meteen als leraar in opleiding op een basisschool en haal binnen twee jaar je "
        "bevoegdheid.",
        SEED_004.format(item="Harmonisering zij-instroom po"),
        ["han-pabo-samen-opleiden"],
        True,
        None,
    ),
    "academische-zij-instroom-po": (
        "Academische zij-instroomroute primair onderwijs (in ontwikkeling)",
        ["han", "radboud-universiteit"],
        RouteKind.SIDE_ENTRY,
        Qualification.PO,
        [Level.PO],
        [],
        [Form.WORK_BASED],
        [Prior.WO, Prior.MASTER],
        True,
        "",
        "",
        "",
        ["nijmegen"],
        "HAN en Radboud Universiteit ontwikkelen samen een zij-instroomroute voor "
        "academici die in het basisonderwijs willen werken.",
        SEED_004.format(
            item="Gezamenlijk ontwikkelen academische zij-instroomroute primair onderwijs"
        ),
        ["han-pabo-samen-opleiden"],
        True,
        INFORMATION_MEETING,
    ),
    "tweedegraads-deeltijd": (
        "Tweedegraads lerarenopleiding deeltijd",
        ["han"],
        RouteKind.SECOND_DEGREE,
        Qualification.SECOND_DEGREE,
        SECOND_DEGREE,
        VO_SUBJECTS,
        [Form.PART_TIME],
        [*SCHOOL_LEAVERS, *BACHELORS],
        False,
        "4 jaar",
        "240 EC",
        "september",
        ["nijmegen"],
        "Word leraar in de onderbouw van het vo, het vmbo of het mbo, naast je werk.",
        NO_SOURCE,
        ["osnl", "opleidingsschool-zutphen"],
        True,
        None,
    ),
    "tweedegraads-duaal": (
        "Tweedegraads lerarenopleiding duaal",
        ["han"],
        RouteKind.DUAL,
        Qualification.SECOND_DEGREE,
        SECOND_DEGREE,
        VO_SUBJECTS,
        [Form.WORK_BASED],
        BACHELORS,
        True,
        "2 tot 3 jaar",
        "",
        "september en februari",
        ["nijmegen", "arnhem"],
        "Leren en werken tegelijk: je hebt een baan op een vo-school en studeert daarnaast.",
        NO_SOURCE,
        ["alliantie-vo-notre-dame", "passie-voor-leren"],
        False,
        None,
    ),
    "educatieve-master": (
        "Educatieve master (eerstegraads)",
        ["radboud-universiteit"],
        RouteKind.FIRST_DEGREE,
        Qualification.FIRST_DEGREE,
        FIRST_DEGREE,
        [*VO_SUBJECTS, "frans", "natuurkunde", "scheikunde", "economie", "aardrijkskunde"],
        [Form.FULL_TIME, Form.PART_TIME],
        [Prior.MASTER],
        False,
        "1 jaar (voltijd)",
        "60 EC",
        "september en februari",
        ["nijmegen"],
        "Na je wo-master word je in een jaar eerstegraads leraar in je vak.",
        NO_SOURCE,
        ["alliantie-vo-notre-dame", "osnl", "opleidingsschool-zutphen"],
        True,
        None,
    ),
    "alfa4all": (
        "Alfa4all: zij-instroom in de talen",
        ["radboud-universiteit"],
        RouteKind.SIDE_ENTRY,
        Qualification.FIRST_DEGREE,
        FIRST_DEGREE,
        ["duits", "frans"],
        [Form.WORK_BASED],
        [Prior.MASTER],
        True,
        "",
        "",
        "",
        ["nijmegen"],
        "Een maatwerkprogramma voor zij-instromers in de talen waarin leraren schaars zijn.",
        SEED_004.format(
            item="Alfa4all: maatwerk programma voor zij-instromers in de talen tekortvakken"
        ),
        ["alliantie-vo-notre-dame"],
        False,
        INFORMATION_MEETING,
    ),
    "leerwerktraject-eerstegraads": (
        "Leerwerktraject naar een eerstegraads bevoegdheid",
        ["radboud-universiteit"],
        RouteKind.DUAL,
        Qualification.FIRST_DEGREE,
        FIRST_DEGREE,
        VO_SUBJECTS,
        [Form.WORK_BASED],
        [Prior.MASTER, Prior.QUALIFIED],
        True,
        "",
        "",
        "",
        ["nijmegen"],
        "Een modulaire route: je werkt op een school en haalt in delen je eerstegraads "
        "bevoegdheid.",
        SEED_004.format(
            item="Modularisering curriculum: in een leerwerktraject naar een "
            "eerstegraads bevoegdheid"
        ),
        ["osnl"],
        False,
        INFORMATION_MEETING,
    ),
    "docent-beeldende-kunst": (
        "Docent beeldende kunst en vormgeving",
        ["artez"],
        RouteKind.ARTS,
        Qualification.ARTS,
        ALL_LEVELS,
        ["beeldende-kunst"],
        [Form.FULL_TIME],
        SCHOOL_LEAVERS,
        False,
        "4 jaar",
        "240 EC",
        "september",
        ["arnhem", "zwolle"],
        "Kunstenaar en docent: je leert lesgeven in beeldende kunst, op elke school.",
        NO_SOURCE,
        [],
        False,
        None,
    ),
    "docent-muziek": (
        "Docent muziek",
        ["artez"],
        RouteKind.ARTS,
        Qualification.ARTS,
        ALL_LEVELS,
        ["muziek"],
        [Form.FULL_TIME],
        SCHOOL_LEAVERS,
        False,
        "4 jaar",
        "240 EC",
        "september",
        ["zwolle", "enschede"],
        "Voor musici die les willen geven, van de basisschool tot het mbo.",
        NO_SOURCE,
        [],
        False,
        None,
    ),
    "docent-dans-theater": (
        "Docent dans of theater",
        ["artez"],
        RouteKind.ARTS,
        Qualification.ARTS,
        ALL_LEVELS,
        ["dans", "theater"],
        [Form.FULL_TIME, Form.PART_TIME],
        SCHOOL_LEAVERS,
        False,
        "4 jaar",
        "240 EC",
        "september",
        ["arnhem"],
        "Maken, spelen en lesgeven: de docentenopleiding voor dans of theater.",
        NO_SOURCE,
        [],
        False,
        None,
    ),
    "pdg-mbo": (
        "Pedagogisch-didactisch getuigschrift mbo",
        ["han"],
        RouteKind.DUAL,
        Qualification.MBO,
        [Level.MBO],
        ["beroepsgericht"],
        [Form.WORK_BASED],
        BACHELORS,
        True,
        "1 jaar",
        "60 EC",
        "september en februari",
        ["arnhem", "online"],
        "Werk je in het mbo als vakdocent zonder bevoegdheid? Met dit traject haal je je "
        "getuigschrift naast je baan.",
        NO_SOURCE,
        ["mbo-aspirant"],
        True,
        None,
    ),
    "master-voor-leraren": (
        "Master voor leraren",
        ["han"],
        RouteKind.PROFESSIONAL,
        Qualification.NONE,
        ALL_LEVELS,
        [],
        [Form.PART_TIME],
        [Prior.QUALIFIED],
        False,
        "2 jaar",
        "60 EC",
        "september",
        ["nijmegen", "online"],
        "Voor leraren die zich verder willen ontwikkelen in onderzoek en onderwijsinnovatie.",
        NO_SOURCE,
        [],
        False,
        None,
    ),
}


def _meeting():
    """One upcoming demo information meeting about routes, so a route page shows one."""
    day = upcoming_day(timezone.localdate(), 4, 2)
    zone = timezone.get_current_timezone()
    starts = datetime.combine(day, time(19, 30), tzinfo=zone)
    return sync(
        Event,
        {"slug": MEETING},
        {
            "kind": EventKind.INFORMATION_MEETING,
            "title": "Informatieavond: routes naar het leraarschap",
            "summary": "Voorbeeldbijeenkomst: de lerarenopleidingen vertellen over hun routes "
            "voor zij-instromers en deeltijders.",
            "body": "Deze bijeenkomst is voorbeeldinhoud van de demo.",
            "starts_at": starts,
            "ends_at": starts + timedelta(hours=2),
            "location": "",
            "online": True,
            "online_platform": "MS Teams",
            "is_demo": True,
            "status": PublishStatus.PUBLISHED,
        },
    )


def load():
    changed = 0
    institutes = {
        o.slug: o
        for o in Organization.objects.filter(slug__in=["han", "radboud-universiteit", "artez"])
    }
    partnerships = {p.slug: p for p in Partnership.objects.all()}
    events = {e.slug: e for e in Event.objects.filter(slug=INFORMATION_MEETING)}
    meeting, was_changed = _meeting()
    changed += was_changed + illustrate(
        meeting, "image", KIND_THEMES[meeting.kind], alt_field="image_alt"
    )
    posts = {p.slug: p for p in Post.objects.filter(slug=INFORMATION_MEETING)}
    for slug, row in ROUTES.items():
        (name, institute_slugs, kind, qualification, levels, subjects, forms, admits, job,
         duration, load_, start, places, summary, source, partnership_slugs, with_meeting,
         about) = row  # fmt: skip
        route_events = [events[about]] if about in events else []
        if with_meeting:
            route_events.append(meeting)
        _route, was_changed = sync(
            Route,
            {"slug": slug},
            {
                "name": name,
                "kind": kind,
                "qualification": qualification,
                "levels": levels,
                "subjects": subjects,
                "forms": forms,
                "admits": admits,
                "requires_school_job": job,
                "duration": duration,
                "study_load": load_,
                "start_moments": start,
                "places": places,
                "language": Language.DUTCH,
                "summary": summary,
                "source": source,
                "is_demo": True,
                "status": PublishStatus.PUBLISHED,
            },
            m2m={
                "institutes": [institutes[s] for s in institute_slugs if s in institutes],
                "partnerships": [partnerships[s] for s in partnership_slugs if s in partnerships],
                "events": route_events,
                "posts": [posts[about]] if about in posts else [],
            },
        )
        changed += was_changed
    return changed
