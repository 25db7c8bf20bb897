from django.urls import path

from netcompanion.alerts import views

app_name = "alerts"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<uuid:code>/", views.detail, name="detail"),
    path("<uuid:code>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("<uuid:code>/note/", views.add_note, name="note"),
    path("<uuid:code>/resolve/", views.resolve, name="resolve"),
]
