"""The version table joins the one in-house base (core.records.RecordVersion): its link to the record is called
`record`, as for every record type. Renamed in place, so every stored version is kept."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


class Migration(migrations.Migration):
    dependencies = [("labs", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="labresultversion", name="one_lab_version_number"),
        migrations.RenameField(model_name="labresultversion", old_name="result", new_name="record"),
        migrations.AddConstraint(
            model_name="labresultversion",
            constraint=models.UniqueConstraint(fields=["record", "number"], name="one_lab_version_number"),
        ),
        migrations.AlterModelOptions(name="labresultversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="labresultversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
    ]
