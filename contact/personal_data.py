"""What a contact message holds about its sender, for the AVG tool (razon/personal_data.py)."""

from django.utils.translation import gettext_lazy as _

from razon.personal_data import when


def describe_message(message):
    """Everything the message holds, the secretariat's notes included: notes about a person
    are their data too, so they see them (the secretariat reads the file before sending it)."""
    return [
        (_("Ontvangen"), when(message.created_at)),
        (_("Naam"), message.name),
        (_("E-mailadres"), message.email),
        (_("Organisatie"), message.organization),
        (_("Onderwerp"), message.get_topic_display()),
        (_("Bericht"), message.message),
        (_("Verstuurd vanaf"), message.page),
        (_("Status"), message.get_status_display()),
        (_("Interne notities"), message.notes),
    ]
