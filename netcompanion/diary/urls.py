from django.urls import path

from netcompanion.diary import views

app_name = "diary"
urlpatterns = [
    path("", views.diary, name="diary"),
    path("new/", views.new_entry, name="new"),
    path("episodes/new/", views.new_episode, name="new_episode"),
    path("episodes/<uuid:code>/delete/", views.delete_episode, name="delete_episode"),
    path("<uuid:code>/", views.edit_entry, name="edit"),
    path("<uuid:code>/delete/", views.delete_entry, name="delete"),
    path("<uuid:code>/history/", views.history, name="history"),
]
