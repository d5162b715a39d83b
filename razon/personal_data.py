"""The personal data visitors leave behind, found, exported and erased by e-mail address (AVG).

Every app whose rows hold a visitor's e-mail address registers them here in its
AppConfig.ready, as it registers owed mail with razon/mail.py: how to find the rows of one
address (case-insensitive), what each row holds (label and value, for the secretariat's page
and the file the person receives) and how to erase them. The secretariat's page (privacy/)
asks this registry only, so it knows no app's models, and a model registered later is
looked up, exported and erased with the rest.

Erasing also blanks the rows' names in the admin's log (LogEntry keeps `str(obj)` of every
object changed in the admin), so no name or message survives there either."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

ERASED = _("(gegevens verwijderd)")


@dataclass(frozen=True)
class Holder:
    name: str  # a stable key, kept in the request log: "contact messages"
    label: str  # what the secretariat and the person read: "Contactberichten"
    find: Callable  # address -> a queryset of the rows that hold it, compared case-insensitively
    describe: Callable  # row -> [(label, text)]: everything the row holds about the person
    erase: Callable  # queryset -> how many rows were erased (deleted or anonymised in place)
    erasing: str  # what erasing does to these rows, told before the secretariat confirms


_holders = {}


def register(name, *, label, find, describe, erase, erasing):
    _holders[name] = Holder(name, label, find, describe, erase, erasing)


def holders():
    return list(_holders.values())


def labelled(counts):
    """[(label, count)] of {holder name: count} in the holders' order (a JSON column may not
    keep the keys' order); a name no longer registered comes last, as it is."""
    known = [(h.label, counts[h.name]) for h in holders() if h.name in counts]
    return known + [(name, count) for name, count in counts.items() if name not in _holders]


@dataclass
class Found:
    """The rows of one holder for one address."""

    holder: Holder
    rows: list

    @property
    def records(self):
        """Each row as [(label, text)]."""
        return [self.holder.describe(row) for row in self.rows]


def find(address):
    """[Found] for every registered holder, in the apps' order; empty ones included."""
    return [Found(holder, list(holder.find(address))) for holder in holders()]


def counts(found):
    """{holder name: number of rows}, as the request log keeps it."""
    return {item.holder.name: len(item.rows) for item in found}


def erase(address):
    """Erases everything every holder keeps for the address, in one transaction; returns
    {holder name: number of rows erased}."""
    with transaction.atomic():
        return {holder.name: holder.erase(holder.find(address)) for holder in holders()}


def forget_in_admin_log(queryset):
    """Blanks the name the admin's log keeps of these rows (`object_repr`, which is
    `str(obj)`: a visitor's name and the start of their message)."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    # One statement with a subquery (the log keeps ids as text): no list of ids, however
    # many rows a first purge meets.
    ids = queryset.order_by().annotate(id_text=Cast("pk", TextField())).values("id_text")
    LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
        object_repr=str(ERASED)
    )


def address_digest(address):
    """A keyed hash of the address (the key derived from SECRET_KEY): the request log can tell
    a later request for the same address without keeping the address."""
    normalised = address.strip().lower()
    return salted_hmac("razon.personal_data.address", normalised, algorithm="sha256").hexdigest()


def when(moment):
    """A moment as the person reads it: Dutch local time."""
    if moment is None:
        return ""
    return date_format(timezone.localtime(moment), "j F Y, H:i")
