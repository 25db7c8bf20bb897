"""The version table joins the one in-house base (core.records.RecordVersion): its link to the record is called
`record`, as for every record type. Renamed in place, so every stored version is kept."""

from django.db import migrations, models

ACTIONS = [
    ("created", "Created"), ("updated", "Changed"), ("stopped", "Stopped"), ("ended", "Ended"),
    ("cancelled", "Cancelled"), ("deleted", "Deleted"),
]


class Migration(migrations.Migration):
    dependencies = [("appointments", "0001_squashed_0002_checks_to_book")]

    operations = [
        migrations.RemoveConstraint(model_name="appointmentversion", name="one_appointment_version_number"),
        migrations.RenameField(model_name="appointmentversion", old_name="appointment", new_name="record"),
        migrations.AddConstraint(
            model_name="appointmentversion",
            constraint=models.UniqueConstraint(fields=["record", "number"], name="one_appointment_version_number"),
        ),
        migrations.AlterModelOptions(name="appointmentversion", options={"ordering": ["record", "number"]}),
        migrations.AlterField(
            model_name="appointmentversion",
            name="action",
            field=models.CharField(choices=ACTIONS, max_length=10),
        ),
    ]
