"""Sending a mail that something in the database is owed, so that a failing mail server
loses nothing: the caller has claimed the mail in one UPDATE (so two senders never both send
it) and gives the claim back through `on_failure`, for a retry command to pick up."""

import logging

logger = logging.getLogger(__name__)

ERROR_LENGTH = 300


def deliver(build_message, *, description, on_failure, on_success):
    """Builds the message with `build_message()` and sends it; True when it went out. On any
    failure, building included, logs it and calls `on_failure(error_text)`."""
    try:
        build_message().send(fail_silently=False)
    except Exception as error:  # any mail failure: keep what is owed, retry later
        logger.warning("%s failed: %s", description, error)
        on_failure(str(error)[:ERROR_LENGTH])
        return False
    on_success()
    return True


def send_each(ids, send_one):
    """Calls `send_one(id)` for each id; returns (sent, failed)."""
    results = [send_one(pk) for pk in ids]
    return results.count(True), results.count(False)
