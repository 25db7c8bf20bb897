from django.db import migrations, models


class Migration(migrations.Migration):
    """Every alert has its response target (0004 filled those raised before)."""

    dependencies = [
        ('alerts', '0004_alert_due_at'),
    ]

    operations = [
        migrations.AlterField(
            model_name='alert',
            name='due_at',
            field=models.DateTimeField(help_text="When the care team should have seen it: its level's response target, counted from when it was first raised (alerts.targets)."),
        ),
    ]
