from django.urls import path

from netcompanion.supportgroups import views

app_name = "supportgroups"
urlpatterns = [path("", views.group_list, name="list")]
