from django.urls import path

from netcompanion.medicines import views

app_name = "medicines"
urlpatterns = [
    path("", views.index, name="index"),
    path("plan/", views.plan, name="plan"),
    path("plan/end/", views.end_plan, name="plan_end"),
    path("plan/history/", views.plan_history, name="plan_history"),
    path("injections/", views.injections, name="injections"),
    path("injections/new/", views.new_injection, name="injection_new"),
    path("injections/<uuid:code>/", views.edit_injection, name="injection_edit"),
    path("injections/<uuid:code>/delete/", views.delete_injection, name="injection_delete"),
    path("injections/<uuid:code>/history/", views.injection_history, name="injection_history"),
    path("add/", views.new_medicine, name="medicine_new"),
    path("deleted/", views.deleted, name="deleted"),
    path("<uuid:code>/", views.edit_medicine, name="medicine_edit"),
    path("<uuid:code>/stop/", views.stop_medicine, name="medicine_stop"),
    path("<uuid:code>/delete/", views.delete_medicine, name="medicine_delete"),
    path("<uuid:code>/history/", views.medicine_history, name="medicine_history"),
]
