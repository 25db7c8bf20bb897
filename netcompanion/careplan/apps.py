from django.apps import AppConfig


class CarePlanConfig(AppConfig):
    name = "netcompanion.careplan"
    label = "careplan"
    verbose_name = "Care plan"
