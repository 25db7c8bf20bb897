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


@pytest.fixture
def reported():
    """Maria's four weeks of diary and a bad day today, which raised an alert for Sara, her nurse."""
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
    return Alert.objects.filter(patient=maria).order_by("-rank").first()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_alert_page_reads_well_and_each_label_reaches_its_own_box(live_server, browser, width, reported):
    alert = reported
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


@pytest.mark.parametrize("width", [375, 1280])
def test_the_queue_and_the_alert_page_in_swedish_read_well(live_server, browser, width, reported):
    """Swedish words are longer: both pages stay axe-clean and fit the window, with the rules' reasons in Swedish."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    nurse = context.new_page()
    nurse.set_default_timeout(15000)
    sign_in(nurse, live_server, "sara")
    context.set_extra_http_headers({"Accept-Language": "sv"})
    nurse.goto(live_server.url + "/care/alerts/")
    assert "Sedda i tid" in nurse.locator("main").inner_text()
    assert "tarmtömningar under dagen" in nurse.locator(".alerts-queue").inner_text()
    assert page_problems(nurse) == []
    nurse.goto(f"{live_server.url}/care/alerts/{reported.code}/")
    assert "Vad du kan göra" in nurse.locator("main").inner_text()
    assert page_problems(nurse) == []
    nurse.get_by_label("Anteckning:", exact=True).fill("Ringde Maria; hon mår bättre.")
    nurse.get_by_role("button", name="Spara anteckningen").click()
    nurse.wait_for_load_state()
    assert "Ringde Maria; hon mår bättre." in nurse.locator("table.alert-history").inner_text()
    nurse.screenshot(path=f"/tmp/staff/alert-sv-{width}.png", full_page=True)
    context.close()
