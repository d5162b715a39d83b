"""The scale-level conversation in a browser: a facilitator starts a board, participants
join with the code, add cards, move one by keyboard, and a second browser sees the changes
without reloading; the same without JavaScript; axe finds nothing on any of the pages."""

import re

import pytest

from conversations.models import Board, Card
from tests.e2e.conftest import assert_no_axe_violations


@pytest.fixture(autouse=True)
def quick(settings):
    settings.RAZON_FORM_MIN_SECONDS = 0
    settings.RAZON_CONVERSATION_POLL_SECONDS = 1


def start(page, site):
    page.goto(site + "/schaalniveau/")
    assert_no_axe_violations(page)
    page.get_by_label("Naam van het gesprek", exact=True).fill(
        "Rijk van Nijmegen, werksessie maart"
    )
    page.get_by_label("Jouw e-mailadres", exact=True).fill("begeleider@school.example")
    page.get_by_role("button", name="Start het gesprek").click()
    page.wait_for_selector("h1:has-text('Je gesprek is gestart')")
    assert "/beheer/" in page.get_by_role("textbox", name="Beheerlink").input_value()
    assert_no_axe_violations(page)
    return Board.objects.get(name="Rijk van Nijmegen, werksessie maart")


def join(page, site, code):
    page.goto(site + "/schaalniveau/")
    page.get_by_label("Code", exact=True).fill(code.lower())
    page.get_by_role("button", name="Naar het bord").click()
    page.wait_for_selector("h1:has-text('Rijk van Nijmegen')")


def add(page, text, function="Opleiden", level="School"):
    form = page.locator("#add-card")
    form.get_by_label("Functie", exact=True).select_option(label=function)
    form.get_by_label("Schaalniveau", exact=True).select_option(label=level)
    form.get_by_label("Activiteit", exact=True).fill(text)
    form.get_by_role("button", name="Zet op het bord").click()


def column_of(page, card_id):
    """The header of the column the card stands in."""
    return page.evaluate(
        """id => {
            const cell = document.getElementById('kaartje-' + id).closest('td');
            return document.querySelectorAll('#grid thead th')[cell.cellIndex].innerText;
        }""",
        card_id,
    )


def test_join_add_move_by_keyboard_and_see_it_live_in_another_browser(page, browser, demo_site):
    board = start(page, demo_site)
    page.get_by_role("link", name="Naar het bord").click()
    page.wait_for_selector("#grid")

    other_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    other = other_context.new_page()
    try:
        join(other, demo_site, board.code)
        assert_no_axe_violations(other)

        add(page, "Opleidingsplan met de lerarenopleiding")
        page.wait_for_function("() => document.activeElement.id === 'id_text'")
        card = Card.objects.get(board=board)
        page.wait_for_selector(f"#kaartje-{card.pk}")
        # The other browser sees it without reloading (the board polls).
        other.wait_for_selector(f"#kaartje-{card.pk}:has-text('Opleidingsplan')", timeout=8000)

        # Moving by keyboard only: focus the card's list, choose with the arrow keys, Enter.
        select = other.locator(f"#verplaats-{card.pk}")
        select.focus()
        other.keyboard.press("ArrowDown")
        other.keyboard.press("ArrowDown")
        other.keyboard.press("Tab")
        assert other.evaluate("() => document.activeElement.innerText") == "Verplaats"
        other.keyboard.press("Enter")
        other.wait_for_function(
            "id => document.getElementById('kaartje-' + id).closest('td').cellIndex === 3",
            arg=card.pk,
        )
        card.refresh_from_db()
        assert card.level.name == "Partnerschap (SO&P)"
        assert column_of(other, card.pk) == "Partnerschap (SO&P)"
        # Focus stays with the card moved, so the next key goes on from there.
        other.wait_for_function(
            "id => document.activeElement && document.activeElement.id === 'kaartje-' + id",
            arg=card.pk,
        )
        # ...and the first browser follows.
        page.wait_for_function(
            """id => {
                const cell = document.getElementById('kaartje-' + id).closest('td');
                return document.querySelectorAll('#grid thead th')[cell.cellIndex].innerText
                    === 'Partnerschap (SO&P)';
            }""",
            arg=card.pk,
            timeout=8000,
        )

        # +1 by keyboard, once.
        other.locator(f"#kaartje-{card.pk} button:has-text('+1')").focus()
        other.keyboard.press("Enter")
        other.wait_for_selector(f"#kaartje-{card.pk} button:has-text('+1')[disabled]")
        page.wait_for_selector(f"#kaartje-{card.pk}:has-text('+1 ')", timeout=8000)
        assert card.agreements.count() == 1
        assert_no_axe_violations(page)
        assert_no_axe_violations(other)
    finally:
        other_context.close()


def test_the_board_works_without_javascript(page_without_js, demo_site):
    page = page_without_js
    page.goto(demo_site + "/schaalniveau/")
    page.get_by_label("Naam van het gesprek", exact=True).fill(
        "Rijk van Nijmegen, zonder JavaScript"
    )
    page.get_by_label("Jouw e-mailadres", exact=True).fill("begeleider@school.example")
    page.get_by_role("button", name="Start het gesprek").click()
    page.wait_for_selector("h1:has-text('Je gesprek is gestart')")
    board = Board.objects.get(name__endswith="zonder JavaScript")
    join(page, demo_site, board.code)

    add(page, "Samen werven", function="Werven", level="Onderwijsregio")
    page.wait_for_selector("text=Je kaartje staat op het bord.")
    card = Card.objects.get(board=board)
    assert re.search(rf"#kaartje-{card.pk}$", page.url)
    page.locator(f"#verplaats-{card.pk}").select_option(label="School")
    page.locator(f"#kaartje-{card.pk}").get_by_role("button", name="Verplaats").click()
    page.wait_for_selector("text=Kaartje verplaatst naar School.")
    assert column_of(page, card.pk) == "School"
    page.locator(f"#kaartje-{card.pk}").get_by_role("link").click()
    page.get_by_label("Reactie", exact=True).fill("Goed plan")
    page.get_by_role("button", name="Reageer").click()
    page.wait_for_selector(f"#kaartje-{card.pk}:has-text('Goed plan')")
    # No axe here: axe is a script (see assert_no_axe_violations); the same pages are checked
    # with JavaScript on in the tests above.


def test_the_facilitator_closes_the_board_and_it_stays_readable(page, demo_site):
    board = start(page, demo_site)
    page.get_by_role("link", name="Beheer dit bord").click()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Sluit het bord").click()
    page.wait_for_selector("text=Het bord is gesloten")
    page.get_by_role("link", name="Naar het bord").first.click()
    page.wait_for_selector("text=Dit bord is gesloten")
    assert page.locator("#add-card").count() == 0
    board.refresh_from_db()
    assert not board.is_open
