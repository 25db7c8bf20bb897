from django.urls import path

from netcompanion.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.index, name="index"),
    path("devices/", views.add_device, name="add_device"),
    path("devices/<uuid:code>/remove/", views.remove_device, name="remove_device"),
]
