from django.apps import AppConfig


class WebappConfig(AppConfig):
    name = "netcompanion.webapp"
    verbose_name = "Installable web app"
