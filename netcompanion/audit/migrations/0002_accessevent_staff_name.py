"""Each look at a record keeps the name of who looked as it was then. Rows written before this get the name the
account has now: the best that is known of it."""

from django.db import migrations, models


def fill_names(apps, schema_editor):
    AccessEvent = apps.get_model("audit", "AccessEvent")
    User = apps.get_model("accounts", "User")
    staff_ids = AccessEvent.objects.values_list("staff_id", flat=True).distinct()
    for user in User.objects.filter(pk__in=staff_ids).only("username", "first_name", "last_name"):
        name = f"{user.first_name} {user.last_name}".strip() or user.username  # User.display_name
        AccessEvent.objects.filter(staff_id=user.pk).update(staff_name=name)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_patient_contact"),
        ("audit", "0001_squashed_0002_follow_up_checks"),
    ]

    operations = [
        migrations.AddField(
            model_name="accessevent",
            name="staff_name",
            field=models.CharField(default="", max_length=300),
            preserve_default=False,
        ),
        migrations.RunPython(fill_names, migrations.RunPython.noop),
    ]
