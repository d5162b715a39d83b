"""The file a person receives with everything the portal holds for their address.

Plain UTF-8 text: every computer and phone opens it without a program to install or a
format to explain, it can be attached to the secretariat's reply as it is, and it holds
every field under a readable label (see docs/decisions.md)."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from razon import personal_data


def filename(now=None):
    moment = timezone.localtime(now or timezone.now())
    return f"gegevens-ra-zon-{moment:%Y-%m-%d}.txt"


def export_text(address, found, now=None):
    """Everything in `found` (razon.personal_data.find) as text, in Dutch like the site."""
    with translation.override(settings.LANGUAGE_CODE):
        privacy_url = f"{settings.RAZON_SITE_URL.rstrip('/')}{reverse('privacy')}"
        lines = [
            _("Gegevens die RA-ZON bewaart bij het e-mailadres %(address)s") % {"address": address},
            _("Opgemaakt op %(moment)s.") % {"moment": personal_data.when(now or timezone.now())},
            _("Waarom we deze gegevens bewaren, wie ze leest en hoe lang: %(url)s")
            % {"url": privacy_url},
        ]
        for item in found:
            heading = f"{item.holder.label} ({len(item.rows)})"
            lines += ["", heading, "=" * len(heading)]
            if not item.rows:
                lines.append(_("Geen."))
            for number, record in enumerate(item.records, 1):
                lines += ["", f"{number}."]
                for label, text in record:
                    lines += _field(label, text)
        return "\n".join(lines) + "\n"


def _field(label, text):
    """`label: text`; a text of more lines below its label, indented."""
    text_lines = str(text).splitlines() or [""]
    if len(text_lines) == 1:
        return [f"{label}: {text_lines[0]}"]
    return [f"{label}:", *(f"    {line}" for line in text_lines)]
