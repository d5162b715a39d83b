"""The text fields of the public forms (razon/forms.py): what a visitor types is cleaned of
control characters, and one-line fields of line breaks, after the usual checks."""

import pytest
from django import forms

from razon.forms import MultiLineField, OneLineField, PublicEmailField


@pytest.mark.parametrize(
    "typed, cleaned",
    [
        ("Anna de Vries", "Anna de Vries"),
        ("  Anna  ", "Anna"),
        ("Anna\r\nBcc: x@example.org", "Anna Bcc: x@example.org"),
        ("Anna\n\n\tde Vries", "Anna de Vries"),
        ("An\x01na\x1b[31m\x7f", "Anna[31m"),
        ("Anna\u2028de\u2029Vries\x85", "AnnadeVries"),
        ("Zoë Çelik", "Zoë Çelik"),
    ],
)
def test_a_one_line_field_removes_control_characters_and_line_breaks(typed, cleaned):
    assert OneLineField().clean(typed) == cleaned


@pytest.mark.parametrize(
    "typed, cleaned",
    [
        ("Eerste regel\r\nTweede regel\n\nAlinea", "Eerste regel\r\nTweede regel\n\nAlinea"),
        ("Kolom\tkolom", "Kolom\tkolom"),
        (" Vraag\x0b\x0c\x1b\u2028? \n", "Vraag?"),
    ],
)
def test_a_multi_line_field_keeps_line_breaks_and_tabs_but_no_other_control_characters(
    typed, cleaned
):
    assert MultiLineField().clean(typed) == cleaned


@pytest.mark.parametrize("field_class", [OneLineField, MultiLineField])
def test_a_null_character_is_refused_not_removed(field_class):
    with pytest.raises(forms.ValidationError) as error:
        field_class().clean("Anna\x00")

    assert [e.code for e in error.value.error_list] == ["null_characters_not_allowed"]


@pytest.mark.parametrize("field_class", [OneLineField, MultiLineField])
def test_a_required_field_with_only_control_characters_is_missing(field_class):
    field = field_class(error_messages={"required": "Vul je naam in."})

    with pytest.raises(forms.ValidationError, match=r"Vul je naam in\."):
        field.clean(" \x01\x02\u2028 ")


def test_an_optional_field_left_empty_by_cleaning_is_empty():
    assert OneLineField(required=False).clean("\x01\r\n") == ""
    assert OneLineField(required=False, empty_value=None).clean("\x01") is None
    assert OneLineField(required=False).clean("") == ""


def test_the_length_is_checked_on_what_was_typed():
    with pytest.raises(forms.ValidationError):
        OneLineField(max_length=5).clean("Anna\x01\x01")


def test_an_email_field_checks_the_address_then_cleans_it():
    field = PublicEmailField()

    assert field.clean(" anna@school.example ") == "anna@school.example"
    bad_addresses = [
        "anna@school.example\r\nBcc: x@example.org",
        "\x01",
        "geen-adres",
        '"an\x01na"@school.example',  # quoted local parts change what a mailto: link does
    ]
    for bad in bad_addresses:
        with pytest.raises(forms.ValidationError):
            field.clean(bad)
