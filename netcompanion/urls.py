from django.contrib import admin
from django.urls import include, path

from netcompanion.api import api
from netcompanion.careteam.urls import alert_urlpatterns
from netcompanion.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("about/", core_views.about, name="about"),
    path("guide/", include("netcompanion.guide.urls")),
    path("check/", include("netcompanion.navigator.urls")),
    path("tools/", include("netcompanion.clinicaltools.urls")),
    path("start/", core_views.start, name="start"),
    path("my/", core_views.my_record, name="my_record"),
    path("my/today/", core_views.today, name="today"),
    path("my/diary/", include("netcompanion.diary.urls")),
    path("my/medicines/", include("netcompanion.medicines.urls")),
    path("my/labs/", include("netcompanion.labs.urls")),
    path("my/appointments/", include("netcompanion.appointments.urls")),
    path("my/care-plan/", include("netcompanion.careplan.urls")),
    path("my/charts/", include("netcompanion.charts.urls")),
    path("my/documents/", include("netcompanion.documents.urls")),
    path("c/", include("netcompanion.documents.shared_urls")),
    path("my/data/", include("netcompanion.exports.urls")),
    path("my/reminders/", include("netcompanion.reminders.urls")),
    path("my/record-access/", include("netcompanion.audit.urls")),
    path("relatives/", include("netcompanion.relatives.urls")),
    path("", include("netcompanion.conversations.urls")),
    path("care/alerts/", include(alert_urlpatterns)),
    path("care/", include("netcompanion.careteam.urls")),
    path("support/groups/", include("netcompanion.supportgroups.urls")),
    path("stories/", include("netcompanion.stories.urls")),
    path("net-cancer-day/", include("netcompanion.netcancerday.urls")),
    path("accounts/", include("netcompanion.accounts.urls")),
    path("", include("netcompanion.webapp.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "netcompanion.core.errors.bad_request"
handler403 = "netcompanion.core.errors.permission_denied"
handler404 = "netcompanion.core.errors.page_not_found"
handler500 = "netcompanion.core.errors.server_error"
