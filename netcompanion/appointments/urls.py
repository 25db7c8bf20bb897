from django.urls import path

from netcompanion.appointments import views

app_name = "appointments"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<uuid:code>/", views.detail, name="detail"),
    path("<uuid:code>/edit/", views.edit, name="edit"),
    path("<uuid:code>/cancel/", views.cancel, name="cancel"),
    path("<uuid:code>/history/", views.history, name="history"),
    path("appointments.ics", views.download, name="download"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/start/", views.start_feed, name="start_feed"),
    path("calendar/change/", views.change_feed, name="change_feed"),
    path("calendar/stop/", views.stop_feed, name="stop_feed"),
    path("feed/<slug:token>.ics", views.feed, name="feed"),
]
