from django.urls import path

from netcompanion.charts import views

app_name = "charts"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("lab.svg", views.lab_svg, name="lab_svg"),
    path("<slug:slug>.svg", views.trend_svg, name="trend_svg"),
    path("injection-cycle/", views.cycle, name="cycle"),
    path("injection-cycle/<slug:slug>.svg", views.cycle_svg, name="cycle_svg"),
]
