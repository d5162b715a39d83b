"""Demo contact details of the secretariat. No seed document gives the secretariat's e-mail
or postal address, so both are invented and marked demo (an `.example` address, which can
never receive mail): replace them in the admin before going live."""

from razon.demo import sync
from razon.models import Secretariat

DEMO_SECRETARIAT = {
    "name": "Secretariaat RA-ZON",
    "email": "secretariaat@ra-zon.example",
    "phone": "",
    "postal_address": "Postbus 0000\n6500 AA Nijmegen",
    "is_demo": True,
}


def load():
    existing = Secretariat.objects.order_by("pk").first()
    if existing is not None and not existing.is_demo:
        return 0  # the real details were filled in: the demo never overwrites them
    lookup = {"pk": existing.pk} if existing else {}
    _obj, changed = sync(Secretariat, lookup, DEMO_SECRETARIAT)
    return int(changed)
