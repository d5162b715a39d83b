"""Demo content of the news app: the blog "Leerruimte onderwijsregio's", the report of the
strategy session of 7 February 2024, the news of the information meeting of 22 November 2021,
and further posts told from public facts (DEMO-FACTS.md). Posts whose content is invented are
marked as demo data (is_demo); their author is the editorial team, never a real person. A post
whose date no source gives is marked as demo too: the date says when something was published.

Posts are related to events, partnerships, regions and organisations of the other apps' demo
only when those exist, so this loads before and after the events app has its own demo."""

import datetime

from alliances.models import Organization
from events.demo import SECOND_STRATEGY_REPORT
from events.models import Event
from news.models import Post, PostLink
from partnerships.models import Partnership
from razon.demo import illustrate, illustration_for, sync
from razon.models import PublishStatus, Sector
from regions.models import EducationRegion, RAPProject

D = datetime.date
EDITORS = "Redactie RA-ZON"

STRATEGY_SESSION = "strategiesessie-onderwijsregios-7-februari-2024"
SECOND_STRATEGY_SESSION = "tweede-strategiesessie-onderwijsregios-28-juni-2024"
INFORMATION_MEETING = "informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021"
# Every post gets one of the demo's illustrations (razon/demo_files/illustrations): the first
# whose word is in its address, else its kind's.
THEMES = [
    *(("strategiesessie", "bijeenkomst"), ("netwerkbijeenkomst", "bijeenkomst")),
    *(("denk-mee", "gesprek"), ("schoolbesturen", "gesprek"), ("subsidie", "cijfers")),
    *(("rap-", "cijfers"), ("een-jaar", "cijfers"), ("digitale", "netwerk")),
    *(("opleidingsschool", "netwerk"), ("partnerschap", "netwerk"), ("routes", "route")),
    *(("master", "route"), ("deeltijd", "route"), ("leraar", "route"), ("loket", "route")),
    *(("zij-instromers", "route"), ("onderwijsregio", "regio"), ("rivierenland", "regio")),
    *(("peel", "regio"), ("liemers", "regio")),
]
KIND_THEMES = {"nieuws": "gesprek", "blog": "lezen", "verslag": "bijeenkomst"}
# A post whose picture the tests look at.
ILLUSTRATED = "verslag-strategiesessie-onderwijsregios-7-februari-2024"

# The blog as its author wrote it (seed 002), word for word: only the footnote is Markdown.
LEERRUIMTE = """\
Deze keer geen metafoor of tot de verbeelding sprekende titel voor dit blog. Nee, deze keer kom ik meteen to the point: deze blog gaat over de vorming van onderwijsregio’s. Onderwijsregio’s, wat zijn dat en waarom is het van belang dat we als betrokkenen bij Partners in Opleiding en Ontwikkeling hiervan op de hoogte zijn? En wat betekenen die onderwijsregio’s voor ons?

Een onderwijsregio is een samenwerkingsverband waarin leraren, schoolbesturen en lerarenopleidingen op regionaal niveau samen krachtig optrekken. Partnerschappen SO&P worden samen met RAL/RAP[^1] en andere partners een onderdeel van die onderwijsregio. Zij maken afspraken hoe ze samen gaan werken op het gebied van werven, matchen, opleiden, begeleiden en professionaliseren van leerkrachten. Onderwijsregio’s worden uitgenodigd een samenwerking aan te gaan die sectoroverstijgend is.

Het vormen van onderwijsregio’s is een van de interventies om het lerarentekort (verder) tegen te gaan. Er zijn inmiddels 27 voorlopers gestart – ons Partnerschap is hierbij ook betrokken – om via een lerende aanpak te kijken hoe goede samenwerking gerealiseerd kan worden. Vanaf januari 2025 werken alle partnerschappen, opleidingsinstituten en besturen samen in onderwijsregio’s.

Zelf had ik gehoopt dat het niet zo ver zou komen, een van de redenen waarom ik het schrijven van een blog over dit thema voor me uit heb geschoven. Laat ik helder zijn, ik ben absoluut niet tegen samenwerking, tegen het samen realiseren van mooie ambities en elkaar daar sterker in maken en aanvullen. In mijn lectorale rede heb ik als stip op de horizon die ene leerruimte geschetst, waar we met elkaar leren over de grenzen van de eigen organisatie heen om zo kwalitatief goed onderwijs vorm te geven. Structuren moeten hier, mijn inziens, ondersteunend aan zijn en niet de bovenhand voeren, zoals nu lijkt te gebeuren.

Kwaliteit van leraren realiseren we met elkaar door voortdurend het goede inhoudelijke gesprek te voeren. En met elkaar, betekent ook met studenten en leerkrachten: welke leerkrachten hebben wij nodig, en wat hebben deze leerkrachten nodig om hun werk goed te doen? Binnen ons partnerschap zijn we het erover eens dat dat Bevlogen, Betrokken en Bekwame leerkrachten zijn. Dit beroepsbeeld geven we samen voortdurend concreet handen en voeten en vormt zo het cement tussen de stenen van onze samenwerking.

In een krachtige samenwerking wordt niet meer gesproken over wij – zij, maar voortdurend over ’WIJ’. Wij-zij denken is een teken dat we nog niet helemaal op een lijn zitten, dan wel dat de verwachtingen of verantwoordelijkheden nog onduidelijk zijn. Een teken aan de wand om weer om de tafel te gaan zitten en met elkaar af te stemmen, om weer vanuit WIJ te kunnen gaan acteren.

WIJ-denken binnen ons partnerschap is belangrijk om sterk te staan in de onderwijsregio. Niet om te concurreren, maar juist om vanuit eigen kwaliteiten en kracht samen te kunnen werken. Hoe beter je immers je eigen kwaliteiten kent, hoe beter je ook weet waar een ander complementair kan zijn. Kwaliteit van leraren en van onderwijs staat daarbij altijd op de eerste plaats. Laten we samen de verantwoordelijkheid nemen om dat niet uit het oog te verliezen, niet binnen de eigen school of bestuur, niet binnen POO en ook niet binnen de samenwerking in de regio.

[^1]: RAL Regionale Aanpak Lerarentekort; RAP Regionale Aanpak Personeelstekort onderwijs.
"""

STRATEGY_REPORT = """\
Op 7 februari 2024 kwamen ruim zestig betrokkenen uit de brede regio Zuidoost-Nederland bij elkaar voor een strategiesessie over de vorming van onderwijsregio's. De stuurgroep van RA-ZON nam het initiatief, in afstemming met de Realisatie-Eenheid.

## Waarom deze middag

In de regio zijn verschillende voorloperregio's actief, en op meer plekken lopen verkennende gesprekken. We wilden die verkenningen samenbrengen en met elkaar de inhoud in gaan. Wij zien RA-ZON als alle scholen, besturen en lerarenopleidingen van HAN, Radboud Universiteit en ArtEZ die door samenwerking direct of indirect met elkaar verbonden zijn: een relationele regio, een ecosysteem.

## Wie er waren

Vanuit die gedachte nodigden we iedereen uit die aan de samenwerking bijdraagt, en uit alle geledingen kwamen aanmeldingen:

- projectleiders RAP;
- programmamanagers Samen Opleiden & Professionaliseren;
- bestuurders uit po, (v)so, vo en mbo;
- directeuren van de lerarenopleidingen;
- de vakbond en de Realisatie-Eenheid.

## Zes gespreksgroepen

We begonnen met een beschouwing op de stand van zaken. Daarna gingen de deelnemers in zes groepen uiteen met één vraag:

> Als het gaat over werven, matchen, opleiden, begeleiden en professionaliseren: welke activiteiten wil je op welk schaalniveau oppakken?

Wat de groepen bespraken, is verwerkt tot een analyse; de verslagen per groep en per functie zijn de bijlage daarbij. De presentatie verwijst naar de whitepaper over slim regionaal organiseren.

## Zelf het gesprek voeren

Wie in de eigen regio wil praten over het schaalniveau van samenwerking, kan het format van deze middag gebruiken. De presentatie, de analyse en het format staan bij de bijeenkomst in de agenda.

## Hoe verder

Na de sessie kregen we informatie over de betrokkenheid van de vakbonden bij de ontwikkeling van onderwijsregio's. De tweede strategiesessie, voor bestuurders en projectleiders, is op vrijdag 28 juni 2024.
"""

INFORMATION_MEETING_NEWS = """\
In oktober 2020 sloot het ministerie van OCW met de Vereniging Hogescholen (VH) en de Vereniging van Universiteiten (VSNU) een bestuursakkoord om de flexibilisering van de lerarenopleidingen te versnellen en te versterken. Het doel: het aantrekkelijker maken om leraar te worden, te zijn en te blijven. Dat vraagt meer maatwerk, en sterkere regionale samenwerking tussen de lerarenopleidingen onderling en met de scholen. Zo sluiten we het best aan op wat de arbeidsmarkt vraagt.

## Een online bijeenkomst voor de partnerschappen

VH, VSNU en het Platform Samen Opleiden & Professionaliseren (SO&P) trekken samen op waar het akkoord het Samen Opleiden raakt. Dat begint met informeren, kennis delen en vragen ophalen. Daarom organiseert het Platform SO&P op 22 november, samen met VH, VSNU en Programmabureau 10voordeleraar, een online bijeenkomst voor de partnerschappen Samen Opleiden. Er is volop ruimte voor vragen, voor gesprek en voor voorbeelden uit de praktijk.

## Programma

1. Twee regionale allianties, ELA (Educatieve Levensbeschouwelijke Alliantie) en RA-ZON (Regionale Alliantie Zuidoost-Nederland), vertellen hoe zij hun regionale samenwerking vormgeven en de partnerschappen daarbij betrekken.
2. VH en VSNU presenteren het bestuursakkoord, met de vraag: wat betekent het (mogelijk) voor de partnerschappen SO&P?
3. In groepen praten we verder:
    - Welke vragen roepen de presentaties op?
    - Welke mogelijkheden, kansen en knelpunten zie je?
    - Vooraf ingediende vragen: die kun je vooraf indienen via een padlet.

## Praktisch

- **Voor wie:** coördinatoren, projectleiders en programmamanagers, bestuurders, schoolleiders, school- en instituutsopleiders, lerarenopleiders en HRM'ers van partnerschappen in po, vo en mbo
- **Wanneer:** maandag 22 november 2021, 14.30 tot 16.30 uur
- **Waar:** online, via MS Teams
- **Aanmelden:** bij de bijeenkomst in de agenda

## De agenda van het bestuursakkoord

**Samen, hbo en wo**

- de samenwerking tussen hbo- en wo-lerarenopleidingen in regionale allianties intensiveren;
- kennis delen en samenwerken bij het flexibiliseren van de opleidingen;
- samen een academische zij-instroomroute voor het primair onderwijs ontwikkelen.

**Hbo-lerarenopleidingen**

- het EVC- en vrijstellingenbeleid en de zij-instroom po op elkaar afstemmen;
- flexibiliseren op basis van leeruitkomsten.

**Universitaire lerarenopleidingen**

- Alfa4all: maatwerk voor zij-instromers in de talen, waar het tekort groot is;
- in een leerwerktraject met modules naar een eerstegraads bevoegdheid;
- academische opleidingsroutes voor het primair onderwijs;
- een verkenning van het experiment leeruitkomsten;
- betere intake, toelating en aanbod voor universitaire zij-instromers.
"""


# fmt: off
# Each post: slug, kind, title, date, intro, body, and optionally author_name, author_role,
# sectors, events, partnerships, regions, organizations (slugs), links [(title, url)],
# related (post slugs chosen by the editor), demo, draft.
POSTS = [
    {
        "slug": "leerruimte-onderwijsregios", "kind": "blog", "title": "Leerruimte onderwijsregio's",
        "date": D(2024, 4, 15), "demo": True,  # the source gives no date
        "intro": "Wat zijn onderwijsregio's, en wat betekenen ze voor Partners in Opleiding en Ontwikkeling? Een blog over samenwerking, structuren en WIJ-denken.",
        "body": LEERRUIMTE, "author_name": "Miranda", "author_role": "lector",
        "partnerships": ["partners-in-opleiding-en-ontwikkeling"],
        "links": [
            ("Onderwijsregio's: wat speelt er? (VO-raad)", "https://www.vo-raad.nl/onderwerpen/onderwijsregio-s/wat-speelt-er#Onderwijsregio’s"),
            ("Sterk in onderwijsregio's (Platform Samen Opleiden)", "https://www.platformsamenopleiden.nl/dossier/sterk-in-onderwijsregios"),
            ("Podcast Samen Opleiden #11: Samen Opleiden sterk in ontwikkeling", "https://www.platformsamenopleiden.nl/"),
            ("Samen voor het beste onderwijs (pdf)", "https://open.overheid.nl/documenten/ronl-cc9af7396e701b42ee5013508ed3d6832e83484c/pdf"),
        ],
        "related": ["27-voorlopers-onderwijsregios-van-start", "verslag-strategiesessie-onderwijsregios-7-februari-2024"],
    },
    {
        "slug": "verslag-strategiesessie-onderwijsregios-7-februari-2024", "kind": "verslag",
        "title": "Verslag: strategiesessie onderwijsregio's van 7 februari 2024", "date": D(2024, 2, 21),
        "demo": True,  # the source gives no date
        "intro": "Ruim zestig betrokkenen uit Zuidoost-Nederland spraken over de vorming van onderwijsregio's: welke samenwerking hoort op welk schaalniveau?",
        "body": STRATEGY_REPORT, "sectors": ["po", "vso", "vo", "mbo"],
        "events": [STRATEGY_SESSION, SECOND_STRATEGY_SESSION],
        "organizations": ["realisatie-eenheid", "han", "radboud-universiteit", "artez"],
        "related": ["verslag-tweede-strategiesessie-onderwijsregios"],
    },
    {
        "slug": "informatiebijeenkomst-bestuursakkoord-flexibilisering-22-november-2021", "kind": "nieuws",
        "title": "22 november 2021: informatiebijeenkomst bestuursakkoord flexibilisering lerarenopleidingen en Samen Opleiden",
        "date": D(2021, 11, 1), "demo": True,  # the source gives no date
        "intro": "Wat betekent het bestuursakkoord flexibilisering voor de partnerschappen Samen Opleiden? Het Platform SO&P praat je online bij, met voorbeelden van ELA en RA-ZON.",
        "body": INFORMATION_MEETING_NEWS, "sectors": ["po", "vo", "mbo"], "events": [INFORMATION_MEETING],
        "organizations": ["ministerie-ocw", "vereniging-hogescholen", "unl", "platform-samen-opleiden", "10voordeleraar"],
        "related": ["denk-mee-over-ra-zon"],
    },
    {
        "slug": "verslag-tweede-strategiesessie-onderwijsregios", "kind": "verslag",
        "title": "Verslag: tweede strategiesessie onderwijsregio's", "date": D(2024, 7, 5),
        "demo": True,  # the source gives no date
        "intro": "Ruim vijftig deelnemers spraken bij de HAN over de Subsidieregeling Onderwijsregio's 2025 en de positionering van de breed-regionale samenwerking.",
        "body": SECOND_STRATEGY_REPORT, "sectors": ["po", "vso", "vo", "mbo"], "events": [SECOND_STRATEGY_SESSION],
        "organizations": ["han", "realisatie-eenheid", "ministerie-ocw"],
        "related": ["verslag-strategiesessie-onderwijsregios-7-februari-2024"],
    },
    {
        "slug": "denk-mee-over-ra-zon", "kind": "verslag", "title": "Verslag: Denk mee over RA-ZON",
        "date": D(2021, 11, 26), "demo": True,
        "intro": "In twee sessies dachten zo'n 28 mensen uit po, vo, mbo, so en ho mee over de alliantie. Een van de ideeën: één regionaal loket voor wie leraar wil worden.",
        "body": "Op 15 en 19 november 2021 hielden we twee sessies *Denk mee over RA-ZON*. Zo'n 28 deelnemers uit het primair, voortgezet, middelbaar beroeps-, speciaal en hoger onderwijs dachten mee over wat de alliantie voor hen kan betekenen.\n\n## Wat we hoorden\n\n- Verbind wat er al is: de partnerschappen, de RAP-projecten en de lerarenopleidingen.\n- Maak de weg naar het leraarschap eenvoudiger te vinden.\n- Denk over de grenzen van de sectoren heen.\n\n## Een regionaal loket\n\nEen idee dat in beide sessies terugkwam: één regionaal loket voor iedereen die leraar wil worden, waar je hoort welke route bij je past. We nemen het mee in het projectplan van RA-ZON.",
        "sectors": ["po", "vso", "vo", "mbo", "ho"], "organizations": ["han", "radboud-universiteit", "artez"],
    },
    {
        "slug": "27-voorlopers-onderwijsregios-van-start", "kind": "nieuws", "title": "27 voorlopers onderwijsregio's van start",
        "date": D(2023, 7, 12),
        "intro": "Op 6 juli 2023 gingen 27 voorlopers van start, na 29 aanvragen. In Oost-Nederland is de regio Twente, Achterhoek, Oost-Salland (vo/mbo) erbij.",
        "body": "Na 29 aanvragen zijn op 6 juli 2023 de 27 definitieve voorlopers onderwijsregio's van start gegaan. Zij ontdekken met een lerende aanpak hoe schoolbesturen, lerarenopleidingen en de beroepsgroep samen het personeelstekort aanpakken.\n\n## Ook in onze regio\n\nIn Oost-Nederland hoort de onderwijsregio Twente, Achterhoek, Oost-Salland (vo/mbo) bij de voorlopers. Ook Partners in Opleiding en Ontwikkeling is bij een van de voorlopers betrokken.\n\n## Wat een voorloper krijgt\n\nElke voorloper kan € 100.000 krijgen voor een projectleider; samen is dat € 2,7 miljoen. De Realisatie-Eenheid begeleidt de regio's.",
        "sectors": ["po", "vo", "mbo"], "regions": ["achterhoek"], "organizations": ["realisatie-eenheid"],
        "links": [("Bron: 27 voorlopers definitief van start (Aanpak Lerarentekort)", "https://www.aanpaklerarentekort.nl/regios/nieuws/2023/07/12/leren-voor-nederland---samenwerking-in-onderwijsregios-27-voorlopers-definitief-van-start")],
    },
    {
        "slug": "subsidie-onderwijsregios-2025", "kind": "nieuws", "title": "Subsidie voor onderwijsregio's in 2025",
        "date": D(2024, 9, 2), "demo": True,
        "intro": "Voor 2025 kunnen alleen onderwijsregio's subsidie aanvragen. Wat betekent dat voor de samenwerking in Zuidoost-Nederland?",
        "body": "De regeling voor onderwijsregio's had in 2024 een budget van € 90.951.000. Voor 2025 verandert er veel: alleen onderwijsregio's kunnen nog aanvragen, en een groot deel van het geld dat eerder naar andere regelingen ging, gaat naar hen.\n\n## Wat je moet weten\n\n- Alleen een onderwijsregio kan aanvragen, niet een los partnerschap of RAP-project.\n- De aanvraagtermijn sluit op 15 oktober 2024.\n- Bestaande samenwerking, zoals in de partnerschappen en RAP-projecten, krijgt een plek in de onderwijsregio.\n\nOp de tweede strategiesessie van 28 juni 2024 lichtten de Realisatie-Eenheid en het ministerie van OCW de regeling toe.",
        "sectors": ["po", "vso", "vo", "mbo"], "organizations": ["realisatie-eenheid", "ministerie-ocw"],
        "events": [SECOND_STRATEGY_SESSION],
    },
    {
        "slug": "digitale-infrastructuur-onderwijsregios", "kind": "nieuws", "title": "RA-ZON partner in Digitale infrastructuur (onderwijs)regio's",
        "date": D(2024, 5, 14), "demo": True,
        "intro": "Hoe volg je zij-instromers van eerste vraag tot voor de klas? Zes partners werken samen aan een digitaal hulpmiddel.",
        "body": "RA-ZON is partner in het project *Digitale infrastructuur (onderwijs)regio's*. Samen met Onderwijsregio Brabant Oost, RAP Midden-Brabant, Onderwijsregio Kennemerland & Groot-Amsterdam, RAP Nijmegen en FastSwitch werken we aan een hulpmiddel om mensen te volgen die overstappen naar het onderwijs.\n\n## Waarom\n\nWie overweegt leraar te worden, spreekt vaak met meerdere loketten, scholen en opleidingen. Met een gedeelde digitale infrastructuur raakt niemand onderweg uit beeld, en zien regio's waar kandidaten afhaken.",
        "sectors": ["po", "vo", "mbo"], "regions": ["brabant-oost", "nijmegen"],
        "rap_projects": ["rap-nijmegen"],
    },
    {
        "slug": "schoolbesturen-over-onderwijsregios", "kind": "nieuws", "title": "Schoolbesturen over onderwijsregio's: veel werk, veel vragen",
        "date": D(2024, 3, 25),
        "intro": "Uit 66 interviews en 46 antwoorden op een enquête van de VO-raad blijkt: een onderwijsregio vormen kost veel werk, en de governance is nog onduidelijk.",
        "body": "De VO-raad hield 66 interviews en verwerkte 46 antwoorden op een enquête over de vorming van onderwijsregio's. De belangrijkste punten:\n\n- Een regio vormen kost veel tijd en werk.\n- De governance is onduidelijk: wie besluit waarover?\n- De plaats van de partnerschappen Samen Opleiden in de regio is nog niet helder.\n- Geografische grenzen doorsnijden samenwerking die al bestaat.",
        "sectors": ["vo"], "related": ["verslag-strategiesessie-onderwijsregios-7-februari-2024"],
    },
    {
        "slug": "aspirant-opleidingsschool-mbo", "kind": "nieuws", "title": "HAN, Fontys en Yuverta vormen aspirant-opleidingsschool mbo",
        "date": D(2021, 12, 9), "demo": True,
        "intro": "Ook in het mbo gaan scholen en lerarenopleidingen samen opleiden: HAN, Fontys en Yuverta zijn aspirant-opleidingsschool.",
        "body": "HAN, Fontys Hogescholen en Yuverta vormen samen een aspirant-opleidingsschool voor het mbo. Studenten leren het vak van docent voor een groot deel op de werkplek, met begeleiding van school- en instituutsopleiders.\n\nDe komende jaren werken de partners toe naar erkenning als opleidingsschool.",
        "sectors": ["mbo"], "partnerships": ["mbo-aspirant"], "organizations": ["han", "fontys", "yuverta"],
    },
    {
        "slug": "rap-achterhoek-vo-afgerond", "kind": "nieuws", "title": "RAP Achterhoek (vo) afgerond",
        "date": D(2024, 1, 16), "demo": True,
        "intro": "Vier vo-besturen, de HAN en de Radboud Universiteit werkten in de Achterhoek samen aan nieuwe leraren. Wat leverde het op?",
        "body": "Het RAP-project Achterhoek (vo) is afgerond. Stichting Achterhoek VO, Stichting Isendoorn College, Stichting Groen Onderwijs Oost Nederland en De Vrije School Noord en Oost Nederland werkten samen met de HAN en de Radboud Universiteit.\n\n## De thema's\n\n1. nieuwe groepen werven;\n2. zij-instromers goed begeleiden;\n3. een inductietraject voor startende leraren;\n4. een lerend netwerk van de scholen.\n\nDe samenwerking gaat verder in de onderwijsregio.",
        "sectors": ["vo"], "regions": ["achterhoek"], "rap_projects": ["rap-achterhoek-vo"],
        "organizations": ["achterhoek-vo", "isendoorn", "groen-onderwijs-oost", "vrije-school-noord-oost", "han", "radboud-universiteit"],
    },
    {
        "slug": "leraar-in-limburg", "kind": "nieuws", "title": "Leraar in Limburg: één plek voor wie voor de klas wil",
        "date": D(2023, 10, 10), "demo": True,
        "intro": "In Noord- en Midden-Limburg bundelen besturen en opleidingen hun informatie voor toekomstige leraren.",
        "body": "Leraar in Limburg verbindt SOML, OGVO, Citaverde College en Fontys in Noord- en Midden-Limburg. Wie leraar wil worden in het voortgezet onderwijs, vindt er de routes, opleidingen en scholen in de regio.\n\nVoor het mbo is er een eigen loket, waarin Citaverde College, Gilde Opleidingen en VISTA college samenwerken.",
        "sectors": ["vo", "mbo"], "regions": ["noord-limburg", "midden-limburg"],
        "organizations": ["soml", "ogvo", "citaverde-college", "fontys", "gilde-opleidingen", "vista-college"],
    },
    {
        "slug": "onderwijsloket-nijmegen", "kind": "nieuws", "title": "Onderwijsloket Nijmegen wijst de weg naar het leraarschap",
        "date": D(2023, 3, 21), "demo": True,
        "intro": "Een regionaal loket, zoals deelnemers aan 'Denk mee over RA-ZON' het wensten: in Nijmegen bestaat het.",
        "body": "In de regio Nijmegen kunnen mensen die leraar willen worden terecht bij het regionale onderwijsloket. Daar hoor je welke opleiding en welke route bij je past, en welke scholen een plek bieden.\n\nZo'n loket was een van de ideeën uit de sessies *Denk mee over RA-ZON* in 2021. De RAP-regeling vraagt ook om een regionaal informatieloket.",
        "sectors": ["po", "vo"], "regions": ["nijmegen"], "related": ["denk-mee-over-ra-zon"],
    },
    {
        "slug": "routes-naar-het-leraarschap-artez", "kind": "nieuws", "title": "Docent in de kunsten: de routes bij ArtEZ",
        "date": D(2023, 1, 24), "demo": True,
        "intro": "Beeldende kunst, theater, dans of muziek: ArtEZ leidt docenten op, ook in deeltijd en in een versnelde route.",
        "body": "ArtEZ leidt docenten op in de kunsten:\n\n- Docent Beeldende Kunst en Vormgeving (Arnhem);\n- Docent Theater (Zwolle);\n- Docent Dans en Docent Muziek.\n\nVoor wie al lesgeeft is er de deeltijdmaster Master Education in Arts in Zwolle. En wie snel wil, kiest de versnelde route van drie jaar die bachelor en master combineert.",
        "sectors": ["po", "vo", "mbo"], "organizations": ["artez"],
    },
    {
        "slug": "eenjarige-educatieve-master", "kind": "nieuws", "title": "In één jaar eerstegraads docent: de educatieve master",
        "date": D(2022, 9, 6), "demo": True,
        "intro": "Met een masterdiploma op zak in een jaar de lerarenopleiding doen: de Radboud Docenten Academie biedt eenjarige educatieve masters.",
        "body": "Wie een wetenschappelijke master heeft, bijvoorbeeld in de wiskunde, kan bij de Radboud Docenten Academie in één jaar een educatieve master halen. Daarmee ben je eerstegraads bevoegd docent.\n\nDe opleiding wordt voor een groot deel op school gevolgd, vaak in een van de academische opleidingsscholen in de regio.",
        "sectors": ["vo"], "organizations": ["radboud-universiteit"],
    },
    {
        "slug": "deeltijd-tweedegraads-han", "kind": "nieuws", "title": "Tweedegraads lerarenopleiding in deeltijd bij de HAN",
        "date": D(2022, 5, 17), "demo": True,
        "intro": "Naast je werk docent worden in het vo of mbo: de HAN biedt tweedegraads lerarenopleidingen in deeltijd.",
        "body": "De HAN biedt tweedegraads lerarenopleidingen in deeltijd aan. Zo kun je naast je werk een bevoegdheid halen voor het vo en het mbo.\n\nVeel studenten combineren de opleiding met een baan op een school in een partnerschap Samen Opleiden, waar zij begeleiding krijgen van een schoolopleider.",
        "sectors": ["vo", "mbo"], "organizations": ["han"],
    },
    {
        "slug": "academische-opleidingsscholen", "kind": "nieuws", "title": "De meeste vo-studenten leren het vak in een opleidingsschool",
        "date": D(2022, 2, 10), "demo": True,
        "intro": "In de regio Arnhem-Nijmegen leert 80 tot 95 procent van de vo-studenten het vak in een opleidingsschool: het hoogste aandeel van Nederland.",
        "body": "In 2015 werden in de regio Arnhem/Nijmegen vijf academische opleidingsscholen erkend: Alliantie VO & Notre Dame, Oost-Brabant, Passie voor Leren, Quadraam I en Quadraam II. Samen leiden ze zo'n 1.200 studenten per jaar op, in meer dan dertig vo-scholen.\n\nTussen de 80 en 95 procent van de vo-studenten in de regio leert het vak in een opleidingsschool, het hoogste aandeel van het land.",
        "sectors": ["vo"],
        "partnerships": ["alliantie-vo-notre-dame", "aos-oost-brabant", "passie-voor-leren", "quadraam-1", "quadraam-2"],
        "organizations": ["radboud-universiteit", "han"],
    },
    {
        "slug": "opleidingsschool-zutphen-erkend", "kind": "nieuws", "title": "Opleidingsschool Zutphen erkend",
        "date": D(2021, 5, 20), "demo": True,
        "intro": "De NVAO erkende de samenwerking van de vo-scholen in Zutphen met HAN en Radboud Docenten Academie.",
        "body": "Opleidingsschool Zutphen is erkend. In de opleidingsschool werken Baudartius College, Eligant Lyceum, Isendoorn College, Kompaan College, Het Stedelijk en Vrijeschool Zutphen VO samen met de HAN en de Radboud Docenten Academie.",
        "sectors": ["vo"], "partnerships": ["opleidingsschool-zutphen"], "regions": ["achterhoek"],
        "organizations": ["baudartius-college", "isendoorn", "han", "radboud-universiteit"],
    },
    {
        "slug": "alle-partnerschappen-in-onderwijsregios", "kind": "nieuws", "title": "Vanaf 2025 werken alle partnerschappen in onderwijsregio's",
        "date": D(2025, 1, 7), "demo": True,
        "intro": "Sinds januari 2025 werken partnerschappen, opleidingen en besturen samen in onderwijsregio's. Zo staat het er in onze regio voor.",
        "body": "Sinds januari 2025 werken alle partnerschappen, opleidingen en besturen samen in onderwijsregio's. In Zuidoost-Nederland zijn onder meer de regio's rond Nijmegen, Arnhem en in Limburg gevormd; andere regio's zijn nog in verkenning.\n\nBekijk op de regiokaart welke onderwijsregio's er zijn en wie erin samenwerkt.",
        "sectors": ["po", "vso", "vo", "mbo"], "regions": ["nijmegen", "arnhem", "noord-limburg", "midden-limburg"],
        "related": ["subsidie-onderwijsregios-2025"],
    },
    {
        "slug": "zij-instromers-begeleiden", "kind": "blog", "title": "Zij-instromers begeleiden: drie lessen uit de praktijk",
        "date": D(2024, 10, 8), "author_name": EDITORS,
        "intro": "Zij-instromers brengen ervaring mee en hebben weinig tijd. Wat werkt in hun begeleiding?",
        "body": "Zij-instromers zijn voor veel scholen onmisbaar. Drie lessen uit de partnerschappen in de regio:\n\n1. **Begin bij wat iemand al kan.** Ervaring uit een eerder beroep is een bron, geen bijzaak.\n2. **Eén vaste begeleider.** Een schoolopleider die de weg kent in school en opleiding.\n3. **Samen met collega-starters.** Een groep om op terug te vallen houdt mensen voor de klas.",
        "sectors": ["po", "vo"], "demo": True,
    },
    {
        "slug": "wat-een-opleidingsschool-een-starter-geeft", "kind": "blog", "title": "Wat een opleidingsschool een startende docent geeft",
        "date": D(2023, 11, 14), "author_name": EDITORS,
        "intro": "Starten in een school die gewend is om op te leiden: wat merk je daarvan?",
        "body": "Wie in een opleidingsschool is opgeleid, kent de school al als hij begint. Dat scheelt in het eerste jaar.\n\n> Je begint niet als nieuwe collega, maar als collega die al meedraaide.\n\nIn Opleidingsschool Noord-Limburg leren studenten het vak sinds 2009 op zes scholen.",
        "sectors": ["vo"], "partnerships": ["osnl"], "regions": ["noord-limburg"], "demo": True,
    },
    {
        "slug": "samen-opleiden-de-liemers-aspirant", "kind": "nieuws", "title": "Samen Opleiden De Liemers is aspirant-partnerschap",
        "date": D(2023, 6, 13),
        "intro": "Basisscholen in De Liemers en de HAN Pabo zetten een volgende stap naar erkenning.",
        "body": "Samen Opleiden De Liemers is aspirant-partnerschap. De basisscholen in Zevenaar, Duiven en Westervoort leiden al sinds 2019 samen met de HAN Pabo op; nu werken ze toe naar erkenning.",
        "sectors": ["po"], "partnerships": ["samen-opleiden-liemers"], "regions": ["arnhem"],
        "organizations": ["spo-de-liemers", "han"], "demo": True,
    },
    {
        "slug": "rivierenland-verkent-onderwijsregio", "kind": "nieuws", "title": "Rivierenland verkent een onderwijsregio",
        "date": D(2024, 11, 19),
        "intro": "Besturen in Rivierenland praten over samenwerking als onderwijsregio, met het jonge partnerschap in de regio.",
        "body": "In Rivierenland lopen verkennende gesprekken over een onderwijsregio. Het partnerschap Samen Opleiden Rivierenland, dat sinds 2022 wordt opgebouwd, is daarbij betrokken.",
        "sectors": ["po", "vo"], "partnerships": ["samen-opleiden-rivierenland"], "regions": ["rivierenland"],
        "organizations": ["spo-maas-en-waal", "kans-en-kleur"], "demo": True,
    },
    {
        "slug": "opleiden-in-de-peel", "kind": "nieuws", "title": "Opleiden in de Peel zoekt scholen die mee willen opleiden",
        "date": D(2024, 2, 6),
        "intro": "Het partnerschap in de Peel groeit en nodigt basisscholen uit om aan te sluiten.",
        "body": "Opleiden in de Peel leidt samen met Fontys leerkrachten op in Deurne, Asten, Someren en Helmond. Het partnerschap nodigt meer basisscholen uit om opleidingsschool te worden.",
        "sectors": ["po"], "partnerships": ["opleiden-in-de-peel"], "regions": ["brabant-oost"],
        "organizations": ["peelraam", "fontys"], "demo": True,
    },
    {
        "slug": "verslag-netwerkbijeenkomst-vso", "kind": "verslag", "title": "Verslag: netwerkbijeenkomst schoolopleiders (v)so",
        "date": D(2024, 12, 10),
        "intro": "Schoolopleiders uit het speciaal en voortgezet speciaal onderwijs wisselden ervaringen uit over samen opleiden.",
        "body": "Schoolopleiders uit het (voortgezet) speciaal onderwijs kwamen bij elkaar om ervaringen te delen.\n\n## Wat we deelden\n\n- Hoe je studenten voorbereidt op leerlingen met een specifieke ondersteuningsvraag.\n- Hoe de opleidingsschool samenwerkt met de pabo.\n- Wat er nodig is om erkend te worden.",
        "sectors": ["vso"], "partnerships": ["opleidingsschool-vso-gelderland"], "regions": ["nijmegen"], "demo": True,
    },
    {
        "slug": "terugblik-een-jaar-onderwijsregios", "kind": "blog", "title": "Terugblik: een jaar onderwijsregio's",
        "date": D(2025, 12, 16), "author_name": EDITORS,
        "intro": "Een concept: wat leerden we in het eerste jaar van de onderwijsregio's?",
        "body": "Dit bericht is nog een concept en staat niet op de site.",
        "sectors": ["po", "vo"], "demo": True, "draft": True,
    },
]
# fmt: on


def load():
    sectors = Sector.objects.ensure_all()
    related = {
        "events": {e.slug: e for e in Event.objects.filter(slug__in=_slugs("events"))},
        "partnerships": {
            p.slug: p for p in Partnership.objects.filter(slug__in=_slugs("partnerships"))
        },
        "regions": {r.slug: r for r in EducationRegion.objects.filter(slug__in=_slugs("regions"))},
        "rap_projects": {
            p.slug: p for p in RAPProject.objects.filter(slug__in=_slugs("rap_projects"))
        },
        "organizations": {
            o.slug: o for o in Organization.objects.filter(slug__in=_slugs("organizations"))
        },
    }
    changed = 0
    posts = {}
    for row in POSTS:
        m2m = {
            field: [found[slug] for slug in row.get(field, []) if slug in found]
            for field, found in related.items()
        }
        m2m["sectors"] = [sectors[code] for code in row.get("sectors", [])]
        posts[row["slug"]], was_changed = sync(
            Post,
            {"slug": row["slug"]},
            {
                "kind": row["kind"],
                "title": row["title"],
                "date": row["date"],
                "intro": row["intro"],
                "body": row["body"],
                "author_name": row.get("author_name", ""),
                "author_role": row.get("author_role", ""),
                "is_demo": row.get("demo", False),
                "status": PublishStatus.DRAFT if row.get("draft") else PublishStatus.PUBLISHED,
            },
            m2m=m2m,
        )
        changed += was_changed
        for position, (title, url) in enumerate(row.get("links", []), start=1):
            changed += sync(
                PostLink,
                {"post": posts[row["slug"]], "position": position},
                {"title": title, "url": url},
            )[1]
    for row in POSTS:
        chosen = [posts[slug] for slug in row.get("related", [])]
        changed += sync(Post, {"slug": row["slug"]}, m2m={"related_posts": chosen})[1]
    for slug, post in posts.items():
        theme = illustration_for(slug, THEMES, KIND_THEMES[post.kind])
        changed += illustrate(post, "cover", theme, alt_field="cover_alt")
    return changed


def _slugs(field):
    return {slug for row in POSTS for slug in row.get(field, [])}
