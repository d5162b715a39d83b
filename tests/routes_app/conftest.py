from itertools import count

from razon.models import PublishStatus
from routes.models import Route
from tests import factories

_serial = count(1)


def make_route(**fields):
    """A published route with one institute; lists (institutes, partnerships, events,
    posts) may be given."""
    n = next(_serial)
    many = {
        name: fields.pop(name)
        for name in ["institutes", "partnerships", "events", "posts"]
        if name in fields
    }
    if "institutes" not in many:
        many["institutes"] = [factories.organization(name=f"Instituut {n}", kind="hbo")]
    fields.setdefault("name", f"Route {n}")
    fields.setdefault("slug", f"route-{n}")
    fields.setdefault("kind", "pabo")
    fields.setdefault("qualification", "po")
    fields.setdefault("levels", ["po"])
    fields.setdefault("forms", ["voltijd"])
    fields.setdefault("admits", ["havo", "vwo"])
    fields.setdefault("places", ["nijmegen"])
    fields.setdefault("summary", f"Samenvatting van route {n}.")
    fields.setdefault("source", "https://example.org/bron")
    fields.setdefault("status", PublishStatus.PUBLISHED)
    route = Route.objects.create(**fields)
    for name, items in many.items():
        getattr(route, name).set(items)
    return route
