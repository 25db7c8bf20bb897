from django.apps import AppConfig


class ClinicalToolsConfig(AppConfig):
    name = "netcompanion.clinicaltools"
    label = "clinicaltools"
    verbose_name = "Report explainer and calculators"
