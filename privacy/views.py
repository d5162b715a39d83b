from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from privacy import export
from privacy.forms import CONFIRM_ERASE, ERASE, EXPORT, LOOKUP, DataRequestForm
from privacy.models import Action, DataRequestLog
from razon import personal_data
from razon.preview import staff_required

PERMISSION = "privacy.handle_datarequestlog"
EARLIER_REQUESTS = 10


@never_cache
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def data_request(request):
    """Everything the portal holds for one e-mail address (AVG): look it up, download it as a
    file for the person, or erase it after a confirmation. Every lookup, export and erasure
    is recorded in DataRequestLog. POST only, so no address ends up in a URL or a log."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = DataRequestForm(request.POST or None)
    context = {
        **admin.site.each_context(request),
        "title": _("Gegevens van één persoon (AVG)"),
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        address, action = form.cleaned_data["email"], form.cleaned_data["action"]
        if action == ERASE:
            with transaction.atomic():
                erased = personal_data.erase(address)
                entry = DataRequestLog.record(request.user, Action.ERASE, address, erased)
            messages.success(
                request, _("Gewist en vastgelegd: %(counts)s.") % {"counts": entry.counts_text()}
            )
            return redirect("privacy:data_request")
        found = personal_data.find(address)
        earlier = list(DataRequestLog.objects.for_address(address)[:EARLIER_REQUESTS])
        if action == EXPORT:
            DataRequestLog.record(request.user, Action.EXPORT, address, personal_data.counts(found))
            response = HttpResponse(
                export.export_text(address, found), content_type="text/plain; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{export.filename()}"'
            return response
        if action == LOOKUP:
            DataRequestLog.record(request.user, Action.LOOKUP, address, personal_data.counts(found))
        context.update(
            address=address,
            found=found,
            total=sum(len(item.rows) for item in found),
            confirming=action == CONFIRM_ERASE,
            earlier=earlier,
        )
    return TemplateResponse(request, "admin/privacy/data_request.html", context)
