from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "netcompanion.reminders"
    label = "reminders"
    verbose_name = "Reminders"
