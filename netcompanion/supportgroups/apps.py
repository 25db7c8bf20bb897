from django.apps import AppConfig


class SupportGroupsConfig(AppConfig):
    name = "netcompanion.supportgroups"
    label = "supportgroups"
    verbose_name = "Support groups"
