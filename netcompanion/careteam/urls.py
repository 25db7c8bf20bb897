from django.urls import path

from netcompanion.careteam.views import alerts, messages, patients

app_name = "careteam"
urlpatterns = [
    path("", patients.patients, name="patients"),
    path("patients/<uuid:code>/", patients.patient, name="patient"),
    path("patients/<uuid:code>/diary/", patients.diary, name="diary"),
    path("patients/<uuid:code>/labs/", patients.labs, name="labs"),
    path("patients/<uuid:code>/medicines/", patients.medicines_page, name="medicines"),
    path("patients/<uuid:code>/checks/", patients.checks, name="checks"),
    # The patient's own chart pages (charts.pages), with the names charts.pages.Links expects.
    path("patients/<uuid:code>/charts/", patients.charts_overview, name="charts_overview"),
    path("patients/<uuid:code>/charts/lab.svg", patients.charts_lab_svg, name="charts_lab_svg"),
    path("patients/<uuid:code>/charts/<slug:slug>.svg", patients.charts_trend_svg, name="charts_trend_svg"),
    path("patients/<uuid:code>/charts/injection-cycle/", patients.charts_cycle, name="charts_cycle"),
    path("patients/<uuid:code>/charts/injection-cycle/<slug:slug>.svg", patients.charts_cycle_svg,
         name="charts_cycle_svg"),
    path("patients/<uuid:code>/care-plan/", patients.care_plan, name="care_plan"),
    path("patients/<uuid:code>/care-plan/<slug:part>/", patients.care_plan_edit, name="care_plan_edit"),
    path("patients/<uuid:code>/summary.pdf", patients.summary_pdf, name="summary_pdf"),
    path("patients/<uuid:code>/messages/", messages.patient_messages, name="patient_messages"),
    path("patients/<uuid:code>/messages/new/", messages.start, name="start_thread"),
    path("messages/", messages.inbox, name="messages"),
    path("messages/<uuid:code>/", messages.thread, name="thread"),
    path("messages/<uuid:code>/link-alert/", messages.link_alert, name="link_alert"),
    path("assignments/", patients.assignments, name="assignments"),
    path("assignments/new/", patients.assign, name="assign"),
    path("assignments/record-number/", patients.record_number, name="record_number"),
    path("assignments/<uuid:code>/end/", patients.end_assignment, name="end_assignment"),
]

# The alert queue keeps its own namespace ("alerts:queue", ...), under /care/alerts/ (netcompanion/urls.py).
alert_urlpatterns = ([
    path("", alerts.queue, name="queue"),
    path("<uuid:code>/", alerts.detail, name="detail"),
    path("<uuid:code>/acknowledge/", alerts.acknowledge, name="acknowledge"),
    path("<uuid:code>/note/", alerts.add_note, name="note"),
    path("<uuid:code>/resolve/", alerts.resolve, name="resolve"),
], "alerts")
