from django.db import migrations

SECTORS = ["po", "vso", "vo", "mbo", "ho"]  # SectorCode, frozen as it was when written


def create_sectors(apps, schema_editor):
    Sector = apps.get_model("razon", "Sector")
    for position, code in enumerate(SECTORS):
        Sector.objects.update_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("razon", "0001_initial")]

    operations = [migrations.RunPython(create_sectors, migrations.RunPython.noop)]
