from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "netcompanion.alerts"
    verbose_name = "Care-team alerts"

    def ready(self):
        from netcompanion.alerts import targets  # noqa: F401 - registers the check of the response-time settings
