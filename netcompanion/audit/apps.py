from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "netcompanion.audit"
    verbose_name = "Record access audit"
