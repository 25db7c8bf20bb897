from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "netcompanion.alerts"
    verbose_name = "Care-team alerts"
