from django.apps import AppConfig


class GuideConfig(AppConfig):
    name = "netcompanion.guide"
    label = "guide"
    verbose_name = "Guide"
