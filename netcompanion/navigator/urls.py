from django.urls import path

from netcompanion.navigator import views

app_name = "navigator"
urlpatterns = [
    path("", views.start, name="start"),
    path("symptoms/", views.symptoms, name="symptoms"),
    path("details/", views.details, name="details"),
    path("result/", views.result, name="result"),
    path("result/gp-note/", views.gp_note, name="gp_note"),
    path("results/<uuid:code>/", views.saved, name="saved"),
    path("results/<uuid:code>/gp-note/", views.saved_gp_note, name="saved_gp_note"),
    path("start-again/", views.start_again, name="start_again"),
]
