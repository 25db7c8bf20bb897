from django.apps import AppConfig


class RelativesConfig(AppConfig):
    name = "netcompanion.relatives"
    label = "relatives"
    verbose_name = "Relatives' access"
