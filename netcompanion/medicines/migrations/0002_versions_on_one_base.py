"""The version tables join the one in-house base (core.records.RecordVersion): one list of actions and the
same ordering as every record type's versions. Their link was already called `record`; no data changes."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


class Migration(migrations.Migration):
    dependencies = [("medicines", "0001_initial")]

    operations = [
        migrations.AlterModelOptions(name="injectionplanversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="injectionplanversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
        migrations.AlterModelOptions(name="injectionversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="injectionversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
        migrations.AlterModelOptions(name="medicineversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="medicineversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
    ]
