from django.db import migrations, models


def compute_outlines(apps, schema_editor):
    """The map outline of every municipality imported before the field existed."""
    from regions.maps import outline

    Municipality = apps.get_model("regions", "Municipality")
    municipalities = list(Municipality.objects.all())
    for municipality in municipalities:
        municipality.outline = outline(municipality.geometry)
    Municipality.objects.bulk_update(municipalities, ["outline"], batch_size=100)


class Migration(migrations.Migration):
    dependencies = [
        ("regions", "0003_rap_programme_label_personeelstekorten"),
    ]

    operations = [
        migrations.AddField(
            model_name="municipality",
            name="outline",
            field=models.JSONField(default=list, editable=False, verbose_name="kaartomtrek"),
        ),
        migrations.RunPython(compute_outlines, migrations.RunPython.noop),
    ]
