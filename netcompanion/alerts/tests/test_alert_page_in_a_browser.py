"""An alert's page and the queue in Chromium, on a phone and a desktop: axe-core clean, no sideways scrolling, and
each note box reached from its own label."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.alerts.models import Alert
from netcompanion.careteam.models import Assignment
from netcompanion.diary import actions as diary
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_alert_page_reads_well_and_each_label_reaches_its_own_box(live_server, browser, width):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                      last_name="Lind", record_number="NC-0001", phone="+46 70 123 45 67",
                                      preferred_contact="call")
    sara = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    Assignment.objects.create(staff=sara, patient=maria, assigned_by=sara)
    today = timezone.localdate()
    for back in range(27, 0, -2):
        diary.log_day(maria, maria, {"date": today - dt.timedelta(days=back), "stools": 2 + back % 3, "pain": 2,
                                     "weight_kg": Decimal("62") - back % 2})
    diary.log_day(maria, maria, {"date": today, "stools": 11, "bristol": 7, "pain": 9, "dizziness": True})
    alert = Alert.objects.filter(patient=maria).order_by("-rank").first()

    context = browser.new_context(viewport={"width": width, "height": 900})
    nurse = context.new_page()
    nurse.set_default_timeout(15000)
    sign_in(nurse, live_server, "sara")
    nurse.goto(live_server.url + "/care/alerts/")
    assert re.search(r"\d+ h \d+ min left", nurse.locator(".alerts-queue").inner_text())
    assert "Seen in time" in nurse.locator("main").inner_text()
    assert page_problems(nurse) == []
    nurse.goto(f"{live_server.url}/care/alerts/{alert.code}/")
    main = nurse.locator("main")
    assert "+46 70 123 45 67" in main.inner_text() and "A phone call" in main.inner_text()
    assert "Bowel movements" in nurse.locator("table.alert-trend").inner_text()
    assert page_problems(nurse) == []

    nurse.get_by_label("Note:", exact=True).click()
    assert nurse.evaluate("document.activeElement.closest('form').action").endswith("/note/")
    nurse.get_by_label("Note (optional):", exact=True).click()
    assert nurse.evaluate("document.activeElement.closest('form').action").endswith("/resolve/")
    nurse.get_by_label("Note:", exact=True).fill("Called Maria; she feels better.")
    nurse.get_by_role("button", name="Save the note").click()
    nurse.wait_for_load_state()
    assert "Called Maria; she feels better." in nurse.locator("table.alert-history").inner_text()
    context.close()
