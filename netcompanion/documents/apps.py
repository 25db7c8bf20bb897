from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "netcompanion.documents"
    label = "documents"
    verbose_name = "Printable documents: visit summary and crisis card"
