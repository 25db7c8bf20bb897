"""Staff reading a patient's messages is a look at the record like any other (careteam.views.messages)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0002_accessevent_staff_name'),
    ]

    operations = [
        migrations.AlterField(
            model_name='accessevent',
            name='what',
            field=models.CharField(choices=[('overview', 'Opened the record'), ('diary', 'Read the diary'), ('labs', 'Read the lab results'), ('medicines', 'Read the injections and medicines'), ('navigator', 'Read the symptom checks'), ('charts', 'Looked at the charts'), ('care_plan', 'Read the care plan'), ('care_plan_edit', 'Changed the care plan'), ('alert', 'Opened an alert'), ('export_pdf', 'Downloaded the visit summary (PDF)'), ('export_fhir', 'Downloaded the record (FHIR)'), ('follow_up_checks', 'Added follow-up checks to the appointments'), ('messages', 'Read the messages')], max_length=20),
        ),
    ]
