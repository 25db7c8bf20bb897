from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    name = "netcompanion.navigator"
    label = "navigator"
    verbose_name = "Symptom navigator"
