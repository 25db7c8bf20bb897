from django.apps import AppConfig


class ChartsConfig(AppConfig):
    name = "netcompanion.charts"
    label = "charts"
    verbose_name = "Charts"
