from django.db import migrations, models


def delete_rows(apps, schema_editor):
    # The one site-wide row gives way to a row per topic; a topic without a row never
    # changed, and every entry stored under the old generation is stale anyway.
    apps.get_model("razon", "PageCacheGeneration").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("razon", "0008_document_slug_help_text_addresses_with_je"),
    ]

    operations = [
        migrations.RunPython(delete_rows, migrations.RunPython.noop),
        migrations.AddField(
            model_name="pagecachegeneration",
            name="topic",
            field=models.CharField(default="", max_length=255, unique=True),
            preserve_default=False,
        ),
    ]
