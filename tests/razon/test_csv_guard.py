"""Spreadsheet exports (razon/exports.py): no cell of any export starts a formula, and list
columns keep names that hold commas apart."""

import csv
import io

import pytest
from django.urls import reverse

from partnerships.models import Membership
from razon.exports import cell
from tests import factories

pytestmark = pytest.mark.django_db

# Every start of a formula OWASP lists, followed by a payload.
FORMULAS = ['=HYPERLINK("x")', "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1"]


def read_csv(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_that_starts_a_formula_is_written_as_text(formula):
    assert cell(formula) == f"'{formula}"


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_list_cell_that_starts_a_formula_is_written_as_text(formula):
    assert cell([formula, "b"]).startswith(f"'{formula}")


def test_numbers_stay_numbers():
    assert [cell(-3), cell(12), cell(None), cell("Pabo")] == ["-3", "12", "", "Pabo"]


def test_the_partnership_export_guards_list_columns_and_keeps_names_with_commas_apart(client):
    partnership = factories.partnership(name="Opleidingsschool")
    for name in ['=HYPERLINK("x")', "Stichting Delta, locatie Oost", "\tBestuur"]:
        organization = factories.organization(name=name)
        Membership.objects.create(
            partnership=partnership, organization=organization, role="bestuur"
        )

    rows = read_csv(client.get(reverse("partnerships:export_csv")))

    boards = rows[1][rows[0].index("Schoolbesturen")]
    assert not boards.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert sorted(boards.lstrip("'").split("\n")) == sorted(
        ['=HYPERLINK("x")', "Stichting Delta, locatie Oost", "\tBestuur"]
    )


@pytest.mark.parametrize("formula", FORMULAS)
def test_the_registration_export_in_the_admin_guards_every_cell(superuser_client, formula):
    event = factories.event(title="Sessie")
    factories.registration(event, name=formula, role=formula, question=formula)

    response = superuser_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_registrations", "_selected_action": [event.pk]},
    )

    header, row = read_csv(response)
    for column in ("Naam", "Functie", "Vraag vooraf"):
        assert row[header.index(column)] == f"'{formula}"
