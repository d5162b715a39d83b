from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Registration
from razon.forms import (
    BotTrapMixin,
    MultiLineField,
    OneLineField,
    PlainLabelsMixin,
    PublicEmailField,
)


class RegistrationForm(PlainLabelsMixin, BotTrapMixin, forms.ModelForm):
    """Registration for one event; the event's own question, if any, replaces the
    general "question in advance"."""

    class Meta:
        model = Registration
        fields = ["name", "email", "organization", "role", "question"]
        field_classes = {
            "name": OneLineField,
            "email": PublicEmailField,
            "organization": OneLineField,
            "role": OneLineField,
            "question": MultiLineField,
        }
        labels = {
            "organization": _("Organisatie (optioneel)"),
            "role": _("Functie (optioneel)"),
            "question": _("Vraag vooraf (optioneel)"),
        }
        widgets = {"question": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "name": {
                "required": _("Vul je naam in."),
                "max_length": _("Je naam is te lang: gebruik hoogstens %(limit_value)d tekens."),
            },
            "email": {
                "required": _("Vul je e-mailadres in; daar sturen we de bevestiging naartoe."),
                "invalid": _("Vul een geldig e-mailadres in, zoals naam@school.nl."),
                "max_length": _("Dit e-mailadres is te lang."),
            },
            "organization": {
                "max_length": _("Gebruik hoogstens %(limit_value)d tekens voor je organisatie.")
            },
            "role": {"max_length": _("Gebruik hoogstens %(limit_value)d tekens voor je functie.")},
            "question": {
                "max_length": _(
                    "Je vraag is te lang: gebruik hoogstens %(limit_value)d tekens "
                    "(nu %(show_value)d)."
                )
            },
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = self.instance.event = event
        if event.extra_question:
            self.fields["question"].label = event.extra_question
        for name, autocomplete in [
            ("name", "name"),
            ("email", "email"),
            ("organization", "organization"),
            ("role", "organization-title"),
        ]:
            self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def clean_email(self):
        return self.cleaned_data["email"].lower()
