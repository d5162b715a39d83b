import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from razon import mail

logger = logging.getLogger("razon.mail")


class Command(BaseCommand):
    help = (
        "Sends owed mail continuously (razon/mail.py): new mail every --interval seconds, "
        "failed mail again every --retry-interval seconds. SIGTERM or SIGINT stops it between "
        "two mails. Several workers may run at once: each mail is claimed before it is sent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5)
        parser.add_argument("--retry-interval", type=float, default=60)

    def handle(self, *args, interval, retry_interval, **options):
        stopping = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda signum, frame: stopping.append(signum))
        logger.info("Mail worker started.")
        next_retry = time.monotonic()
        while not stopping:
            retry = time.monotonic() >= next_retry
            if retry:
                next_retry = time.monotonic() + retry_interval
            self._send(retry=retry, stop=lambda: bool(stopping))
            pause_until = time.monotonic() + interval
            while not stopping and time.monotonic() < pause_until:
                time.sleep(min(0.2, interval))
        logger.info("Mail worker stopped.")

    def _send(self, *, retry, stop):
        close_old_connections()  # a long-running process: as a request would, at its start
        try:
            sent, failed = mail.send_owed(retry=retry, stop=stop)
        except Exception:  # the database is away, for instance: try again at the next pass
            logger.exception("Mail worker: this pass failed.")
            return
        if sent or failed:
            logger.info("Mail worker: %s sent, %s failed.", sent, failed)
