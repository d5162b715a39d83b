"""The secretariat's contact details (`razon.models.Secretariat`) as every page shows them:
kept in the cache, so the footer costs no query. Saving or deleting the row writes the cache
at once and again after the commit (from the database), and renews the page cache's
`SITE_TOPIC`, which every cached page depends on. Without a row: the name and
`RAZON_CONTACT_EMAIL`."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction

CACHE_KEY = "razon:secretariat:1"
# A save that was rolled back after writing the cache heals by itself within this time.
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class ContactDetails:
    name: str
    email: str
    phone: str = ""
    address_lines: tuple = field(default_factory=tuple)
    is_demo: bool = False


def without_row():
    """The details when no editor entered any: the name and RAZON_CONTACT_EMAIL."""
    return ContactDetails(name="Secretariaat RA-ZON", email=settings.RAZON_CONTACT_EMAIL)


def _details(row):
    if row is None:
        return without_row()
    return ContactDetails(
        name=row.name,
        email=row.email,
        phone=row.phone,
        address_lines=tuple(row.address_lines),
        is_demo=row.is_demo,
    )


def _from_database():
    from razon.models import Secretariat

    return _details(Secretariat.objects.order_by("pk").first())


def secretariat():
    """The contact details (one query when the cache is cold, none otherwise)."""
    details = cache.get(CACHE_KEY)
    if details is None:
        try:
            details = _from_database()
        except DatabaseError:  # the footer must not break a page: the defaults, not cached
            return without_row()
        cache.set(CACHE_KEY, details, CACHE_SECONDS)
    return details


def remember(details):
    cache.set(CACHE_KEY, details, CACHE_SECONDS)


def _refresh():
    remember(_from_database())


def changed(sender, instance, signal=None, **kwargs):
    from django.db.models.signals import post_delete

    if signal is post_delete:
        cache.delete(CACHE_KEY)
    else:
        cache.set(CACHE_KEY, _details(instance), CACHE_SECONDS)
    transaction.on_commit(_refresh)


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    from razon import pagecache
    from razon.models import Secretariat

    pagecache.register(Secretariat, pagecache.SITE_TOPIC)  # in every page's footer
    for signal in (post_save, post_delete):
        signal.connect(changed, sender=Secretariat, dispatch_uid="razon.secretariat")
