"""A booked injection that is not the plan's day, as the patient and the nurse see it on a phone and a desktop:
the same date on the medicines page, the appointments list and the staff list, the disagreement said in words,
axe-core clean and no sideways scrolling."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from playwright.sync_api import expect

from netcompanion.accounts.models import Role, User
from netcompanion.appointments import services as appointments
from netcompanion.careteam.testing import assign
from netcompanion.core.testing import STOCKHOLM
from netcompanion.medicines import services
from tests.browser.helpers import PASSWORD, page_problems, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def booked_early():
    """The plan gives 25 days from today (last injection 3 days ago, every 28 days); the injection is booked in 7."""
    today = dt.datetime.now(STOCKHOLM).date()
    maria = User.objects.create_user("maria", password=PASSWORD, role=Role.PATIENT, first_name="Maria",
                                     last_name="Lind-Johansson-Strandberg")
    nurse = User.objects.create_user("nurse", password=PASSWORD, role=Role.NURSE, first_name="Sara", last_name="Ek")
    nurse.groups.add(Group.objects.get(name="Lead nurses"))
    services.save_plan(maria, maria, {"drug": "lanreotide", "dose_mg": 120, "interval_days": 28})
    services.record_injection(maria, maria, {"given_on": today - dt.timedelta(days=3), "drug": "lanreotide",
                                             "dose_mg": 120, "place": "home", "given_by": "self"})
    appointments.book_appointment(maria, maria, {
        "kind": "injection", "title": "Lanreotide injection", "duration": dt.timedelta(minutes=20),
        "start": dt.datetime.combine(today + dt.timedelta(days=7), dt.time(14, 0), tzinfo=STOCKHOLM),
        "place": "Oncology day unit"})
    assign(maria, nurse)
    return today + dt.timedelta(days=7), today + dt.timedelta(days=25)


def day(d: dt.date, form: str) -> str:
    return form.format(d=d, day=d.day)


@pytest.mark.parametrize("width", [375, 1280])
def test_the_patient_and_the_nurse_see_one_date_and_the_disagreement(live_server, page, booked_early, width):
    booked, planned = booked_early
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server, "maria")
    page.goto(live_server.url + reverse("medicines:index"))
    expect(page.locator(".next-due-headline")).to_contain_text(day(booked, "{d:%A} {day} {d:%B %Y}"))
    expect(page.locator(".injection-disagrees")).to_have_text(
        day(booked, "Your booked injection on {day} {d:%B}") + day(planned, " is not the date your plan gives "
                                                                          "({day} {d:%B}). ")
        + "Check with your contact nurse which is right.")
    expect(page.get_by_text("you gave it yourself")).to_be_visible()
    assert page_problems(page) == []
    page.goto(live_server.url + reverse("appointments:index"))
    expect(page.locator(".next-injection")).to_contain_text(day(booked, "Due on {d:%A} {day} {d:%B %Y}."))
    expect(page.locator(".next-injection .injection-disagrees")).to_be_visible()
    assert page_problems(page) == []
    page.context.clear_cookies()
    sign_in(page, live_server, "nurse")
    page.goto(live_server.url + reverse("careteam:patients"))
    row = page.get_by_role("row").filter(has_text="Maria")
    expect(row).to_contain_text(day(booked, "Due {day} {d:%b %Y}, in 7 days"))
    expect(row).to_contain_text(day(booked, "Booked {day} {d:%b %Y}")
                                + day(planned, ", the plan gives {day} {d:%b %Y}: check which is right"))
    assert page_problems(page) == []
