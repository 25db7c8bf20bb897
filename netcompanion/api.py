"""The JSON API, version 1: one NinjaAPI with a router per capability."""

from ninja import NinjaAPI

from netcompanion.alerts.api import router as alerts_router
from netcompanion.appointments.api import router as appointments_router
from netcompanion.clinicaltools.api import router as clinicaltools_router
from netcompanion.diary.api import router as diary_router
from netcompanion.guide.api import router as guide_router
from netcompanion.labs.api import router as labs_router
from netcompanion.medicines.api import router as injections_router
from netcompanion.navigator.api import router as triage_router

api = NinjaAPI(
    title="NET Companion API",
    version="1",
    urls_namespace="api-v1",
    docs_url=None,  # the interactive docs page loads scripts from a CDN; the OpenAPI document stays
)
api.add_router("/guide/", guide_router)
api.add_router("/triage", triage_router)
api.add_router("/diary", diary_router)
api.add_router("/injections", injections_router)
api.add_router("/appointments", appointments_router)
api.add_router("/labs", labs_router)
api.add_router("/alerts", alerts_router)
api.add_router("", clinicaltools_router)
