from django.urls import path

from netcompanion.netcancerday import views

app_name = "netcancerday"
urlpatterns = [path("", views.net_cancer_day, name="page")]
