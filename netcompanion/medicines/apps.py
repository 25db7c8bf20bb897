from django.apps import AppConfig


class MedicinesConfig(AppConfig):
    name = "netcompanion.medicines"
    label = "medicines"
    verbose_name = "Injections and medicines"
