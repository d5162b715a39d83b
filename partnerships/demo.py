"""Demo content of the partnerships app: SO&P partnerships of the region. Names, members and
years from public sources (DEMO-FACTS.md) where they exist; the rest is marked as demo data."""

from alliances.models import Organization
from partnerships.models import Membership, Partnership
from razon.demo import sync
from razon.models import PublishStatus, Sector
from regions.models import EducationRegion, Municipality

I, B, S = "lerarenopleiding", "bestuur", "opleidingsschool"  # noqa: E741 - a table key

# fmt: off
# slug: (name, short, group, sectors, region, accreditation, year, students, places,
#        description, profile, members [(org slug, role, since)], demo?)
PARTNERSHIPS = {
    "osnl": ("Opleidingsschool Noord-Limburg", "OSNL", "vo-mbo", ["vo"], "noord-limburg",
             "erkend", 2020, None, ["Venlo", "Venray", "Horst aan de Maas", "Peel en Maas"],
             "Zes vo-scholen van OGVO en LVO Noord leiden samen met HAN en de Radboud Docenten "
             "Academie leraren op; de partners werken sinds 2009 samen, aspirant sinds december "
             "2016 met OGVO als penvoerder, erkend op 19 juni 2020.", "",
             [("ogvo", B, 2009), ("lvo", B, 2009), ("valuascollege", S, 2009),
              ("college-den-hulster", S, 2009), ("blariacumcollege", S, 2009),
              ("dendron-college", S, 2009), ("raayland-college", S, 2009), ("bouwens", S, 2009),
              ("han", I, 2009), ("radboud-universiteit", I, 2009)], False),
    "opleidingsschool-zutphen": ("Opleidingsschool Zutphen", "", "vo-mbo", ["vo"], "achterhoek",
             "erkend", 2021, None, ["Zutphen"],
             "Vo-scholen in en rond Zutphen met HAN en de Radboud Docenten Academie; de NVAO "
             "erkende het partnerschap in 2021.", "",
             [("baudartius-college", S, None), ("isendoorn", B, None),
              ("vrije-school-noord-oost", B, None), ("han", I, None),
              ("radboud-universiteit", I, None)], False),
    # Seven of the eight schools are named by a source; the eighth is not named for certain.
    "alliantie-vo-notre-dame": ("Alliantie VO & Notre Dame", "AOS Alliantie", "vo-mbo", ["vo"],
             "nijmegen", "erkend", 2015, None, ["Nijmegen"],
             "Academische opleidingsschool van acht vo-scholen in de regio Nijmegen met de "
             "instituten voor leraarschap van HAN en Radboud Universiteit. Zeven van die scholen "
             "staan hieronder; de naam van de achtste noemt geen bron met zekerheid. In "
             "2009–2015 kreeg de opleidingsschool € 340.000 per jaar en plaatste zij ten minste "
             "220 leraren in opleiding per jaar.", "",
             [("citadel-college", S, None), ("dominicus-college", S, None),
              ("mondial-college", S, None), ("maaswaal-college", S, None),
              ("pax-christi-college", S, None), ("ssgn", S, None),
              ("stedelijk-gymnasium-nijmegen", S, None), ("han", I, None),
              ("radboud-universiteit", I, None)], False),
    "aos-oost-brabant": ("Academische Opleidingsschool Oost-Brabant", "", "vo-mbo", ["vo"],
             "brabant-oost", "erkend", 2015, None, ["Eindhoven", "Helmond"],
             "Een van de academische opleidingsscholen die in 2015 erkend werden.", "",
             [("radboud-universiteit", I, 2015), ("fontys", I, 2015)], True),
    "passie-voor-leren": ("Passie voor Leren", "", "vo-mbo", ["vo"], "arnhem", "erkend", 2015,
             None, ["Arnhem", "Rheden"],
             "Academische opleidingsschool in de regio Arnhem/Nijmegen, erkend in 2015.", "",
             [("han", I, None), ("radboud-universiteit", I, None)], True),
    "quadraam-1": ("Opleidingsschool Quadraam I", "", "vo-mbo", ["vo"], "arnhem", "erkend", 2015,
             None, ["Arnhem", "Overbetuwe"], "Opleidingsschool van Quadraam-scholen.", "",
             [("quadraam", B, None), ("han", I, None), ("radboud-universiteit", I, None)], True),
    "quadraam-2": ("Opleidingsschool Quadraam II", "", "vo-mbo", ["vo"], "arnhem", "erkend", 2015,
             None, ["Arnhem", "Lingewaard", "Zevenaar"], "Tweede opleidingsschool van Quadraam.",
             "", [("quadraam", B, None), ("han", I, None), ("artez", I, None)], True),
    "aos-wijzer-in-onderwijs": ("AOS Wijzer in Onderwijs", "", "vo-mbo", ["vo"], "nijmegen",
             "erkend", None, None, ["Nijmegen"], "Academische opleidingsschool in Nijmegen.", "",
             [("radboud-universiteit", I, None), ("han", I, None)], True),
    "mbo-aspirant": ("Aspirant-opleidingsschool mbo Gelderland", "", "vo-mbo", ["mbo"], None,
             "aspirant", 2021, None, ["Arnhem", "Nijmegen"],
             "HAN, Fontys en Yuverta vormen samen een aspirant-opleidingsschool voor het mbo.",
             "", [("han", I, 2021), ("fontys", I, 2021), ("yuverta", B, 2021)], True),
    "han-pabo-samen-opleiden": ("Samen opleiden voor de toekomst (HAN Pabo)", "", "po-vso",
             ["po"], "arnhem", "erkend", None, None,
             ["Arnhem", "Nijmegen", "Zevenaar", "Doetinchem", "Tiel", "Wijchen"],
             "Het partnerschap van de HAN Pabo met schoolbesturen in Gelderland.", "",
             [("han", I, None), ("delta", B, None), ("spo-de-liemers", B, None),
              ("proles", B, None), ("sco-rijssel", B, None), ("schilderspoort", B, None),
              ("optimus", B, None), ("peelraam", B, None), ("pcob", B, None),
              ("invitare", B, None), ("skov", B, None), ("lijn-83", B, None),
              ("de-basis-fluvius", B, None), ("kans-en-kleur", B, None),
              ("spo-maas-en-waal", B, None), ("conexus", B, None), ("condor", B, None),
              ("joseph-stichting", B, None), ("po-groesbeek", B, None)], True),
    "partners-in-opleiding-en-ontwikkeling": ("Partners in Opleiding en Ontwikkeling", "POO",
             "po-vso", ["po"], "nijmegen", "erkend", None, None, ["Nijmegen", "Berg en Dal"],
             "Partnerschap in het primair onderwijs; betrokken bij een van de 27 voorlopers "
             "onderwijsregio's.", "Bevlogen, Betrokken en Bekwame leerkrachten: dit beroepsbeeld "
             "geven we samen handen en voeten, als cement tussen de stenen van onze samenwerking.",
             [("han", I, None), ("conexus", B, None), ("po-groesbeek", B, None)], True),
    "samen-opleiden-liemers": ("Samen Opleiden De Liemers", "", "po-vso", ["po"], "arnhem",
             "aspirant", 2023, None, ["Zevenaar", "Duiven", "Westervoort"],
             "Basisscholen in De Liemers leiden samen met de HAN Pabo op.", "",
             [("spo-de-liemers", B, 2019), ("han", I, 2019)], True),
    "samen-opleiden-rivierenland": ("Samen Opleiden Rivierenland", "", "po-vso", ["po"],
             "rivierenland", "geen", None, None, ["Tiel", "West Maas en Waal", "Culemborg"],
             "Besturen in Rivierenland bouwen een partnerschap op.", "",
             [("spo-maas-en-waal", B, 2022), ("kans-en-kleur", B, 2022), ("han", I, 2022)], True),
    "opleiden-in-de-peel": ("Opleiden in de Peel", "", "po-vso", ["po"], "brabant-oost",
             "aspirant", 2022, None, ["Deurne", "Asten", "Someren", "Helmond"],
             "Samen opleiden in de Peel.", "", [("peelraam", B, 2020), ("fontys", I, 2020)], True),
    "samen-opleiden-noord-limburg-po": ("Samen Opleiden Noord-Limburg (po)", "", "po-vso",
             ["po"], "noord-limburg", "erkend", 2019, None, ["Venlo", "Venray", "Gennep"],
             "Basisscholen in Noord-Limburg met de pabo's.", "",
             [("optimus", B, 2015), ("han", I, 2015), ("fontys", I, 2015)], True),
    "opleidingsschool-vso-gelderland": ("Opleidingsschool (V)SO Gelderland", "", "po-vso",
             ["vso"], "nijmegen", "aspirant", 2024, None, ["Nijmegen", "Arnhem"],
             "Speciaal en voortgezet speciaal onderwijs leidt samen op.", "",
             [("delta", B, 2021), ("han", I, 2021)], True),
}
# fmt: on

# The onderwijsregio's a partnership works in besides its main one. The HAN Pabo partnership's
# boards work around Arnhem, Doetinchem, Nijmegen and Tiel (its municipalities above); the
# regions themselves are demo regions (regions/demo.py).
OTHER_REGIONS = {"han-pabo-samen-opleiden": ["achterhoek", "nijmegen", "rivierenland"]}


def load():
    organizations = {o.slug: o for o in Organization.objects.all()}
    regions = {r.slug: r for r in EducationRegion.objects.all()}
    municipalities = {m.name: m for m in Municipality.objects.all()}
    sectors = Sector.objects.ensure_all()
    changed = 0
    for slug, row in PARTNERSHIPS.items():
        (
            name,
            short,
            group,
            codes,
            region,
            accreditation,
            year,
            students,
            places,
            description,
            profile,
            members,
            demo,
        ) = row
        partnership, was_changed = sync(
            Partnership,
            {"slug": slug},
            {
                "name": name,
                "short_name": short,
                "sector_group": group,
                "education_region": regions.get(region),
                "accreditation": accreditation,
                "accreditation_year": year,
                "student_count": students,
                "description": description,
                "profile": profile,
                "is_demo": demo,
                "status": PublishStatus.PUBLISHED,
            },
            m2m={
                "sectors": [sectors[code] for code in codes],
                "municipalities": [municipalities[place] for place in places],
                "education_regions": [
                    regions[key] for key in [region, *OTHER_REGIONS.get(slug, [])] if key in regions
                ],
            },
        )
        changed += was_changed
        for organization, role, since in members:
            changed += sync(
                Membership,
                {"partnership": partnership, "organization": organizations[organization]},
                {"role": role, "since": since},
            )[1]
    return changed
