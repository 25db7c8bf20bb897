from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "netcompanion.exports"
    label = "exports"
    verbose_name = "My data: exports and account deletion"
