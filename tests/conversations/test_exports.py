"""The facilitator's exports (CSV, the printable page, the Word document): what they hold,
and that only the management link opens them: a participant, a visitor with the join code,
or the facilitator of another board is sent to the board instead, and gets nothing."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from conversations import exports
from tests.conversations import boards

pytestmark = pytest.mark.django_db

EXPORTS = ["manage_csv", "manage_print", "manage_docx"]


@pytest.fixture
def board():
    board = boards.board("Rijk van Nijmegen, werksessie maart")
    boards.card(
        board,
        "werven",
        "School",
        "Open dagen voor scholieren",
        agree=3,
        comments=["Ook voor ouders", "Samen met de pabo"],
        author_name="Anna",
    )
    boards.card(board, "werven", "Onderwijsregio", '=HYPERLINK("http://x")')
    boards.card(board, "begeleiden", "Schoolbestuur", "Inductieprogramma")
    boards.card(board, "matchen", "School", "Verborgen kaartje", hidden=True)
    target = boards.card(board, "opleiden", "School", "Opleidingsplan")
    boards.card(board, "opleiden", "School", "Opleidingsplan (dubbel)", merged_into=target)
    return board


def url(name, board):
    return reverse(f"conversations:{name}", args=[board.code])


def assert_sent_to_the_board(response, board):
    assert response.status_code == 302
    assert response["Location"] == reverse("conversations:board", args=[board.code])
    assert b"Open dagen" not in response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_has_a_row_per_visible_card_with_agreements_and_comments(board):
    response = boards.facilitator_client(board).get(url("manage_csv", board))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "schaalniveau-rijk-van-nijmegen-werksessie-maart.csv" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    rows = csv_rows(response)
    assert rows[0] == ["Functie", "Schaalniveau", "Activiteit", "Eens (+1)", "Reacties"]
    assert [
        "Werven",
        "School",
        "Open dagen voor scholieren",
        "3",
        "Ook voor ouders\nSamen met de pabo",
    ] in rows
    assert ["Begeleiden", "Schoolbestuur", "Inductieprogramma", "0", ""] in rows
    texts = [row[2] for row in rows[1:]]
    assert "Verborgen kaartje" not in texts and "Opleidingsplan (dubbel)" not in texts
    assert "Opleidingsplan" in texts and len(rows) == 1 + 4
    assert "Anna" not in response.content.decode("utf-8-sig")  # names stay on the board


def test_a_card_that_starts_a_formula_is_text_in_the_csv(board):
    rows = csv_rows(boards.facilitator_client(board).get(url("manage_csv", board)))

    assert ["Werven", "Onderwijsregio", '\'=HYPERLINK("http://x")', "0", ""] in rows


def test_the_print_page_holds_the_question_the_table_and_no_hidden_cards(board):
    response = boards.facilitator_client(board).get(url("manage_print", board))

    assert response.status_code == 200
    assert "conversations/print.html" in [t.name for t in response.templates]
    text = response.content.decode()
    assert exports.QUESTION in text
    assert '<th scope="col">Partnerschap (SO&amp;P)</th>' in text
    assert '<th scope="row">Professionaliseren</th>' in text
    assert "Open dagen voor scholieren" in text and "(+3)" in text
    assert "Verborgen kaartje" not in text and "Opleidingsplan (dubbel)" not in text


def test_card_text_is_plain_text_on_the_print_page():
    board = boards.board()
    boards.card(board, "werven", "School", "<script>alert(1)</script>")

    text = boards.facilitator_client(board).get(url("manage_print", board)).content.decode()

    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_the_word_document_is_the_alliances_format_functions_by_levels(board):
    from docx import Document

    response = boards.facilitator_client(board).get(url("manage_docx", board))

    assert response.status_code == 200
    assert response["Content-Type"] == exports.DOCX_TYPE
    assert ".docx" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert document.core_properties.title == board.name
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    assert paragraphs[0] == board.name
    assert exports.QUESTION in paragraphs
    (table,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == [
        "Functie",
        "School",
        "Schoolbestuur",
        "Partnerschap (SO&P)",
        "Onderwijsregio",
        "Brede regio (RA-ZON)",
    ]
    assert [row[0] for row in cells[1:]] == [
        "Werven",
        "Matchen",
        "Opleiden",
        "Begeleiden",
        "Professionaliseren",
    ]
    assert cells[1][1] == "Open dagen voor scholieren (+3)"
    assert cells[1][4] == '=HYPERLINK("http://x")'  # Word shows text, it runs no formula
    assert cells[2][1] == ""  # the hidden card
    assert cells[3][1] == "Opleidingsplan"
    assert cells[4][2] == "Inductieprogramma"


def test_the_word_document_follows_the_boards_own_levels_and_survives_control_characters():
    from docx import Document

    board = boards.board("Eigen\x07 niveaus", levels=["Klas", "Stad"])
    boards.card(board, "werven", "Stad", "Met\x01 stuur\x1f teken")

    response = boards.facilitator_client(board).get(url("manage_docx", board))

    (table,) = Document(io.BytesIO(response.content)).tables
    assert [cell.text for cell in table.rows[0].cells] == ["Functie", "Klas", "Stad"]
    assert table.rows[1].cells[2].text == "Met stuur teken"


@pytest.mark.parametrize("name", EXPORTS)
def test_a_participant_cannot_export(board, name):
    participant = Client()
    assert participant.get(reverse("conversations:board", args=[board.code])).status_code == 200

    response = participant.get(url(name, board))

    assert_sent_to_the_board(response, board)


@pytest.mark.parametrize("name", EXPORTS)
def test_the_facilitator_of_another_board_cannot_export_this_one(board, name):
    other = boards.facilitator_client(boards.board("Ander bord"))

    assert_sent_to_the_board(other.get(url(name, board)), board)


@pytest.mark.parametrize("name", EXPORTS)
def test_a_wrong_management_secret_opens_nothing(board, name):
    client = Client()
    wrong = board.token[:-2] + ("aa" if not board.token.endswith("aa") else "bb")
    login = reverse("conversations:manage_login", args=[board.code, wrong])

    assert client.get(login).status_code == 404
    assert_sent_to_the_board(client.get(url(name, board)), board)


def test_an_unknown_board_is_not_found():
    client = boards.facilitator_client(boards.board())

    assert client.get("/schaalniveau/ZZZZZZ/beheer/export.csv").status_code == 404


def test_the_management_page_links_the_three_exports(board):
    text = boards.facilitator_client(board).get(url("manage", board)).content.decode()

    for name in EXPORTS:
        assert url(name, board) in text


def test_the_participants_board_links_no_export(board):
    text = Client().get(reverse("conversations:board", args=[board.code])).content.decode()

    for name in EXPORTS:
        assert url(name, board) not in text
    assert board.token not in text
