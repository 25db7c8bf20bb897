from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """Each source has one alert now (0006 merged them); on its own so that PostgreSQL adds the constraint after
    the merge's deferred checks ran."""

    dependencies = [
        ('alerts', '0006_one_alert_per_source'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='alert',
            constraint=models.UniqueConstraint(fields=('patient', 'source_key'), name='one_alert_per_source'),
        ),
    ]
