from django.apps import AppConfig


class NetCancerDayConfig(AppConfig):
    name = "netcompanion.netcancerday"
    label = "netcancerday"
    verbose_name = "NET Cancer Day"
