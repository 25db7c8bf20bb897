from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "netcompanion.core"
    label = "core"
    verbose_name = "Site"
