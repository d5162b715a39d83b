"""The finder of training routes in the browser: one question at a time with htmx (the
address following each answer), the whole way with the keyboard only, comparing routes,
the form without JavaScript, and axe on each."""

import re

from tests.e2e.conftest import assert_no_axe_violations


def _answer(page, label):
    """Choose an option of the question on screen and go on, as a mouse user would."""
    before = page.locator("#finder-results-title").inner_text()
    page.locator("#finder-current").get_by_label(label, exact=True).check()
    page.locator("#finder-current").get_by_role("button", name="Volgende").click()
    page.wait_for_function(
        "before => document.querySelector('#finder-results-title').innerText !== before"
        " || !document.querySelector('.htmx-request')",
        arg=before,
    )


def test_the_finder_asks_one_question_at_a_time_and_the_address_follows(page, demo_site):
    page.goto(demo_site + "/opleidingsroutes/")
    page.evaluate("window.stillTheSamePage = true")

    # Only the first question is on screen; the form's own button is for pages without JS.
    assert page.locator(".finder-question:visible").count() == 1
    assert not page.get_by_role("button", name="Toon passende routes").is_visible()
    assert_no_axe_violations(page)

    _answer(page, "Een havo-diploma")
    page.wait_for_url(re.compile(r"heb=havo"))
    assert page.locator("#finder-current legend").inner_text().endswith("Waar wil je lesgeven?")
    assert page.get_by_text("Een havo-diploma", exact=False).first.is_visible()

    _answer(page, "De basisschool (po)")
    # Which subject is not asked for the basisschool (you teach all of them there).
    assert page.locator("#finder-current legend").inner_text().endswith("naast een baan?")
    assert page.get_by_text("Alle vakken", exact=True).is_visible()
    _answer(page, "Ja, naast mijn baan op een school")
    page.wait_for_url(re.compile(r"baan=school"))

    assert page.evaluate("window.stillTheSamePage") is True  # answered in place
    results = page.locator(".finder__results").inner_text()
    assert "Pabo deeltijd" in results
    assert "Waarom dit past:" in results and "je hebt een havo-diploma" in results
    assert "Bijna passend" in results and "Wat ontbreekt:" in results
    assert "passen bij je antwoorden" in page.locator("#live-region").inner_text() or (
        "past bij je antwoorden" in page.locator("#live-region").inner_text()
    )
    assert_no_axe_violations(page)

    # The address is the result: opened anew it shows the same answers and routes.
    shared = page.url
    page.goto(shared)
    assert "Pabo deeltijd" in page.locator(".finder__results").inner_text()

    # Changing an answer asks that question again, keeping the others.
    page.get_by_role("link", name=re.compile("Wijzig je antwoord op: Waar wil je lesgeven")).click()
    page.wait_for_url(lambda url: "waar=" not in url)
    assert page.locator("#finder-current legend").inner_text().endswith("Waar wil je lesgeven?")


def test_the_whole_finder_with_the_keyboard_only(page, demo_site):
    page.goto(demo_site + "/opleidingsroutes/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    # The first choice of "waar" is the basisschool: four questions, the subject not asked.
    for _question in range(4):
        # Focus into the current question's options, choose the first with Space, go on.
        for _attempt in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(
                "() => document.activeElement.closest('#finder-current') !== null"
                " && document.activeElement.type === 'radio'"
            ):
                break
        page.keyboard.press("Space")
        before = page.url
        for _attempt in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('finder-next')"):
                break
        page.keyboard.press("Enter")
        page.wait_for_function("before => location.href !== before", arg=before)
        page.wait_for_function("() => !document.querySelector('.htmx-request')")
        # Focus moved on by itself: to the next question, or the results at the end.
        focused = page.evaluate(
            "() => document.activeElement.closest('#finder-current') ? 'question'"
            " : document.activeElement.id"
        )
        assert focused in ("question", "finder-results-title")
    assert focused == "finder-results-title"
    assert page.locator("#finder-current").count() == 0
    assert all(f"{name}=" in page.url for name in ("heb", "waar", "baan", "plaats"))
    assert "vak=" not in page.url


def test_comparing_three_routes_side_by_side(page, demo_site):
    page.goto(demo_site + "/opleidingsroutes/?waar=po")
    boxes = page.locator(".route-result__compare input")
    for index in range(3):
        boxes.nth(index).check()
    page.get_by_role("button", name=re.compile("Vergelijk de gekozen routes")).click()

    page.wait_for_url(re.compile(r"/opleidingsroutes/vergelijk/\?.*route=.*route=.*route="))
    table = page.locator("table.compare-table")
    assert table.locator("thead th").count() == 3
    assert "Waarom het past" in table.inner_text()
    assert "demo" in table.inner_text()
    assert_no_axe_violations(page)
    page.get_by_role("link", name=re.compile("Terug naar je antwoorden")).click()
    page.wait_for_url(re.compile(r"/opleidingsroutes/\?waar=po$"))


def test_without_javascript_one_form_asks_every_question(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/opleidingsroutes/")

    assert page.locator(".finder-question:visible").count() == 5
    page.get_by_label("Een wo-bachelor", exact=True).check()
    page.get_by_label("De bovenbouw van havo en vwo", exact=True).check()
    page.get_by_role("button", name="Toon passende routes").click()

    page.wait_for_url(re.compile(r"heb=wo&waar=vo-bovenbouw"))
    near = page.locator("section", has=page.locator("#finder-near-title")).inner_text()
    assert "Educatieve master (eerstegraads)" in near
    assert "deze route vraagt een master (hbo of wo)" in near
    assert page.locator(".finder-question:visible").count() == 5


def test_a_route_page_passes_axe_and_says_it_is_demo(page, demo_site):
    page.goto(demo_site + "/opleidingsroutes/zij-instroom-po/")

    assert "voorbeeldroute van de demo" in page.locator("header.hero").inner_text()
    assert page.get_by_role(
        "link", name="Informatieavond: routes naar het leraarschap"
    ).is_visible()
    assert_no_axe_violations(page)
