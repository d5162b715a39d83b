import io

import pytest
from django.core.management import call_command


@pytest.fixture
def municipalities(db):
    """Every Dutch municipality with its real shape, as the portal imports them."""
    from regions.models import Municipality

    call_command("import_municipalities", stdout=io.StringIO())
    return {m.name: m for m in Municipality.objects.all()}
