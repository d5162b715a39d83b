import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

from contact.models import ContactMessage, Topic

# Control characters other than tab and newline; on one-line fields newlines go too, so that
# nothing a visitor types can ever become an e-mail header.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAKS = re.compile(r"[\r\n\t]+")
TIMESTAMP_SALT = "contact.form.started"


def _one_line(value):
    return LINE_BREAKS.sub(" ", CONTROL_CHARACTERS.sub("", value)).strip()


class ContactForm(forms.ModelForm):
    # Honeypot: hidden from people (and screen readers) by CSS; bots fill it in.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organization", "topic", "message", "page"]
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
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not self.is_bound:
            self.initial["started"] = signing.dumps(time.time(), salt=TIMESTAMP_SALT)

    def clean_name(self):
        return _one_line(self.cleaned_data["name"])

    def clean_organization(self):
        return _one_line(self.cleaned_data["organization"])

    def clean_email(self):
        return _one_line(self.cleaned_data["email"])

    def clean_message(self):
        message = CONTROL_CHARACTERS.sub("", self.cleaned_data["message"]).strip()
        if not message:
            raise forms.ValidationError(_("Schrijf je bericht."))
        return message

    def clean_page(self):
        page = _one_line(self.cleaned_data.get("page") or "")
        if not url_has_allowed_host_and_scheme(page, allowed_hosts=None) or not page.startswith(
            "/"
        ):
            return ""
        return page[:500]

    def looks_automated(self):
        """True for a filled-in honeypot or a form sent faster than a person can type."""
        if self.cleaned_data.get("website"):
            return True
        try:
            started = signing.loads(self.cleaned_data.get("started", ""), salt=TIMESTAMP_SALT)
        except signing.BadSignature:
            return True
        return time.time() - float(started) < settings.RAZON_CONTACT_MIN_SECONDS
