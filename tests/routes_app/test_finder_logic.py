"""The finder's logic (routes/finder.py) over every combination of answers: each question
unanswered, skipped or any of its values, against routes that cover every kind of route
field. Unknown and conflicting values in the address are tried with hypothesis."""

import itertools
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routes import finder
from routes.finder import QUESTIONS, SKIP, Answers, Form, Job, Level, Place, Prior

ABSENT = None


@dataclass(frozen=True)
class R:
    slug: str
    admits: tuple
    levels: tuple
    subjects: tuple
    forms: tuple
    requires_school_job: bool
    places: tuple


ROUTES = [
    R("pabo", ("havo", "vwo", "mbo4"), ("po", "so"), (), ("voltijd",), False, ("nijmegen",)),
    R("pabo-dt", ("havo", "hbo"), ("po",), (), ("deeltijd",), False, ("arnhem", "online")),
    R("zij-po", ("hbo", "wo", "master"), ("po",), (), ("werkend-leren",), True, ("nijmegen",)),
    R(
        "2e-graads",
        ("havo", "vwo", "mbo4", "hbo"),
        ("vo-onderbouw", "mbo"),
        ("engels", "wiskunde"),
        ("deeltijd", "voltijd"),
        False,
        ("nijmegen",),
    ),
    R(
        "master",
        ("master",),
        ("vo-onderbouw", "vo-bovenbouw", "mbo"),
        ("engels", "duits"),
        ("voltijd",),
        False,
        ("nijmegen",),
    ),
    R(
        "alfa",
        ("master",),
        ("vo-bovenbouw",),
        ("duits", "frans"),
        ("werkend-leren",),
        True,
        ("online",),
    ),
    R(
        "kunst",
        ("havo", "vwo"),
        ("po", "so", "vo-onderbouw"),
        ("muziek",),
        ("voltijd",),
        False,
        ("zwolle",),
    ),
    R("pro", ("bevoegd",), ("po", "mbo"), (), ("deeltijd",), False, ("enschede", "arnhem")),
    R("leeg", (), (), (), (), False, ()),  # an editor's route without any values ticked
]

OPTIONS = {q.name: [ABSENT, SKIP, *(value for value, _label in q.choices)] for q in QUESTIONS}


def all_answers():
    names = [q.name for q in QUESTIONS]
    for combination in itertools.product(*(OPTIONS[name] for name in names)):
        yield Answers({n: v for n, v in zip(names, combination, strict=True) if v is not ABSENT})


def fits_by_hand(route, answers):
    """Each answer's rule, written out apart from the module's checks."""
    failed = []
    if (v := answers.given("heb")) and v not in route.admits:
        failed.append("heb")
    if (v := answers.given("waar")) and v not in route.levels:
        failed.append("waar")
    if (v := answers.given("vak")) and route.subjects and v not in route.subjects:
        failed.append("vak")
    if v := answers.given("baan"):
        forms = set(route.forms)
        ok = {
            Job.NONE: not route.requires_school_job,
            Job.SCHOOL: bool(forms & {Form.PART_TIME, Form.WORK_BASED}),
            Job.OTHER: not route.requires_school_job and Form.PART_TIME in forms,
        }[v]
        if not ok:
            failed.append("baan")
    if (
        (v := answers.given("plaats"))
        and v not in route.places
        and Place.ONLINE not in route.places
    ):
        failed.append("plaats")
    return failed


@pytest.fixture(scope="module")
def outcomes():
    """{answers as a sorted tuple: (answers, outcome)} for every combination."""
    found = {}
    for answers in all_answers():
        found[tuple(sorted(answers.values.items()))] = (answers, finder.match(ROUTES, answers))
    return found


def test_every_combination_of_answers_sorts_every_route_right(outcomes):
    for answers, outcome in outcomes.values():
        fitting = [r.route.slug for r in outcome.fitting]
        near = [r.route.slug for r in outcome.near]
        expected = {route.slug: fits_by_hand(route, answers) for route in ROUTES}
        assert fitting == [s for s, failed in expected.items() if not failed]
        assert near == [s for s, failed in expected.items() if len(failed) == 1]
        assert outcome.other_count == sum(len(f) > 1 for f in expected.values())
        narrowing = [q.name for q in answers.narrowing]
        for result in outcome.fitting + outcome.near:
            # One check per answer that narrows, in the order of the questions.
            assert [check.question for check in result.checks] == narrowing
        for result in outcome.near:
            assert [c.question for c in result.checks if not c.fits] == expected[result.route.slug]
    assert len(outcomes) == 9 * 7 * 23 * 5 * 7


def test_every_answer_against_every_route_explains_itself_in_a_sentence():
    """The text of a check depends only on the route, the question and the answer: every
    such triple gives a non-empty reason or a statement of what is missing."""
    for route in ROUTES:
        for question in QUESTIONS:
            for value in OPTIONS[question.name][2:]:
                (check,) = finder.assess(route, Answers({question.name: value})).checks
                text = check.text
                assert text.strip() and text == text.strip() and "%(" not in text
                assert (question.name in fits_by_hand(route, Answers({question.name: value}))) is (
                    not check.fits
                )


def test_a_further_answer_never_widens_the_routes_that_fit(outcomes):
    for answers, outcome in outcomes.values():
        current = answers.current
        if current is None:
            continue
        before = {r.route.slug for r in outcome.fitting}
        for value in OPTIONS[current.name][1:]:
            after = tuple(sorted({**answers.values, current.name: value}.items()))
            assert {r.route.slug for r in outcomes[after][1].fitting} <= before


def test_without_answers_every_route_fits_and_the_first_question_is_asked():
    outcome = finder.match(ROUTES, Answers())
    assert [r.route for r in outcome.fitting] == ROUTES
    assert Answers().current.name == "heb"


def test_reasons_speak_to_the_visitor():
    answers = Answers({"heb": Prior.HBO, "baan": Job.SCHOOL, "waar": Level.PO})
    (result,) = [r for r in finder.match(ROUTES, answers).fitting if r.route.slug == "zij-po"]
    assert "je hebt een hbo-bachelor" in result.reasons
    assert "je werkt op een school en volgt de route werkend leren (je werkt op een school)" in (
        result.reasons
    )


def test_a_near_miss_says_what_is_missing():
    answers = Answers({"heb": Prior.WO, "waar": Level.VO_UPPER})
    near = {r.route.slug: r.missing for r in finder.match(ROUTES, answers).near}
    assert near["master"] == ["deze route vraagt een master (hbo of wo)"]


def test_the_step_by_step_finder_asks_the_first_question_without_an_answer():
    assert Answers({"heb": SKIP}).current.name == "waar"
    assert Answers({"waar": Level.PO}).current.name == "heb"
    assert Answers({q.name: SKIP for q in QUESTIONS}).current is None


@pytest.mark.parametrize(
    "query",
    [
        {"heb": ["doctor"]},
        {"heb": ["havo", "master"]},
        {"waar": ["<script>"]},
        {"vak": ["x" * 500]},
    ],
)
def test_unknown_or_conflicting_answers_are_dropped_and_named(query):
    answers = finder.parse(query)
    assert answers.values == {}
    (problem,) = answers.problems
    assert problem.question.name in query
    assert problem.message
    assert len(problem.message) < 200


def test_the_same_answer_twice_counts_once_and_an_empty_one_not_at_all():
    assert finder.parse({"heb": ["havo", "havo"], "waar": [""]}).values == {"heb": "havo"}


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from([q.name for q in QUESTIONS] + ["route", "pagina", "x"]),
        st.lists(
            st.one_of(
                st.sampled_from(["", *(v for vs in OPTIONS.values() for v in vs if v)]), st.text()
            ),
            min_size=1,
            max_size=3,
        ),
    )
)
def test_any_query_gives_answers_the_finder_can_match(query):
    answers = finder.parse(query)
    for name, value in answers.values.items():
        assert value in OPTIONS[name][1:]
    outcome = finder.match(ROUTES, answers)
    assert len(outcome.fitting) + len(outcome.near) + outcome.other_count == len(ROUTES)
