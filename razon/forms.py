"""What every public form needs: text cleaned of control characters, e-mail addresses that
stay one recipient, a bot trap, and labels without a trailing colon."""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

# Control characters other than tab and newline; on one-line fields newlines go too, so that
# nothing a visitor types can ever become an e-mail header.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
LINE_BREAKS = re.compile(r"[\r\n\t]+")
# Characters the e-mail standard allows before the @ (so Django's check accepts them) that
# change what a mailto: link or a mail program makes of the address: ? starts the link's
# headers (cc, bcc, body), & separates them, % encodes, # ends the link, and quotes and
# backslashes make a quoted local part. No school or company hands out such an address.
LINK_CHARACTERS = re.compile(r'[?&%#"\\]')
TIMESTAMP_SALT = "razon.forms.started"


class PlainLabelsMixin:
    """Labels without Django's trailing colon ("Naam", not "Naam:"): on this site a label
    stands above its field, in the public forms and the admin alike."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class MultiLineField(forms.CharField):
    """Free text a visitor types: after the usual checks (which refuse a null character),
    control characters other than tab and newline are removed. A required field left empty
    by that is missing, with the field's own "required" message."""

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        if value := self.clean_text(value):
            return value
        if self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return self.empty_value

    def clean_text(self, value):
        return CONTROL_CHARACTERS.sub("", value).strip()


class OneLineField(MultiLineField):
    """One line of text (a name, an organisation): cleaned as MultiLineField, and line breaks
    and tabs become spaces, so that nothing typed can ever become an e-mail header."""

    def clean_text(self, value):
        return LINE_BREAKS.sub(" ", super().clean_text(value)).strip()


class PublicEmailField(OneLineField, forms.EmailField):
    """A visitor's e-mail address: checked as one and cleaned as OneLineField, and refused
    with a clear message when it holds a character that would turn a reply link into
    something else (LINK_CHARACTERS)."""

    def run_validators(self, value):
        super().run_validators(value)
        if value and LINK_CHARACTERS.search(value):
            raise forms.ValidationError(
                _(
                    "Dit e-mailadres bevat een teken dat we niet kunnen gebruiken "
                    "(%(characters)s of een aanhalingsteken). Vul je gewone e-mailadres in, "
                    "zoals naam@school.nl."
                )
                % {"characters": "? & % #"},
                code="link_characters",
            )


def fresh_start_time():
    """The signed moment a form is shown (the page cache puts a fresh one in each response)."""
    return signing.dumps(time.time(), salt=TIMESTAMP_SALT)


class BotTrapMixin(forms.Form):
    """A honeypot field (hidden from people and screen readers by CSS; bots fill it in) and a
    signed start time: `looks_automated()` is True for a filled honeypot or a form sent
    faster than a person can fill it in. Bots are not told: their submission is set aside."""

    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        if not self.is_bound:
            self.initial["started"] = fresh_start_time()

    def looks_automated(self):
        if self.cleaned_data.get("website"):
            return True
        try:
            started = signing.loads(self.cleaned_data.get("started", ""), salt=TIMESTAMP_SALT)
        except signing.BadSignature:
            return True
        return time.time() - float(started) < settings.RAZON_FORM_MIN_SECONDS
