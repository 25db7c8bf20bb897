from django.urls import path
from django.views.i18n import JavaScriptCatalog

from netcompanion.webapp import views

app_name = "webapp"
urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    # At the root, so that the worker's scope is the whole site without a Service-Worker-Allowed header.
    path("sw.js", views.service_worker, name="service_worker"),
    path("app/offline/", views.offline, name="offline"),
    path("app/state/", views.state, name="state"),
    path("app/i18n.js", JavaScriptCatalog.as_view(packages=["netcompanion.webapp"]), name="i18n"),
]
