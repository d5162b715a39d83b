import io
import json
import re

import pytest
from django.core.management import CommandError, call_command

from regions.models import Municipality

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_municipalities", *args, stdout=out)
    return out.getvalue()


def test_imports_every_municipality_once_and_reports_it():
    assert "342 created, 0 updated, 0 unchanged" in run()
    assert "0 created, 0 updated, 342 unchanged" in run()
    nijmegen = Municipality.objects.get(code="GM0268")
    assert (nijmegen.name, nijmegen.province) == ("Nijmegen", "Gelderland")
    assert nijmegen.geometry["type"] == "Polygon"


def test_a_changed_feature_is_updated(tmp_path):
    run()
    feature = {
        "type": "Feature",
        "properties": {"code": "GM0268", "name": "Nijmegen (nieuw)", "province": "Gelderland"},
        "geometry": {"type": "Polygon", "coordinates": [[[5, 51], [6, 51], [6, 52], [5, 51]]]},
    }
    path = tmp_path / "one.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))

    assert "0 created, 1 updated, 0 unchanged" in run(str(path))
    assert Municipality.objects.get(code="GM0268").name == "Nijmegen (nieuw)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
        ('{"type": "FeatureCollection", "features": [{"properties": {}}]}', "lacks code"),
        (
            '{"type": "FeatureCollection", "features": [{"properties": {"code": "GM1",'
            ' "name": "X", "province": "Y"}, "geometry": {"type": "Point"}}]}',
            "not a (multi)polygon",
        ),
    ],
)
def test_a_malformed_file_gets_a_clear_error_and_changes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.geojson"
    path.write_text(content)

    with pytest.raises(CommandError, match=re.escape(message)):
        run(str(path))
    assert Municipality.objects.count() == 0


def test_a_missing_file_is_named():
    with pytest.raises(CommandError, match="file not found"):
        run("/nonexistent.geojson")
