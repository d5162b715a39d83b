from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from contact.models import ContactMessage, Topic
from razon.forms import (
    BotTrapMixin,
    MultiLineField,
    OneLineField,
    PlainLabelsMixin,
    PublicEmailField,
)


class ContactForm(PlainLabelsMixin, BotTrapMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organization", "topic", "message", "page"]
        field_classes = {
            "name": OneLineField,
            "email": PublicEmailField,
            "organization": OneLineField,
            "message": MultiLineField,
            "page": OneLineField,
        }
        labels = {"organization": _("Organisatie (optioneel)"), "topic": _("Onderwerp")}
        widgets = {
            "page": forms.HiddenInput,
            "message": forms.Textarea(attrs={"rows": 6}),
            "topic": forms.RadioSelect,
        }
        error_messages = {
            "name": {"required": _("Vul je naam in.")},
            "email": {
                "required": _("Vul je e-mailadres in, dan kunnen we je antwoorden."),
                "invalid": _("Vul een geldig e-mailadres in, zoals naam@school.nl."),
            },
            "message": {"required": _("Schrijf je bericht.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The model's blank choice reads "---------"; a radio list needs words.
        self.fields["topic"].choices = [("", _("Geen keuze")), *Topic.choices]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organization"].widget.attrs["autocomplete"] = "organization"

    def clean_page(self):
        page = self.cleaned_data["page"]
        if not url_has_allowed_host_and_scheme(page, allowed_hosts=None) or not page.startswith(
            "/"
        ):
            return ""
        return page[:500]
