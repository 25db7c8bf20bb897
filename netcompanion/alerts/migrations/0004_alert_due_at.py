"""Each alert keeps when it should have been seen. Alerts raised before this get theirs from the targets in force
now, counted from when they were raised; the arithmetic is the engine's (alertrules.response, plain Python with
no Django and no models), so this migration imports it rather than copy it."""

from django.conf import settings
from django.db import migrations, models


def fill_due_at(apps, schema_editor):
    from netcompanion.alertrules.response import Calendar, Targets

    calendar = Calendar.parse(settings.ALERT_WORKING_DAYS, settings.ALERT_WORKING_HOURS, settings.ALERT_HOLIDAYS,
                              settings.ALERT_CLOSED_DAYS, settings.TIME_ZONE)
    targets = Targets.parse(settings.ALERT_TARGETS)
    Alert = apps.get_model("alerts", "Alert")
    alerts = list(Alert.objects.filter(due_at__isnull=True).only("level", "raised_at"))
    for alert in alerts:
        alert.due_at = targets.due(alert.level, alert.raised_at, calendar)
    Alert.objects.bulk_update(alerts, ["due_at"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('alerts', '0003_overdue_event'),
    ]

    operations = [
        migrations.AddField(
            model_name='alert',
            name='due_at',
            field=models.DateTimeField(blank=True, help_text="When the care team should have seen it: its level's response target, counted from when it was first raised (alerts.targets).", null=True),
        ),
        migrations.RunPython(fill_due_at, migrations.RunPython.noop),
    ]
