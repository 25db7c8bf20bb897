"""The care plan's whole-plan versions join the one in-house base (core.records.RecordVersion): the link to the
plan is called `record`, as for every record type, and each version says what it did. Renamed in place, so every
stored version is kept; the versions a plan already had are all changes."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


class Migration(migrations.Migration):
    dependencies = [("careplan", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="careplanversion", name="one_care_plan_version_number"),
        migrations.RenameField(model_name="careplanversion", old_name="plan", new_name="record"),
        migrations.AddConstraint(
            model_name="careplanversion",
            constraint=models.UniqueConstraint(fields=["record", "number"], name="one_care_plan_version_number"),
        ),
        migrations.AlterModelOptions(name="careplanversion", options={"ordering": ["record", "number"]}),
        migrations.AddField(
            model_name="careplanversion",
            name="action",
            field=models.CharField(choices=ACTIONS, default="updated", max_length=10),
            preserve_default=False,
        ),
    ]
