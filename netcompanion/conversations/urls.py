from django.urls import path

from netcompanion.conversations import views

app_name = "conversations"
urlpatterns = [
    path("my/messages/", views.index, name="index"),
    path("my/messages/new/", views.new, name="new"),
    path("my/messages/<uuid:code>/", views.thread, name="thread"),
    path("my/messages/<uuid:code>/withdraw/<uuid:message_code>/", views.withdraw, name="withdraw"),
    # A relative, through the grant of the patient who lets them write to the care team.
    path("relatives/<uuid:grant>/messages/", views.relative_index, name="relative_index"),
    path("relatives/<uuid:grant>/messages/new/", views.relative_new, name="relative_new"),
    path("relatives/<uuid:grant>/messages/<uuid:code>/", views.relative_thread, name="relative_thread"),
    path("relatives/<uuid:grant>/messages/<uuid:code>/withdraw/<uuid:message_code>/", views.relative_withdraw,
         name="relative_withdraw"),
]
