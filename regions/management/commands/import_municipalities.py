import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from razon import pagecache
from regions import maps, regiokaart
from regions.models import Municipality

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "gemeenten.geojson"


class Command(BaseCommand):
    help = (
        "Imports municipalities and their shapes from a GeoJSON FeatureCollection with the "
        "properties code, name and province (CBS). Idempotent: matches on the CBS code."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))

    @transaction.atomic
    def handle(self, *args, path, **options):
        rows = list(read_features(path))
        existing = {m.code: m for m in Municipality.objects.all()}
        new, updated = [], 0
        for code, name, province, geometry in rows:
            municipality = existing.get(code)
            outline = maps.outline(geometry)  # projected and simplified once, here
            if municipality is None:
                new.append(
                    Municipality(
                        code=code, name=name, province=province, geometry=geometry, outline=outline
                    )
                )
            elif (
                municipality.name,
                municipality.province,
                municipality.geometry,
                municipality.outline,
            ) != (name, province, geometry, outline):
                municipality.name, municipality.province = name, province
                municipality.geometry, municipality.outline = geometry, outline
                municipality.save()
                updated += 1
        created = len(Municipality.objects.bulk_create(new, batch_size=100))
        if created:  # bulk_create sends no signal: renew what a save would have
            pagecache.new_generation(*pagecache.model_topics(Municipality))
        if created or updated:
            transaction.on_commit(regiokaart.shapes_changed)
        unchanged = len(rows) - created - updated
        self.stdout.write(
            f"Municipalities: {created} created, {updated} updated, {unchanged} unchanged."
        )


def read_features(path):
    """(code, name, province, geometry) per feature; CommandError says what is wrong."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CommandError(f"{path}: file not found") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CommandError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CommandError(f"{path}: not a GeoJSON FeatureCollection")
    for number, feature in enumerate(data.get("features") or [], start=1):
        properties = (feature or {}).get("properties") or {}
        geometry = (feature or {}).get("geometry") or {}
        code, name = properties.get("code"), properties.get("name")
        if not code or not name or not properties.get("province"):
            raise CommandError(f"{path}: feature {number} lacks code, name or province")
        if geometry.get("type") not in {"Polygon", "MultiPolygon"}:
            raise CommandError(f"{path}: feature {number} ({name}) is not a (multi)polygon")
        yield code, name, properties["province"], geometry
