"""What a scale-level board holds about its facilitator, for the AVG tool
(razon/personal_data.py). Participants leave no address: their optional names on cards and
comments belong to the board, which an editor can hide or delete in the admin."""

from django.utils.translation import gettext_lazy as _

from razon.personal_data import when


def describe_board(board):
    return [
        (_("Gestart op"), when(board.created_at)),
        (_("Naam van het bord"), board.name),
        (_("E-mailadres begeleider"), board.facilitator_email),
        (_("Status"), board.get_state_display()),
        (_("Laatste activiteit"), when(board.last_activity_at)),
    ]
