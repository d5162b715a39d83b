"""Mail that rows in the database are owed, sent by a worker beside the site (`manage.py
mail_worker`; `manage.py send_mail` for one pass), never inside a visitor's request.

An app registers each kind of owed mail in its AppConfig.ready: the rows that owe one, their
fields for failed attempts, the last error and the claim, and a function that sends one.
The worker claims each mail before it sends it: one UPDATE records when (the claim field),
and only when no claim is held, or the one held is older than RAZON_MAIL_CLAIM_SECONDS, so
two workers never both send a mail within a claim. The mail counts as sent only once the
mail server accepted it (the send function records that through `Claim.deliver`); a failure
gives the claim back at once, and a claim nobody gave back (the worker killed mid-send, the
database away when it tried) lapses and a later pass takes the mail again. A mail server
or a worker that fails delays mail, loses none; a mail can go out twice only when the worker
dies between the mail server's acceptance and the UPDATE that records it."""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError
from django.db.models import Case, Count, F, Min, Q, Value, When
from django.utils import timezone

logger = logging.getLogger(__name__)

ERROR_LENGTH = 300


@dataclass(frozen=True)
class Outbox:
    owed: Callable  # () -> a queryset of the rows that owe a mail (claimed ones included)
    send: Callable  # Claim -> True (sent), False (failed) or None (nothing to send)
    attempts_field: str  # how often sending the row's mail failed
    error_field: str  # the last failure's text
    claim_field: str  # when a worker claimed the mail (null: unclaimed)
    since: object  # a field or expression: when the row came to owe its mail (or earlier)

    def unclaimed(self, now):
        """The rows no worker holds: never claimed, or the claim lapsed."""
        lapsed = now - timedelta(seconds=settings.RAZON_MAIL_CLAIM_SECONDS)
        return Q(**{f"{self.claim_field}__isnull": True}) | Q(**{f"{self.claim_field}__lt": lapsed})

    def claim(self, pk):
        """Claims row `pk`'s mail in one UPDATE, only if it is owed and unclaimed, so of two
        workers at once only one gets it. Returns the Claim, or None."""
        now = timezone.now()
        rows = self.owed().filter(self.unclaimed(now), pk=pk)
        return Claim(self, pk, now) if rows.update(**{self.claim_field: now}) else None


@dataclass(frozen=True)
class Claim:
    """A mail this worker holds: no other pass takes it until RAZON_MAIL_CLAIM_SECONDS after
    `at`. The send function ends it with `deliver` (or `finish` when there is nothing to
    send); one that never ends it (a killed worker) leaves it to lapse."""

    outbox: Outbox
    pk: object
    at: datetime

    def deliver(self, build_message, *, description, sent):
        """Builds the message with `build_message()` and sends it; True when the mail server
        accepted it, and then records `sent` (the field values that say so). On any failure,
        building included, logs it, counts the attempt, keeps the error text, gives the claim
        back and returns False."""
        try:
            build_message().send(fail_silently=False)
        except Exception as error:  # any mail failure: keep what is owed, retry later
            logger.warning("%s failed: %s", description, error)
            self._give_back(str(error)[:ERROR_LENGTH], description)
            return False
        self.finish(**sent, **{self.outbox.error_field: ""})
        return True

    def finish(self, **values):
        """Records `values` (the mail went out, or is not to be sent after all) and ends the
        claim, in one UPDATE."""
        self._row().update(**values, **{self.outbox.claim_field: self._released()})

    def _give_back(self, error, description):
        attempts = self.outbox.attempts_field
        try:
            self._row().update(
                **{
                    attempts: F(attempts) + 1,
                    self.outbox.error_field: error,
                    self.outbox.claim_field: self._released(),
                }
            )
        except DatabaseError:
            logger.warning(
                "%s stays claimed (the database is away): taken again after %s s.",
                description,
                settings.RAZON_MAIL_CLAIM_SECONDS,
            )
            raise

    def _row(self):
        return self.outbox.owed().model._default_manager.filter(pk=self.pk)

    def _released(self):
        # Only this worker's claim: one that lapsed and was taken by another stays theirs.
        return replaced(self.outbox.claim_field, self.at, None)


def replaced(field, old, new):
    """An UPDATE's value for `field`: `new` where the row still holds `old`, else unchanged
    (what another process wrote meanwhile stays)."""
    return Case(When(**{field: old}, then=Value(new)), default=F(field))


_outboxes = {}


def site_url(path):
    """The absolute address of a path on the site, for links in mail (which has no request):
    from `RAZON_SITE_URL`."""
    return f"{settings.RAZON_SITE_URL.rstrip('/')}{path}"


def register(name, *, owed, send, attempts_field, error_field, claim_field, since="created_at"):
    _outboxes[name] = Outbox(owed, send, attempts_field, error_field, claim_field, since)


def waiting():
    """(how many mails are owed in all outboxes, the age in seconds of the oldest or None):
    for /healthz, so a mail worker that stopped is noticed. A mail counts until the mail
    server accepted it, claimed or not. One query per outbox."""
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
    that refuses one message is not asked again every few seconds). Mail another worker
    holds is left to it. Ends early, between two mails, once `stop()` is true."""
    results = []
    for outbox in _outboxes.values():
        rows = outbox.owed().filter(outbox.unclaimed(timezone.now()))
        if not retry:
            rows = rows.filter(**{outbox.attempts_field: 0})
        for pk in list(rows.order_by("pk").values_list("pk", flat=True)):
            if stop():
                break
            claim = outbox.claim(pk)
            if claim is not None:  # else another worker took it a moment ago
                results.append(outbox.send(claim))
    return results.count(True), results.count(False)
