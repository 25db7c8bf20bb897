from django.urls import path

from netcompanion.clinicaltools import views

app_name = "clinicaltools"
urlpatterns = [
    path("", views.tools, name="tools"),
    path("report/", views.report, name="report"),
    path("report/save/", views.save_report, name="save_report"),
]
