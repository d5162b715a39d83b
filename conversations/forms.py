from django import forms
from django.utils.translation import gettext_lazy as _

from conversations.models import (
    BOARD_NAME_MAX,
    CARD_TEXT_MAX,
    COMMENT_TEXT_MAX,
    LEVEL_NAME_MAX,
    NAME_MAX,
    Function,
)
from razon.forms import BotTrapMixin, OneLineField, PlainLabelsMixin, PublicEmailField


def _limited(max_length, label, **kwargs):
    """A one-line field whose "too long" message says the limit in plain words."""
    return OneLineField(
        label=label,
        max_length=max_length,
        error_messages={
            "max_length": _("Maximaal %(limit_value)d tekens; je typte er %(show_value)d.")
        },
        **kwargs,
    )


class StartForm(PlainLabelsMixin, BotTrapMixin):
    name = _limited(
        BOARD_NAME_MAX,
        _("Naam van het gesprek"),
        help_text=_('Bijvoorbeeld "Onderwijsregio Rijk van Nijmegen, werksessie maart".'),
    )
    email = PublicEmailField(
        label=_("Jouw e-mailadres"),
        max_length=254,
        help_text=_("Hier sturen we de beheerlink heen. Het staat nergens op de site."),
    )


class JoinForm(PlainLabelsMixin, forms.Form):
    code = OneLineField(label=_("Code"), max_length=20)


class CardForm(PlainLabelsMixin, forms.Form):
    function = forms.ChoiceField(label=_("Functie"), choices=Function.choices)
    level = forms.TypedChoiceField(label=_("Schaalniveau"), coerce=int)
    text = _limited(CARD_TEXT_MAX, _("Activiteit"), help_text=_("Kort: hoogstens 140 tekens."))
    author_name = _limited(
        NAME_MAX,
        _("Je naam (optioneel)"),
        required=False,
        help_text=_("Alleen op dit bord te zien."),
    )

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(level.pk, level.name) for level in levels]
        self.fields["text"].widget.attrs["maxlength"] = CARD_TEXT_MAX


class MoveForm(forms.Form):
    level = forms.TypedChoiceField(label=_("Naar schaalniveau"), coerce=int)

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [(level.pk, level.name) for level in levels]


class CommentForm(PlainLabelsMixin, forms.Form):
    text = _limited(COMMENT_TEXT_MAX, _("Reactie"), help_text=_("Kort: hoogstens 280 tekens."))
    author_name = _limited(
        NAME_MAX,
        _("Je naam (optioneel)"),
        required=False,
        help_text=_("Alleen op dit bord te zien."),
    )


class LevelForm(PlainLabelsMixin, forms.Form):
    name = _limited(LEVEL_NAME_MAX, _("Naam"))
    position = forms.IntegerField(label=_("Volgorde"), min_value=0, max_value=999, required=False)


class RemoveLevelForm(forms.Form):
    move_to = forms.TypedChoiceField(
        label=_("Kaartjes verplaatsen naar"), coerce=int, required=False
    )

    def __init__(self, *args, levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["move_to"].choices = [("", "—")] + [(level.pk, level.name) for level in levels]


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Samenvoegen met"))
