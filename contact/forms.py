from django import forms
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from contact.models import ContactMessage, Topic
from razon.forms import BotTrapMixin, PublicEmailField, multi_line, one_line


class ContactForm(BotTrapMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organization", "topic", "message", "page"]
        field_classes = {"email": PublicEmailField}
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

    def clean_name(self):
        return one_line(self.cleaned_data["name"])

    def clean_organization(self):
        return one_line(self.cleaned_data["organization"])

    def clean_email(self):
        return one_line(self.cleaned_data["email"])

    def clean_message(self):
        message = multi_line(self.cleaned_data["message"])
        if not message:
            raise forms.ValidationError(_("Schrijf je bericht."))
        return message

    def clean_page(self):
        page = one_line(self.cleaned_data.get("page") or "")
        if not url_has_allowed_host_and_scheme(page, allowed_hosts=None) or not page.startswith(
            "/"
        ):
            return ""
        return page[:500]
