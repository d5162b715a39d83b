"""The finder /opleidingsroutes/: the whole form without JavaScript, one question at a time
for htmx (the fragment #finder of the same template), the reasons and near misses, and
bad input in the address."""

import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from razon.models import PublishStatus
from routes.finder import QUESTIONS, SKIP
from tests.routes_app.conftest import make_route

FINDER = reverse("routes:finder")
HTMX = {"HX-Request": "true", "HX-Target": "finder"}

pytestmark = pytest.mark.django_db


def checked(html):
    return dict(re.findall(r'name="(\w+)" value="([\w-]+)" checked', html))


def test_without_javascript_the_page_asks_every_question_in_one_form(client, demo):
    response = client.get(FINDER)

    html = response.content.decode()
    assert response.status_code == 200
    assert "routes/finder.html" in [t.name for t in response.templates]
    assert html.count('<fieldset class="finder-question') == len(QUESTIONS)
    for question in QUESTIONS:
        assert f'name="{question.name}" value="{SKIP}"' in html
    assert "Toon passende routes" in html
    assert '<form class="finder__form" method="get" action="/opleidingsroutes/"' in html
    assert "Alle 15 routes in de regio" in html
    assert 'id="finder-current"' in html  # the first question, for the step-by-step finder


def test_answers_narrow_the_routes_and_say_why_each_fits(client, demo):
    response = client.get(FINDER, {"heb": "havo", "waar": "po", "baan": "school"})

    html = response.content.decode()
    assert checked(html) == {"heb": "havo", "waar": "po", "baan": "school"}
    fitting, near = html.split('id="finder-near-title"')
    assert "Pabo deeltijd" in fitting
    assert "je hebt een havo-diploma" in fitting
    assert "je mag daarna lesgeven op de basisschool (po)" in fitting
    assert "je werkt op een school en volgt de route deeltijd" in fitting
    assert "Pabo voltijd" in near  # full-time only
    assert "alleen voltijd: past niet naast een baan" in near
    assert "Zij-instroom basisonderwijs" in near
    assert "deze route vraagt een hbo-bachelor, een wo-bachelor of een master" in near
    assert "Educatieve master" not in html  # two things missing: not even a near miss


def test_a_route_that_needs_more_prior_education_is_a_near_miss_that_says_so(client, demo):
    html = client.get(FINDER, {"heb": "wo", "waar": "vo-bovenbouw"}).content.decode()

    near = html.split('id="finder-near-title"')[1]
    assert "Educatieve master (eerstegraads)" in near
    assert "deze route vraagt een master (hbo of wo)" in near


def test_htmx_gets_the_finder_with_the_next_question_and_the_results(client, demo):
    response = client.get(FINDER, {"heb": "havo"}, headers=HTMX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.lstrip().startswith('<div id="finder"')
    current = html.split('id="finder-current"')[1].split("</fieldset>")[0]
    assert "Waar wil je lesgeven?" in current
    assert "finder-question--answered" in html  # the answer stays, shown as an answer
    assert 'data-hx-push-url="true"' in html
    assert "HX-Request" in response.headers["Vary"]


def test_for_the_basisschool_the_subject_question_is_not_asked(client, demo):
    html = client.get(FINDER, {"heb": "hbo", "waar": "po"}, headers=HTMX).content.decode()

    current = html.split('id="finder-current"')[1].split("</fieldset>")[0]
    assert "Moet het naast een baan?" in current  # the next question after "waar"
    subject = html.split("Welk vak wil je geven?")[1].split("</fieldset>")[0]
    assert "Alle vakken" in subject and "(op de basisschool geef je alle vakken)" in subject
    assert 'name="vak"' in subject  # still there without JavaScript (all at once)
    for level in ("vo-onderbouw", "so"):
        html = client.get(FINDER, {"heb": "hbo", "waar": level}, headers=HTMX).content.decode()
        current = html.split('id="finder-current"')[1].split("</fieldset>")[0]
        assert "Welk vak wil je geven?" in current, level


def test_changing_an_answer_links_to_the_address_without_it(client, demo):
    html = client.get(FINDER, {"heb": "havo", "waar": "po"}).content.decode()

    assert f'href="{FINDER}?waar=po"' in html  # change "Wat heb je nu?"
    assert f'href="{FINDER}?heb=havo"' in html  # change "Waar wil je lesgeven?"


def test_with_every_question_answered_no_question_waits(client, demo):
    answers = {question.name: SKIP for question in QUESTIONS}
    html = client.get(FINDER, answers, headers=HTMX).content.decode()

    assert 'id="finder-current"' not in html
    assert "finder-question--later" not in html


def test_nothing_fits_gives_a_way_on(client, db):
    make_route(admits=["master"], levels=["vo-bovenbouw"], subjects=["duits"])

    html = client.get(FINDER, {"heb": "havo", "waar": "po", "vak": "engels"}).content.decode()

    assert "Geen route past bij al je antwoorden." in html
    assert "begin opnieuw" in html
    assert "Opnieuw beginnen" in html


def test_drafts_are_never_in_the_finder(client, db):
    make_route(name="Conceptroute", status=PublishStatus.DRAFT)

    assert "Conceptroute" not in client.get(FINDER).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "heb=doctor",
        "heb=havo&heb=master",
        "waar=%3Cscript%3Ealert(1)%3C/script%3E",
        "vak=" + "x" * 250,
        "heb=&waar=",
        "onbekend=1",
        "heb=havo&waar=po&vak=engels&baan=school&plaats=zwolle&plaats=online",
    ],
)
def test_unknown_or_contradictory_answers_give_a_clear_page(client, demo, query):
    for headers in ({}, HTMX):
        # (without htmx, empty answers are first redirected to the address without them)
        response = client.get(f"{FINDER}?{query}", headers=headers, follow=True)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert" not in html
        assert 'id="finder-results-title"' in html
        assert f'href="{FINDER}"' in html or "Toon passende routes" in html


def test_a_contradiction_is_named_and_the_question_asked_again(client, demo):
    html = client.get(FINDER, {"heb": ["havo", "master"], "waar": "po"}).content.decode()

    assert "meer antwoorden tegelijk" in html
    current = html.split('id="finder-current"')[1].split("</fieldset>")[0]
    assert "Wat heb je nu?" in current
    assert checked(html) == {"waar": "po"}


class TestAnyAddress(HypothesisTestCase):
    """Whatever a visitor (or a bot) puts in the address: never an error, always a way
    back to the finder."""

    @classmethod
    def setUpTestData(cls):
        make_route()

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(
            st.tuples(
                st.sampled_from([q.name for q in QUESTIONS] + ["route", "x"]),
                st.one_of(
                    st.sampled_from(["havo", "po", "engels", "school", "online", SKIP, ""]),
                    st.text(max_size=30),
                ),
            ),
            max_size=8,
        ),
        st.booleans(),
    )
    def test_never_an_error(self, pairs, htmx):
        query = urlencode([(k, v.replace("\x00", "")) for k, v in pairs if v.isprintable()])
        headers = HTMX if htmx else {}
        response = self.client.get(f"{FINDER}?{query}", headers=headers, follow=True)
        self.assertIn(response.status_code, (200, 400))
        if response.status_code == 200:
            self.assertIn('id="finder-results-title"', response.content.decode())
