"""The queue, an alert's page and the patient's diary notice at phone width: axe-core clean.

The pages have no scripts, so they render the same with JavaScript off; the browser keeps it on because
axe-core's own run stalls after a sign-in when it is off.
"""

import re

import pytest
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import Alert, AlertStatus
from netcompanion.careteam.models import Assignment
from netcompanion.diary import actions as diary
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def phone_for_axe(browser):
    """A new phone-sized browser each call, so that two people can be signed in at once."""
    contexts = []

    def new_page():
        contexts.append(browser.new_context(viewport={"width": 375, "height": 740}))
        page = contexts[-1].new_page()
        page.set_default_timeout(15000)
        return page

    yield new_page
    for context in contexts:
        context.close()


def test_a_nurse_works_an_alert_and_the_patient_sees_it_was_told(live_server, phone_for_axe):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                      record_number="NC-0001")
    sara = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    Assignment.objects.create(staff=sara, patient=maria, assigned_by=sara)
    diary.log_day(maria, maria, {"date": timezone.localdate(), "stools": 11, "bristol": 7, "pain": 9})

    nurse = phone_for_axe()
    sign_in(nurse, live_server, "sara")
    nurse.goto(live_server.url + "/care/alerts/")
    assert nurse.locator("h1").inner_text() == "Alerts"
    assert page_problems(nurse) == []
    nurse.get_by_role("link", name=re.compile("urgent alert")).first.click()
    nurse.wait_for_load_state()
    assert page_problems(nurse) == []
    nurse.get_by_role("button", name="Resolve the alert").click()
    nurse.wait_for_load_state()
    assert "Please check the form" in nurse.get_by_role("alert").inner_text()
    assert page_problems(nurse) == []
    nurse.get_by_role("button", name="Mark as seen").click()
    nurse.wait_for_load_state()
    assert "Marked as seen" in nurse.locator("main").inner_text()
    assert Alert.objects.filter(status=AlertStatus.ACKNOWLEDGED).count() == 1

    patient = phone_for_axe()
    sign_in(patient, live_server, "maria")
    patient.goto(live_server.url + "/my/diary/")
    assert "Your care team has been told about this day." in patient.locator("main").inner_text()
    assert page_problems(patient) == []
