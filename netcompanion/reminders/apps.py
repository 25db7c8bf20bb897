from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "netcompanion.reminders"
    label = "reminders"
    verbose_name = "Reminders"

    def ready(self):
        from netcompanion.reminders import push  # noqa: F401 - registers the check of the web push settings
