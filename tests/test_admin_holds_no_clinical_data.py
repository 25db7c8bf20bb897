"""The admin runs the service and never shows a patient's clinical record (issue 16: administrators read clinical
data with no audit row). The choice: keep clinical data out of the admin, so every look at it goes through the care
team's pages, which check assignment and write an audit row the patient reads."""

import pytest
from django.apps import apps
from django.contrib import admin

from netcompanion.accounts.testing import verified_login

# What the admin is for. A model added here must hold no diary, lab, medicine, injection, appointment, care plan,
# question, symptom check, alert, reminder or note of a patient's.
RUNNING_THE_SERVICE = {
    "accounts.user",  # accounts, roles and contact details
    "auth.group",  # "Lead nurses"
    "careteam.assignment",  # who looks after whom
    "relatives.grant",  # who may see what (no clinical data)
    "appointments.calendarfeed",  # to turn a calendar link off (not its appointments)
    "supportgroups.supportgroup", "supportgroups.language",
    "stories.story",  # stories people chose to share, to moderate
    "clinicaltools.followupoverride",  # the clinic's own follow-up settings
    "audit.accessevent",  # who looked at which record, for the clinic's own review
    "otp_totp.totpdevice",  # the second factor: to reset a lost authenticator
    "axes.accessattempt", "axes.accessfailurelog", "axes.accesslog",  # sign-in attempts: to lift a lockout
}
CLINICAL = ["diary.diaryentry", "diary.episode", "labs.labresult", "labs.preparation", "medicines.injection",
            "medicines.injectionplan", "medicines.medicine", "appointments.appointment", "careplan.careplan",
            "careplan.question", "navigator.navigatorresult", "alerts.alert", "alerts.alertevent",
            "reminders.sentreminder", "reminders.reminderpreference", "clinicaltools.suggestedcheck",
            "relatives.activity"]


def test_the_admin_holds_only_what_running_the_service_needs():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered <= RUNNING_THE_SERVICE, f"not for the admin: {sorted(registered - RUNNING_THE_SERVICE)}"


@pytest.mark.parametrize("label", CLINICAL)
def test_no_clinical_record_can_be_opened_in_the_admin(client, cast, label):
    model = apps.get_model(label)
    verified_login(client, cast["ada"])  # an administrator who passed the second factor
    meta = model._meta
    assert client.get(f"/admin/{meta.app_label}/{meta.model_name}/").status_code == 404
    assert client.get(f"/admin/{meta.app_label}/{meta.model_name}/1/change/").status_code == 404
