"""Publishing a closed board on an onderwijsregio's page (and on /schaalniveau/vergelijken/),
and taking it off again: the facilitator's choice, through the management link only.

A published board is always closed (`Board.objects.published()` asks both): reopening it
takes it off the pages until it is closed and published again (`unpublish`). The views are
in `publish_views.py`."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy

from razon.forms import PlainLabelsMixin
from regions.models import EducationRegion


class PublishForm(PlainLabelsMixin, forms.Form):
    region = forms.ModelChoiceField(
        label=gettext_lazy("Onderwijsregio"),
        queryset=EducationRegion.objects.none(),
        empty_label=gettext_lazy("— kies de onderwijsregio —"),
        help_text=gettext_lazy("Het bord verschijnt op de pagina van deze onderwijsregio."),
        error_messages={"required": gettext_lazy("Kies de onderwijsregio van dit gesprek.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = EducationRegion.objects.published().order_by("name")
        self.fields["region"].widget.attrs["aria-describedby"] = f"{self['region'].auto_id}-help"


def publish_form(board, data=None):
    return PublishForm(data, initial={"region": board.region_id}, prefix="publish")


def publish(board, region):
    """Publishes a closed board on `region`'s page (a save: the page cache's topic
    "conversations" renews the pages that show published boards)."""
    board.region = region
    board.is_published = True
    board.published_at = timezone.now()
    board.save(update_fields=["region", "is_published", "published_at"])


def unpublish(board):
    if board.is_published:
        board.is_published = False
        board.published_at = None
        board.save(update_fields=["is_published", "published_at"])
