from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "netcompanion.stories"
    label = "stories"
    verbose_name = "Patient stories"
