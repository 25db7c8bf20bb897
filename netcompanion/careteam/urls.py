from django.urls import path

from netcompanion.careteam import views

app_name = "careteam"
urlpatterns = [
    path("", views.patients, name="patients"),
    path("patients/<uuid:code>/", views.patient, name="patient"),
    path("patients/<uuid:code>/diary/", views.diary, name="diary"),
    path("patients/<uuid:code>/labs/", views.labs, name="labs"),
    path("patients/<uuid:code>/medicines/", views.medicines_page, name="medicines"),
    path("patients/<uuid:code>/checks/", views.checks, name="checks"),
    # The patient's own chart pages (charts.pages), with the names charts.pages.Links expects.
    path("patients/<uuid:code>/charts/", views.charts_overview, name="charts_overview"),
    path("patients/<uuid:code>/charts/lab.svg", views.charts_lab_svg, name="charts_lab_svg"),
    path("patients/<uuid:code>/charts/<slug:slug>.svg", views.charts_trend_svg, name="charts_trend_svg"),
    path("patients/<uuid:code>/charts/injection-cycle/", views.charts_cycle, name="charts_cycle"),
    path("patients/<uuid:code>/charts/injection-cycle/<slug:slug>.svg", views.charts_cycle_svg,
         name="charts_cycle_svg"),
    path("patients/<uuid:code>/care-plan/", views.care_plan, name="care_plan"),
    path("patients/<uuid:code>/care-plan/<slug:part>/", views.care_plan_edit, name="care_plan_edit"),
    path("patients/<uuid:code>/summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("assignments/", views.assignments, name="assignments"),
    path("assignments/new/", views.assign, name="assign"),
    path("assignments/record-number/", views.record_number, name="record_number"),
    path("assignments/<uuid:code>/end/", views.end_assignment, name="end_assignment"),
]
