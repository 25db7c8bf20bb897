from django.apps import AppConfig


class LabsConfig(AppConfig):
    name = "netcompanion.labs"
    label = "labs"
    verbose_name = "Lab results"
