"""The care team's diary page in Chromium, on a phone and a desktop: every answer of the diary form has its column
(dizzy or faint included), the page passes axe-core and does not scroll sideways (the wide table scrolls in its
own region)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from netcompanion.accounts.models import Role, User
from netcompanion.careteam.models import Assignment
from netcompanion.core.describe import describe
from netcompanion.diary import actions as diary
from netcompanion.diary.models import DiaryEntry
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_nurse_sees_every_answer_of_the_day(live_server, browser, width, tmp_path):
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                      last_name="Lind")
    sara = User.objects.create_user("sara", password=PASSWORD, role=Role.NURSE)
    Assignment.objects.create(staff=sara, patient=maria, assigned_by=sara)
    today = timezone.localdate()
    diary.log_day(maria, maria, {"date": today - dt.timedelta(days=1), "flushes": 2, "flush_triggers": ["alcohol"],
                                 "stools": 4, "bristol": 5, "pain": 4, "fatigue": 6, "weight_kg": Decimal("64.2"),
                                 "wheezing": False, "dizziness": True, "notes": "Light-headed after lunch"})

    context = browser.new_context(viewport={"width": width, "height": 900})
    nurse = context.new_page()
    nurse.set_default_timeout(15000)
    sign_in(nurse, live_server, "sara")
    nurse.goto(f"{live_server.url}/care/patients/{maria.code}/diary/")
    headings = nurse.locator(".ct-table thead th").all_inner_texts()
    assert [h for h in headings if h not in ("Date", "Notes")] == [
        about.heading for name, about in describe(DiaryEntry).items() if name not in ("date", "notes")]
    row = nurse.locator(".ct-table tbody tr").first.locator("td").all_inner_texts()
    assert row[headings.index("Dizzy or faint") - 1] == "Yes"
    assert page_problems(nurse) == []
    nurse.screenshot(path=tmp_path / f"staff-diary-{width}.png", full_page=True)
    context.close()
