"""What the conversations app adds to other pages (see razon/related.py): on an
onderwijsregio's page, the scale-level conversations its facilitators published there."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from conversations.models import Board
from razon.related import RelatedItem, RelatedSection


def boards_of_region(region):
    """The boards published on this onderwijsregio's page, the latest closed first (one
    query), with a link to compare them with other regions."""
    boards = (
        Board.objects.published()
        .filter(region=region)
        .only("name", "slug", "closed_at")
        .order_by("-closed_at", "name")
    )
    return RelatedSection(
        _("Schaalniveau-gesprekken"),
        [
            RelatedItem(
                board.name,
                reverse("conversations:published", args=[board.slug]),
                date_format(board.closed_at, "j F Y") if board.closed_at else "",
            )
            for board in boards
        ],
        more_url=reverse("conversations:compare"),
        more_label=_("Vergelijk met andere regio's"),
    )
