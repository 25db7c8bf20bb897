"""Each line of a relative's activity keeps the name of who acted as it was then. Lines written before this get
the name the account has now: the best that is known of it."""

from django.db import migrations, models


def fill_names(apps, schema_editor):
    Activity = apps.get_model("relatives", "Activity")
    User = apps.get_model("accounts", "User")
    actor_ids = Activity.objects.values_list("actor_id", flat=True).distinct()
    for user in User.objects.filter(pk__in=actor_ids).only("username", "first_name", "last_name"):
        name = f"{user.first_name} {user.last_name}".strip() or user.username  # User.display_name
        Activity.objects.filter(actor_id=user.pk).update(actor_name=name)


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0004_patient_contact"),
        ("relatives", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="actor_name",
            field=models.CharField(default="", max_length=300),
            preserve_default=False,
        ),
        migrations.RunPython(fill_names, migrations.RunPython.noop),
    ]
