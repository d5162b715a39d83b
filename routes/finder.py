"""The finder's logic, apart from Django's models and views: which routes fit a visitor's
answers, why, and what is missing for the ones that nearly fit.

A route is anything with the attributes `admits`, `levels`, `subjects`, `forms`,
`requires_school_job` and `places` (routes.models.Route, or a plain object in the tests).
Answers come from the query string (`parse()`): each question has one value, "geen-voorkeur"
(skipped) or nothing yet; an unknown or repeated value is dropped and reported as a problem,
so a made-up address still gives a useful page. `match()` sorts the routes into those that
fit every answer (with a reason per answer), near misses (exactly one answer not met, with
what is missing) and the rest."""

from collections import namedtuple
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SKIP = "geen-voorkeur"
# A route as the questions read it: a light row (Route.objects.facts()), so that matching a
# few hundred routes costs little; only the routes shown are loaded whole (`loaded()`).
RouteFacts = namedtuple("RouteFacts", "pk admits levels subjects forms requires_school_job places")


class Prior:
    """What you have now (`heb`): the prior education a route admits."""

    HAVO, VWO, MBO4, HBO, WO, MASTER, QUALIFIED = (
        "havo",
        "vwo",
        "mbo4",
        "hbo",
        "wo",
        "master",
        "bevoegd",
    )
    CHOICES = [
        (HAVO, gettext_lazy("een havo-diploma")),
        (VWO, gettext_lazy("een vwo-diploma")),
        (MBO4, gettext_lazy("een mbo-diploma (niveau 4)")),
        (HBO, gettext_lazy("een hbo-bachelor")),
        (WO, gettext_lazy("een wo-bachelor")),
        (MASTER, gettext_lazy("een master (hbo of wo)")),
        (QUALIFIED, gettext_lazy("een onderwijsbevoegdheid: je bent al leraar")),
    ]


class Level:
    """Where you want to teach (`waar`)."""

    PO, SO, VO_LOWER, VO_UPPER, MBO = "po", "so", "vo-onderbouw", "vo-bovenbouw", "mbo"
    CHOICES = [
        (PO, gettext_lazy("de basisschool (po)")),
        (SO, gettext_lazy("het speciaal onderwijs (so en vso)")),
        (VO_LOWER, gettext_lazy("de onderbouw van het vo of het vmbo")),
        (VO_UPPER, gettext_lazy("de bovenbouw van havo en vwo")),
        (MBO, gettext_lazy("het mbo")),
    ]


class Subject:
    """Which subject (`vak`). A route without subjects prepares for all of them (the pabo)."""

    CHOICES = [
        ("nederlands", gettext_lazy("Nederlands")),
        ("engels", gettext_lazy("Engels")),
        ("duits", gettext_lazy("Duits")),
        ("frans", gettext_lazy("Frans")),
        ("wiskunde", gettext_lazy("wiskunde")),
        ("natuurkunde", gettext_lazy("natuurkunde")),
        ("scheikunde", gettext_lazy("scheikunde")),
        ("biologie", gettext_lazy("biologie")),
        ("aardrijkskunde", gettext_lazy("aardrijkskunde")),
        ("geschiedenis", gettext_lazy("geschiedenis")),
        ("economie", gettext_lazy("economie")),
        ("maatschappijleer", gettext_lazy("maatschappijleer")),
        ("levensbeschouwing", gettext_lazy("godsdienst en levensbeschouwing")),
        ("lichamelijke-opvoeding", gettext_lazy("lichamelijke opvoeding")),
        ("techniek", gettext_lazy("techniek")),
        ("informatica", gettext_lazy("informatica")),
        ("beeldende-kunst", gettext_lazy("beeldende kunst en vormgeving")),
        ("muziek", gettext_lazy("muziek")),
        ("dans", gettext_lazy("dans")),
        ("theater", gettext_lazy("theater")),
        ("beroepsgericht", gettext_lazy("een beroepsgericht vak (mbo)")),
    ]


class Job:
    """Whether it must fit next to a job (`baan`)."""

    SCHOOL, OTHER, NONE = "school", "ander", "nee"
    CHOICES = [
        (SCHOOL, gettext_lazy("Ja, naast mijn baan op een school")),
        (OTHER, gettext_lazy("Ja, naast een baan buiten het onderwijs")),
        (NONE, gettext_lazy("Nee, ik kan voltijd studeren")),
    ]


class Form:
    """How a route is followed."""

    FULL_TIME, PART_TIME, WORK_BASED = "voltijd", "deeltijd", "werkend-leren"
    CHOICES = [
        (FULL_TIME, gettext_lazy("voltijd")),
        (PART_TIME, gettext_lazy("deeltijd")),
        (WORK_BASED, gettext_lazy("werkend leren (je werkt op een school)")),
    ]


class Place:
    """Where you want to study (`plaats`). A route given online fits every place."""

    ONLINE = "online"
    CHOICES = [
        ("arnhem", gettext_lazy("Arnhem")),
        ("nijmegen", gettext_lazy("Nijmegen")),
        ("zwolle", gettext_lazy("Zwolle")),
        ("enschede", gettext_lazy("Enschede")),
        (ONLINE, gettext_lazy("online of op afstand")),
    ]


@dataclass(frozen=True)
class Question:
    name: str  # the query parameter
    label: object
    choices: list
    skip_label: object
    help_text: object = ""

    def label_of(self, value):
        return dict(self.choices).get(value, "")


QUESTIONS = [
    Question(
        "heb",
        gettext_lazy("Wat heb je nu?"),
        Prior.CHOICES,
        gettext_lazy("Zeg ik liever niet"),
        gettext_lazy("Je hoogste diploma, of je bevoegdheid als je al leraar bent."),
    ),
    Question(
        "waar",
        gettext_lazy("Waar wil je lesgeven?"),
        Level.CHOICES,
        gettext_lazy("Weet ik nog niet"),
    ),
    Question(
        "vak",
        gettext_lazy("Welk vak wil je geven?"),
        Subject.CHOICES,
        gettext_lazy("Maakt niet uit"),
        gettext_lazy("Op de basisschool geef je alle vakken: kies dan 'Maakt niet uit'."),
    ),
    Question(
        "baan",
        gettext_lazy("Moet het naast een baan?"),
        Job.CHOICES,
        gettext_lazy("Weet ik nog niet"),
    ),
    Question(
        "plaats",
        gettext_lazy("Waar wil je studeren?"),
        Place.CHOICES,
        gettext_lazy("Maakt niet uit"),
    ),
]
BY_NAME = {question.name: question for question in QUESTIONS}


@dataclass(frozen=True)
class Problem:
    """An answer in the address the finder could not use."""

    question: Question
    given: tuple  # the values as given

    @property
    def message(self):
        if len(set(self.given)) > 1:
            return _(
                "Bij de vraag '%(question)s' stonden meer antwoorden tegelijk; kies er één."
            ) % {"question": self.question.label}
        return _(
            "Het antwoord '%(value)s' op de vraag '%(question)s' kennen we niet; kies opnieuw."
        ) % {
            "value": self.given[0][:40],
            "question": self.question.label,
        }


@dataclass(frozen=True)
class Answers:
    """The usable answers ({question name: value, SKIP included}) and the problems."""

    values: dict = field(default_factory=dict)
    problems: tuple = ()

    def answered(self, name):
        return name in self.values

    def given(self, name):
        """The value of an answer that narrows the routes (not skipped), or None."""
        value = self.values.get(name)
        return None if value in (None, SKIP) else value

    @property
    def current(self):
        """The first question without an answer that is still worth asking: the one the
        step-by-step finder asks."""
        return next(
            (q for q in QUESTIONS if q.name not in self.values and not self.needless(q)), None
        )

    def needless(self, question):
        """Whether the other answers make an unanswered question pointless: which subject,
        for the basisschool, where you teach all of them (the finder skips it)."""
        return (
            question.name == "vak"
            and question.name not in self.values
            and self.values.get("waar") == Level.PO
        )

    @property
    def narrowing(self):
        return [q for q in QUESTIONS if self.given(q.name)]

    def without(self, name):
        """The answers as a query dict without one question's (to change that answer)."""
        return {key: value for key, value in self.values.items() if key != name}


def parse(query):
    """Answers from a query dict (`request.GET`, or {name: [values]}): each question's single
    valid value; unknown, empty and conflicting values dropped as problems. Other parameters
    are ignored by the finder (the view decides about them)."""
    values, problems = {}, []
    for question in QUESTIONS:
        given = tuple(_getlist(query, question.name))
        if not given:
            continue
        distinct = set(given)
        valid = {value for value, _label in question.choices} | {SKIP}
        if len(distinct) == 1 and given[0] in valid:
            values[question.name] = given[0]
        elif len(distinct) == 1 and given[0] == "":
            continue  # an empty field sent by a form: not answered
        else:
            problems.append(Problem(question, given))
    return Answers(values, tuple(problems))


def _getlist(query, name):
    if hasattr(query, "getlist"):
        return query.getlist(name)
    value = query.get(name, [])
    return [value] if isinstance(value, str) else list(value)


class Check:
    """One answer held against one route: whether it fits, and (made only when shown) why it
    fits or what is missing. Matching a few hundred routes costs no translation."""

    __slots__ = ("_explain", "_text", "fits", "question")

    def __init__(self, question, fits, explain):
        self.question, self.fits, self._explain = question, fits, explain
        self._text = None

    @property
    def text(self):
        if self._text is None:  # a result card reads it more than once
            self._text = self._explain()
        return self._text


@dataclass(frozen=True)
class Result:
    route: object
    checks: tuple

    @cached_property
    def reasons(self):
        return [check.text for check in self.checks if check.fits]

    @cached_property
    def missing(self):
        return [check.text for check in self.checks if not check.fits]

    @property
    def fits(self):
        return all(check.fits for check in self.checks)


@dataclass(frozen=True)
class Outcome:
    fitting: list
    near: list
    other_count: int


def _labels(choices, values):
    labels = dict(choices)
    return [str(labels[value]) for value in (v for v, _label in choices) if value in values]


def _join(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s of %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def check_prior(route, value):
    def label():
        return BY_NAME["heb"].label_of(value)

    if value in route.admits:
        return Check("heb", True, lambda: _("je hebt %(what)s") % {"what": label()})

    def missing():
        wanted = _join(_labels(Prior.CHOICES, route.admits)) or _("een toelating op maat")
        return _("deze route vraagt %(what)s") % {"what": wanted}

    return Check("heb", False, missing)


def check_level(route, value):
    def label():
        return BY_NAME["waar"].label_of(value)

    if value in route.levels:
        return Check(
            "waar", True, lambda: _("je mag daarna lesgeven op %(where)s") % {"where": label()}
        )

    def missing():
        where = _join(_labels(Level.CHOICES, route.levels)) or "–"
        return _("deze route leidt op voor %(where)s, niet voor %(wanted)s") % {
            "where": where,
            "wanted": label(),
        }

    return Check("waar", False, missing)


def check_subject(route, value):
    def label():
        return BY_NAME["vak"].label_of(value)

    if not route.subjects:
        return Check(
            "vak",
            True,
            lambda: _("je leert alle vakken geven, ook %(subject)s") % {"subject": label()},
        )
    if value in route.subjects:
        return Check("vak", True, lambda: _("je leert %(subject)s geven") % {"subject": label()})

    def missing():
        text = str(label())
        return _("%(subject)s zit er niet bij; wel %(offered)s") % {
            "subject": text[:1].upper() + text[1:],
            "offered": _join(_labels(Subject.CHOICES, route.subjects)),
        }

    return Check("vak", False, missing)


def _needs_school_job():
    return _("je hebt er een baan op een school voor nodig")


def _full_time_only():
    return _("alleen voltijd: past niet naast een baan")


def check_job(route, value):
    forms = route.forms
    if value == Job.NONE:
        if route.requires_school_job:
            return Check("baan", False, _needs_school_job)
        return Check("baan", True, lambda: _("je kunt je volle tijd aan de opleiding geven"))
    if value == Job.SCHOOL:
        fitting = [form for form in forms if form in (Form.PART_TIME, Form.WORK_BASED)]
        if fitting:
            return Check(
                "baan",
                True,
                lambda: (
                    _("je werkt op een school en volgt de route %(form)s")
                    % {"form": _join(_labels(Form.CHOICES, fitting))}
                ),
            )
        return Check("baan", False, _full_time_only)
    # A job outside education: part-time study, and no school job asked.
    if route.requires_school_job:
        return Check("baan", False, _needs_school_job)
    if Form.PART_TIME in forms:
        return Check("baan", True, lambda: _("je kunt de route in deeltijd volgen, naast je baan"))
    return Check("baan", False, _full_time_only)


def check_place(route, value):
    if value in route.places:
        return Check(
            "plaats",
            True,
            lambda: _("je kunt studeren: %(place)s") % {"place": BY_NAME["plaats"].label_of(value)},
        )
    if Place.ONLINE in route.places:
        return Check("plaats", True, lambda: _("je kunt de route (deels) online volgen"))

    def missing():
        places = _join(_labels(Place.CHOICES, route.places)) or "–"
        return _("alleen in %(places)s") % {"places": places}

    return Check("plaats", False, missing)


CHECKS = {
    "heb": check_prior,
    "waar": check_level,
    "vak": check_subject,
    "baan": check_job,
    "plaats": check_place,
}


def _narrowing(answers):
    return [(CHECKS[q.name], answers.given(q.name)) for q in answers.narrowing]


def assess(route, answers, narrowing=None):
    """The route against every answer that narrows (in the order of the questions)."""
    checks = narrowing if narrowing is not None else _narrowing(answers)
    return Result(route, tuple(check(route, value) for check, value in checks))


def loaded(results, routes):
    """`results` with each route's facts replaced by the route itself (`routes`: by pk)."""
    return [replace(result, route=routes[result.route.pk]) for result in results]


def match(routes, answers):
    """The routes that fit every answer, the near misses (exactly one answer not met), and
    how many others there are; each list in the given order of the routes."""
    narrowing = _narrowing(answers)
    fitting, near, other = [], [], 0
    for route in routes:
        result = assess(route, answers, narrowing)
        missing = sum(not check.fits for check in result.checks)
        if missing == 0:
            fitting.append(result)
        elif missing == 1:
            near.append(result)
        else:
            other += 1
    return Outcome(fitting, near, other)
