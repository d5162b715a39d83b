"""The facilitator's buttons to publish a closed board on an onderwijsregio's page and to
take it off again (conversations/publishing.py). A POST by anyone but the facilitator is
refused (403); the URL followed as a link leads back to the management page."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from conversations.access import facilitator_board
from conversations.publishing import publish, publish_form, unpublish
from conversations.views import _to_manage, post_only


@post_only(_to_manage)
def publish_view(request, code):
    board = facilitator_board(request, code)
    if board.is_open:
        messages.error(request, _("Sluit het bord eerst; daarna kun je het publiceren."))
        return redirect("conversations:manage", code=board.code)
    form = publish_form(board, request.POST)
    if not form.is_valid():
        for error in form.errors.get("region", []):
            messages.error(request, error)
        return redirect("conversations:manage", code=board.code)
    publish(board, form.cleaned_data["region"])
    messages.success(
        request,
        _("Het bord staat nu op de pagina van %(region)s.") % {"region": board.region.name},
    )
    return redirect("conversations:manage", code=board.code)


@post_only(_to_manage)
def unpublish_view(request, code):
    board = facilitator_board(request, code)
    unpublish(board)
    messages.success(request, _("Het bord is niet meer gepubliceerd."))
    return redirect("conversations:manage", code=board.code)
