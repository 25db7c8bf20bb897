"""The operations that gave rows about a person the person's name as it was when the row was written (audit 0002:
who looked at a record; relatives 0002: who acted on a grant), written once for both. Rows from before get the name
the account has when migrated, the best that is known of it. Released migrations must never change what they do, so
neither may this module."""

from django.db import migrations, models


def keep_name(app: str, model: str, user_field: str, name_field: str) -> list:
    """``model`` gains ``name_field``, filled from the account its ``user_field`` points to (as User.display_name:
    the full name, or the username of someone who gave none)."""

    def fill(apps, schema_editor):
        rows, users = apps.get_model(app, model).objects, apps.get_model("accounts", "User").objects
        ids = rows.values_list(f"{user_field}_id", flat=True).distinct()
        for user in users.filter(pk__in=ids).only("username", "first_name", "last_name"):
            name = f"{user.first_name} {user.last_name}".strip() or user.username
            rows.filter(**{f"{user_field}_id": user.pk}).update(**{name_field: name})

    return [
        migrations.AddField(model_name=model.lower(), name=name_field,
                            field=models.CharField(default="", max_length=300), preserve_default=False),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
