from netcompanion.reminders.models import ReminderPreference


def create_demo_reminders(patient) -> bool:
    """Turns every reminder on for the demo patient (they go to the console in a demo). Idempotent."""
    _, created = ReminderPreference.objects.update_or_create(
        patient=patient, defaults={"injection": True, "appointment": True, "hiaa_diet": True})
    return created
