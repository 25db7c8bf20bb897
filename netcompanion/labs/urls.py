from django.urls import path

from netcompanion.labs import views

app_name = "labs"
urlpatterns = [
    path("", views.index, name="index"),
    path("results/new/", views.new_result, name="new"),
    path("results/<uuid:code>/", views.edit_result, name="edit"),
    path("results/<uuid:code>/delete/", views.delete_result, name="delete"),
    path("results/<uuid:code>/history/", views.history, name="history"),
    path("prepare/5-hiaa/", views.hiaa, name="hiaa"),
    path("prepare/5-hiaa/plan/", views.plan_hiaa, name="plan_hiaa"),
    path("prepare/5-hiaa/<uuid:code>/", views.hiaa_plan, name="hiaa_plan"),
    path("prepare/5-hiaa/<uuid:code>/change/", views.change_plan, name="change_plan"),
    path("prepare/5-hiaa/<uuid:code>/cancel/", views.cancel_plan, name="cancel_plan"),
    path("prepare/chromogranin-a/", views.cga, name="cga"),
]
