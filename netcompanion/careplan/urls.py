from django.urls import path

from netcompanion.careplan import views

app_name = "careplan"
urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("part/<slug:part>/", views.edit_part, name="edit"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/<uuid:code>/", views.contact_edit, name="contact_edit"),
    path("contacts/<uuid:code>/remove/", views.contact_remove, name="contact_remove"),
    path("questions/", views.questions, name="questions"),
    path("questions/<uuid:code>/asked/", views.question_asked, name="question_asked"),
    path("questions/<uuid:code>/reopen/", views.question_reopen, name="question_reopen"),
    path("questions/<uuid:code>/history/", views.question_history, name="question_history"),
]
