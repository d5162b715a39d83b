"""What registrations and waiting-list places hold about a person, for the AVG tool
(razon/personal_data.py)."""

from django.utils.translation import gettext_lazy as _

from razon.personal_data import when


def describe_registration(registration):
    event = registration.event
    return [
        (_("Bijeenkomst"), event.title),
        (_("Datum"), when(event.starts_at)),
        (_("Naam"), registration.name),
        (_("E-mailadres"), registration.email),
        (_("Organisatie"), registration.organization),
        (_("Functie"), registration.role),
        (_("Vraag vooraf"), registration.question),
        (_("Status"), registration.get_status_display()),
        (_("Aangemeld op"), when(registration.created_at)),
        (_("Afgemeld op"), when(registration.cancelled_at)),
    ]
