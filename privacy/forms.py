from django import forms
from django.utils.translation import gettext_lazy as _

from razon.forms import PlainLabelsMixin

LOOKUP, EXPORT, CONFIRM_ERASE, ERASE = "lookup", "export", "confirm_erase", "erase"


class DataRequestForm(PlainLabelsMixin, forms.Form):
    """One e-mail address and what to do with its data; the action is the button pressed."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hoofdletters maken niet uit."),
        error_messages={
            "required": _("Vul het e-mailadres in van wie om de gegevens vraagt."),
            "invalid": _("Dit is geen geldig e-mailadres. Vul een adres in zoals naam@school.nl."),
        },
    )
    action = forms.ChoiceField(
        choices=[(action, action) for action in (LOOKUP, EXPORT, CONFIRM_ERASE, ERASE)],
        required=False,
    )

    def clean_action(self):
        return self.cleaned_data["action"] or LOOKUP
