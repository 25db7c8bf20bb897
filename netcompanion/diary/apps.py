from django.apps import AppConfig


class DiaryConfig(AppConfig):
    name = "netcompanion.diary"
    label = "diary"
    verbose_name = "Symptom diary"
