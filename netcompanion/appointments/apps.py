from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "netcompanion.appointments"
    label = "appointments"
    verbose_name = "Appointments and follow-up checks"
