"""Demo content of the regions app: the onderwijsregio's and RAP projects of the broad region
Zuidoost-Nederland. Sources: DEMO-FACTS.md. Where no public source gives a region's official
name or its exact municipalities, or a project's years and lead, the item is marked as demo data
(is_demo). No RAP project runs after the scheme ended (regions.models.RAP_SCHEME_ENDS_ON)."""

import datetime
import io

from django.core.management import call_command

from alliances.models import Organization
from razon.demo import sync
from razon.models import PublishStatus, Sector
from regions.models import EducationRegion, Municipality, RAPProject, RegionMembership

PUBLISHED = {"status": PublishStatus.PUBLISHED}

# fmt: off
# The Overijssel part of "Twente, Achterhoek, Oost-Salland": no stored source lists its
# municipalities, so the region stays marked demo. Twente as the 14 municipalities of Regio
# Twente; Oost-Salland as Deventer, Olst-Wijhe and Raalte.
TWENTE = ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn",
          "Hengelo (O.)", "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen",
          "Twenterand", "Wierden"]
OOST_SALLAND = ["Deventer", "Olst-Wijhe", "Raalte"]
# slug: (name, phase, started, sectors, municipalities, description, demo?)
REGIONS = {
    "brabant-oost": (
        "Onderwijsregio Brabant Oost", "voorloper", datetime.date(2023, 7, 6), ["po", "vo", "mbo"],
        ["Eindhoven", "Helmond", "Veldhoven", "Geldrop-Mierlo", "Nuenen, Gerwen en Nederwetten",
         "Son en Breugel", "Best", "Waalre", "Valkenswaard", "Heeze-Leende", "Cranendonck",
         "Someren", "Asten", "Deurne", "Gemert-Bakel", "Laarbeek", "Oirschot", "Eersel",
         "Bergeijk", "Bladel", "Reusel-De Mierden"],
        "Schoolbesturen, lerarenopleidingen en beroepsgroep in Zuidoost-Brabant werken samen "
        "aan werven, opleiden en behouden van onderwijspersoneel.", True,
    ),
    "achterhoek": (
        "Onderwijsregio Twente, Achterhoek, Oost-Salland (vo/mbo)", "voorloper",
        datetime.date(2023, 7, 6), ["vo", "mbo"],
        [*TWENTE, *OOST_SALLAND,
         "Aalten", "Berkelland", "Bronckhorst", "Doetinchem", "Lochem", "Montferland",
         "Oost Gelre", "Oude IJsselstreek", "Winterswijk", "Zutphen"],
        "Een van de 27 voorlopers die op 6 juli 2023 startten, voor vo en mbo in Twente, de "
        "Achterhoek en Oost-Salland. Welke gemeenten er precies bij horen, noemt geen bron: "
        "de gemeenten op de kaart zijn een demo-indeling.", True,  # name and start sourced
    ),
    "nijmegen": (
        "Onderwijsregio Rijk van Nijmegen", "gevormd", datetime.date(2025, 1, 1),
        ["po", "vso", "vo", "mbo"],
        ["Nijmegen", "Berg en Dal", "Beuningen", "Heumen", "Wijchen", "Druten",
         "Mook en Middelaar"],
        "Besturen en lerarenopleidingen rond Nijmegen, met het regionale onderwijsloket.", True,
    ),
    "arnhem": (
        "Onderwijsregio Arnhem en de Liemers", "gevormd", datetime.date(2025, 1, 1),
        ["po", "vo", "mbo"],
        ["Arnhem", "Renkum", "Rheden", "Rozendaal", "Overbetuwe", "Lingewaard", "Zevenaar",
         "Duiven", "Westervoort"],
        "Samenwerking van besturen, HAN, ArtEZ en Radboud Universiteit rond Arnhem.", True,
    ),
    "rivierenland": (
        "Onderwijsregio Rivierenland", "verkenning", None, ["po", "vo"],
        ["Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe",
         "West Maas en Waal", "Zaltbommel"],
        "Besturen in Rivierenland verkennen hoe zij als onderwijsregio samenwerken.", True,
    ),
    "noord-limburg": (
        "Onderwijsregio Noord-Limburg", "gevormd", datetime.date(2025, 1, 1), ["po", "vo", "mbo"],
        ["Venlo", "Venray", "Horst aan de Maas", "Peel en Maas", "Beesel", "Bergen (L.)",
         "Gennep"],
        "Voortbouwend op Opleidingsschool Noord-Limburg en Leraar in Limburg.", True,
    ),
    "midden-limburg": (
        "Onderwijsregio Midden-Limburg", "gevormd", datetime.date(2025, 1, 1), ["po", "vo", "mbo"],
        ["Roermond", "Leudal", "Maasgouw", "Roerdalen", "Echt-Susteren", "Weert",
         "Nederweert"],
        "Besturen en opleidingen in Midden-Limburg, met Leraar in Limburg.", True,
    ),
    "noordoost-brabant": (
        "Onderwijsregio Noordoost-Brabant", "verkenning", None, ["po", "vo", "mbo"],
        ["'s-Hertogenbosch", "Oss", "Maashorst", "Land van Cuijk", "Meierijstad", "Boxtel",
         "Sint-Michielsgestel", "Vught", "Bernheze", "Boekel", "Heusden"],
        "Verkennende gesprekken over een onderwijsregio in Noordoost-Brabant.", True,
    ),
}

# region slug: [(organisation slug, role)]
MEMBERS = {
    "nijmegen": [("han", "lerarenopleiding"), ("radboud-universiteit", "lerarenopleiding"),
                 ("conexus", "penvoerder"), ("po-groesbeek", "bestuur"),
                 ("spo-maas-en-waal", "bestuur"), ("dominicus-college", "partner"),
                 ("aob", "beroepsgroep")],
    "arnhem": [("han", "lerarenopleiding"), ("artez", "lerarenopleiding"),
               ("quadraam", "penvoerder"), ("spo-de-liemers", "bestuur"), ("delta", "bestuur")],
    "achterhoek": [("achterhoek-vo", "penvoerder"), ("isendoorn", "bestuur"),
                   ("groen-onderwijs-oost", "bestuur"), ("han", "lerarenopleiding")],
    "noord-limburg": [("ogvo", "penvoerder"), ("lvo", "bestuur"), ("fontys", "lerarenopleiding"),
                      ("han", "lerarenopleiding")],
    "midden-limburg": [("soml", "penvoerder"), ("citaverde-college", "bestuur"),
                       ("gilde-opleidingen", "bestuur"), ("fontys", "lerarenopleiding")],
    "brabant-oost": [("fontys", "lerarenopleiding"), ("peelraam", "bestuur")],
}

# slug: (name, programme, progress, lead, partners, region, sectors, start, end,
#        municipalities, description, link, demo?)
PROJECTS = {
    "rap-achterhoek-vo": (
        "RAP Achterhoek (vo)", "rap", "afgerond", "achterhoek-vo",
        ["isendoorn", "groen-onderwijs-oost", "vrije-school-noord-oost", "han",
         "radboud-universiteit"],
        "achterhoek", ["vo"], 2022, 2023,
        ["Aalten", "Berkelland", "Bronckhorst", "Doetinchem", "Lochem", "Montferland",
         "Oost Gelre", "Oude IJsselstreek", "Winterswijk", "Zutphen"],
        "Nieuwe doelgroepen werven, zij-instromers begeleiden, een inductietraject en een "
        "lerend netwerk voor het voortgezet onderwijs in de Achterhoek.", "https://www.voion.nl/",
        False,
    ),
    "rap-nijmegen": (
        "RAP Nijmegen", "rap", "afgerond", "conexus", ["han", "radboud-universiteit"],
        "nijmegen", ["po", "vo"], 2020, 2023,
        ["Nijmegen", "Berg en Dal", "Beuningen", "Heumen", "Wijchen", "Druten"],
        "Regionale aanpak met een onderwijsloket voor wie leraar wil worden in de regio "
        "Nijmegen.", "https://www.onderwijsloketnijmegen.nl/", True,
    ),
    "leraar-in-limburg": (
        "Leraar in Limburg (vo)", "rap", "afgerond", "soml",
        ["ogvo", "citaverde-college", "fontys"], "midden-limburg", ["vo"], 2020, 2023,
        ["Venlo", "Venray", "Horst aan de Maas", "Peel en Maas", "Roermond", "Leudal",
         "Maasgouw", "Roerdalen", "Weert", "Nederweert"],
        "Besturen en Fontys in Noord- en Midden-Limburg werven en begeleiden samen nieuwe "
        "leraren.", "https://www.leraarinlimburg.nl/", True,
    ),
    "mbo-docent-in-limburg": (
        "Mbo-docent in Limburg", "rap", "afgerond", "gilde-opleidingen",
        ["citaverde-college", "vista-college"], None, ["mbo"], 2022, 2023,
        ["Roermond", "Venlo", "Maastricht", "Heerlen", "Sittard-Geleen"],
        "Het regionale loket voor wie docent wil worden in het Limburgse mbo.",
        "https://www.mbodocentinlimburg.nl/", True,
    ),
    "rap-zuidoost-brabant": (
        "RAP (Zuid)Oost-Brabant vo/mbo", "rap", "afgerond", "fontys", ["peelraam"],
        "brabant-oost", ["vo", "mbo"], 2022, 2023,
        ["Eindhoven", "Helmond", "Veldhoven", "Geldrop-Mierlo", "Deurne", "Gemert-Bakel"],
        "Een van de vier vo/mbo-regio's in Noord-Brabant, met een regionaal informatieloket.",
        "", True,
    ),
    "ral-arnhem-po": (
        "RAL Arnhem en omstreken (po)", "ral", "afgerond", "delta",
        ["spo-de-liemers", "han"], "arnhem", ["po"], 2019, 2020,
        ["Arnhem", "Rheden", "Renkum", "Zevenaar", "Duiven", "Westervoort"],
        "Regionale Aanpak Lerarentekort in het primair onderwijs rond Arnhem.", "", True,
    ),
    "rap-rivierenland": (
        "RAP Rivierenland (po)", "rap", "afgerond", "spo-maas-en-waal", ["han"], "rivierenland",
        ["po"], 2022, 2023,
        ["Tiel", "Buren", "Culemborg", "West Betuwe", "Zaltbommel"],
        "Gezamenlijke werving en begeleiding van zij-instromers in het primair onderwijs.", "",
        True,
    ),
}
# fmt: on


def load():
    if not Municipality.objects.exists():
        call_command("import_municipalities", stdout=io.StringIO())
    municipalities = {m.name: m for m in Municipality.objects.all()}
    organizations = {o.slug: o for o in Organization.objects.all()}
    sectors = Sector.objects.ensure_all()
    changed = 0
    regions = {}
    for slug, (name, phase, started, codes, places, description, demo) in REGIONS.items():
        regions[slug], was_changed = sync(
            EducationRegion,
            {"slug": slug},
            {
                "name": name,
                "phase": phase,
                "started_on": started,
                "description": description,
                "is_demo": demo,
                **PUBLISHED,
            },
            m2m={
                "sectors": [sectors[code] for code in codes],
                "municipalities": [municipalities[place] for place in places],
            },
        )
        changed += was_changed
    for slug, members in MEMBERS.items():
        for organization, role in members:
            changed += sync(
                RegionMembership,
                {"region": regions[slug], "organization": organizations[organization]},
                {"role": role},
            )[1]
    for slug, row in PROJECTS.items():
        (
            name,
            programme,
            progress,
            lead,
            partners,
            region,
            codes,
            start,
            end,
            places,
            description,
            link,
            demo,
        ) = row
        changed += sync(
            RAPProject,
            {"slug": slug},
            {
                "name": name,
                "programme": programme,
                "progress": progress,
                "lead_organization": organizations[lead],
                "education_region": regions[region] if region else None,
                "start_year": start,
                "end_year": end,
                "description": description,
                "link": link,
                "is_demo": demo,
                **PUBLISHED,
            },
            m2m={
                "partners": [organizations[p] for p in partners],
                "sectors": [sectors[code] for code in codes],
                "municipalities": [municipalities[place] for place in places],
            },
        )[1]
    return changed
