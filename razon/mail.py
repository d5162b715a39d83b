"""Mail that rows in the database are owed, sent by a worker beside the site (`manage.py
mail_worker`; `manage.py send_mail` for one pass), never inside a visitor's request.

An app registers each kind of owed mail in its AppConfig.ready: the rows that owe one, their
failed-attempts field, and a function that sends one. That function claims the mail in one
UPDATE (so two workers never both send it), sends it with `deliver`, and on a failure gives
the claim back for a later pass. A mail server that is down or hangs delays mail, loses none."""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Min
from django.utils import timezone

logger = logging.getLogger(__name__)

ERROR_LENGTH = 300


@dataclass(frozen=True)
class Outbox:
    owed: Callable  # () -> a queryset of the rows that owe a mail
    attempts_field: str  # how often sending the row's mail failed
    send: Callable  # pk -> True (sent), False (failed) or None (nothing to send: claimed)
    since: object  # a field or expression: when the row came to owe its mail (or earlier)


_outboxes = {}


def site_url(path):
    """The absolute address of a path on the site, for links in mail (which has no request):
    from `RAZON_SITE_URL`."""
    return f"{settings.RAZON_SITE_URL.rstrip('/')}{path}"


def register(name, *, owed, attempts_field, send, since="created_at"):
    _outboxes[name] = Outbox(owed, attempts_field, send, since)


def waiting():
    """(how many mails are owed in all outboxes, the age in seconds of the oldest or None):
    for /healthz, so a mail worker that stopped is noticed. One query per outbox."""
    count, oldest = 0, None
    for outbox in _outboxes.values():
        since = F(outbox.since) if isinstance(outbox.since, str) else outbox.since
        found = outbox.owed().aggregate(count=Count("pk"), oldest=Min(since))
        count += found["count"]
        if found["oldest"] is not None and (oldest is None or found["oldest"] < oldest):
            oldest = found["oldest"]
    age = None if oldest is None else max(0, round((timezone.now() - oldest).total_seconds()))
    return count, age


def send_owed(*, retry=True, stop=lambda: False):
    """One pass over every outbox, oldest mail first; returns (sent, failed). Without `retry`
    only mail never tried is sent (failed mail waits for a retrying pass, so a mail server
    that refuses one message is not asked again every few seconds). Ends early, between two
    mails, once `stop()` is true."""
    results = []
    for outbox in _outboxes.values():
        rows = outbox.owed()
        if not retry:
            rows = rows.filter(**{outbox.attempts_field: 0})
        for pk in list(rows.order_by("pk").values_list("pk", flat=True)):
            if stop():
                break
            results.append(outbox.send(pk))
    return results.count(True), results.count(False)


def deliver(build_message, *, description, on_failure, on_success):
    """Builds the message with `build_message()` and sends it; True when it went out. On any
    failure, building included, logs it, calls `on_failure(error_text)` and returns False."""
    try:
        build_message().send(fail_silently=False)
    except Exception as error:  # any mail failure: keep what is owed, retry later
        logger.warning("%s failed: %s", description, error)
        on_failure(str(error)[:ERROR_LENGTH])
        return False
    on_success()
    return True
