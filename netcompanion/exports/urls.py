from django.urls import path

from netcompanion.exports import views

app_name = "exports"
urlpatterns = [
    path("", views.index, name="index"),
    path("netcompanion.json", views.json_export, name="json"),
    path("fhir.json", views.fhir_export, name="fhir"),
    path("delete/", views.delete_account, name="delete"),
    path("deleted/", views.deleted, name="deleted"),
]
