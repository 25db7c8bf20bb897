from django.apps import AppConfig


class CareteamConfig(AppConfig):
    name = "netcompanion.careteam"
    verbose_name = "Care team"
