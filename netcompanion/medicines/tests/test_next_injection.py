"""One next-injection date (selectors.next_injection) for every audience: the patient's medicines page, the
appointments list, the care team's patient list and pages, the reminders and the overdue-injection alert. The
tester's case: the plan gives 4 January (lanreotide every 28 days, last given 7 December) and a lanreotide
injection is booked for 17 December. Every audience shows 17 December, the earlier, and says they disagree."""

import datetime as dt
import html
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from netcompanion.accounts.models import ApiToken, User
from netcompanion.appointments import services as appointments
from netcompanion.careteam import roster
from netcompanion.careteam.testing import assign
from netcompanion.core.testing import FROZEN_TODAY, STOCKHOLM, text
from netcompanion.documents.tests.conftest import pdf_text
from netcompanion.medicines import selectors, services
from netcompanion.medicines.actions import raise_overdue_injections
from netcompanion.reminders.services import due_reminders, save_preferences

pytestmark = pytest.mark.django_db

DEC_10 = dt.datetime(2026, 12, 10, 10, 0, tzinfo=STOCKHOLM)


def stockholm(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=STOCKHOLM)


LAST_GIVEN = dt.date(2026, 12, 7)


def on_injections(patient, last_given=LAST_GIVEN, interval=28):
    services.save_plan(patient, patient, {"drug": "lanreotide", "dose_mg": 120, "interval_days": interval})
    services.record_injection(patient, patient, {"given_on": last_given, "drug": "lanreotide", "dose_mg": 120,
                                                 "place": "clinic", "given_by": "nurse"})


def book_injection(patient, start: dt.datetime, status="booked"):
    return appointments.book_appointment(patient, patient, {
        "kind": "injection", "title": "Lanreotide injection", "start": start, "duration": dt.timedelta(minutes=20),
        "place": "Oncology day unit", "status": status})


@pytest.fixture
def tester_case(time_machine, record_cast):
    """Maria on 10 December 2026: the plan says 4 January, an injection is booked for 17 December at 14:00."""
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2026, 12, 17, 14, 0))
    return maria


def test_the_selector_gives_the_earlier_date_and_says_they_disagree(tester_case):
    due = selectors.next_injection(tester_case)
    assert (due.due_on, due.planned, due.booked, due.disagrees) == (
        dt.date(2026, 12, 17), dt.date(2027, 1, 4), dt.date(2026, 12, 17), True)


def test_cancelled_and_other_patients_bookings_do_not_count(time_machine, record_cast):
    time_machine.move_to(DEC_10, tick=False)
    maria, olle = record_cast["maria"], record_cast["olle"]
    on_injections(maria)
    book_injection(maria, stockholm(2026, 12, 17, 14, 0), status="cancelled")
    book_injection(olle, stockholm(2026, 12, 18, 14, 0))
    due = selectors.next_injection(maria)
    assert (due.due_on, due.booked, due.disagrees) == (dt.date(2027, 1, 4), None, False)
    assert selectors.next_injection(olle).due_on == dt.date(2026, 12, 18)


def test_a_booking_just_after_midnight_is_on_its_stockholm_day(time_machine, record_cast):
    """00:30 on 4 January in Stockholm is still 3 January in UTC: it agrees with the plan's 4 January."""
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2027, 1, 4, 0, 30))
    due = selectors.next_injection(maria)
    assert (due.due_on, due.disagrees) == (dt.date(2027, 1, 4), False)


# Each audience shows the same date, and the disagreement ---------------------------------------------------------

PATIENT_SAYS = ("Your booked injection on 17 December is not the date your plan gives (4 January). "
                "Check with your contact nurse which is right.")
STAFF_SAYS = ("The booked injection on 17 December is not the date the plan gives (4 January). Check with the "
              "patient and the clinic which is right; until then the earlier date counts.")


def said(response) -> str:
    """The page's words, tags dropped without adding spaces (so "(<time>4 January</time>)" reads "(4 January)")."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", response.content.decode())).split())


def section(body: str, css_class: str) -> str:
    """The HTML of the first element with this class, up to the end of its section or paragraph."""
    start = body.index(f'class="{css_class}')
    return body[start:body.index("</section>", start)]


def test_the_medicines_page_shows_the_booked_day_and_the_disagreement(client, tester_case):
    client.force_login(tester_case)
    response = client.get(reverse("medicines:index"))
    box = section(response.content.decode(), "next-due")
    headline = box[box.index("next-due-headline"):box.index("</p>", box.index("next-due-headline"))]
    assert '<time datetime="2026-12-17">Thursday 17 December 2026</time>' in headline
    assert PATIENT_SAYS in said(response)
    assert '<time datetime="2027-01-04">' in box and '<time datetime="2026-12-17">' in box


def test_the_appointments_list_shows_the_same_day_and_the_disagreement(client, tester_case):
    client.force_login(tester_case)
    response = client.get(reverse("appointments:index"))
    box = section(response.content.decode(), "next-injection")
    assert 'Due on <time datetime="2026-12-17">Thursday 17 December 2026</time>.' in box
    assert PATIENT_SAYS in said(response)


def test_with_plan_and_booking_agreeing_no_page_speaks_of_a_disagreement(client, time_machine, record_cast):
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2027, 1, 4, 9, 0))
    client.force_login(maria)
    for page in ("medicines:index", "appointments:index"):
        body = client.get(reverse(page)).content.decode()
        assert "injection-disagrees" not in body and '<time datetime="2027-01-04">' in body


def test_the_staff_list_overview_and_medicines_page_show_the_same_day(staff_client, tester_case, record_cast):
    sara = record_cast["sara"]
    assign(tester_case, sara)
    client = staff_client(sara)
    row = [r for r in client.get(reverse("careteam:patients")).content.decode().split("<tr>") if "maria" in r][0]
    cell = " ".join(re.sub(r"<[^>]+>", " ", row).split())
    assert "Due 17 Dec 2026, in 7 days Booked 17 Dec 2026, the plan gives 4 Jan 2027: check which is right" in cell
    for page in ("careteam:patient", "careteam:medicines"):
        words = said(client.get(reverse(page, args=[tester_case.code])))
        assert "Due 17 Dec 2026, in 7 days" in words and STAFF_SAYS in words


@pytest.mark.parametrize("show, listed", [("overdue", False), ("all", True)])
def test_the_staff_lists_overdue_filter_and_sort_read_the_same_day(staff_client, time_machine, record_cast,
                                                                    show, listed):
    """On 20 December the booked 17 December has passed with no injection recorded: overdue by 3 days, though the
    plan's 4 January is still to come. The filter finds Maria; Olle, due by his plan on 30 December, is after her."""
    time_machine.move_to(DEC_10, tick=False)
    maria, olle, sara = record_cast["maria"], record_cast["olle"], record_cast["sara"]
    on_injections(maria)
    book_injection(maria, stockholm(2026, 12, 17, 14, 0))
    on_injections(olle, last_given=dt.date(2026, 12, 2))
    for patient in (maria, olle):
        assign(patient, sara)
    time_machine.move_to(stockholm(2026, 12, 20, 10, 0), tick=False)
    client = staff_client(sara)
    body = client.get(reverse("careteam:patients"), {"show": show, "sort": "injection"}).content.decode()
    assert "Overdue by 3 days (due 17 Dec 2026)" in body
    assert ("olle" in body) is listed
    if listed:
        assert body.index("maria") < body.index("olle")


def test_the_reminder_is_for_the_booked_day_and_says_they_disagree(tester_case):
    save_preferences(tester_case, ["injection"])
    [reminder] = due_reminders(stockholm(2026, 12, 16, 8, 0))
    assert reminder.window.due.date() == dt.date(2026, 12, 17)
    assert reminder.what == (f"Your lanreotide injection is due tomorrow, 17 December. {PATIENT_SAYS}")
    assert due_reminders(stockholm(2027, 1, 3, 8, 0)) == [], "no second reminder for the plan's later day"


def test_the_overdue_alert_fires_a_week_after_the_booked_day(tester_case):
    assert raise_overdue_injections(dt.date(2026, 12, 24)) == []
    [alert] = raise_overdue_injections(dt.date(2026, 12, 25))
    assert alert.reason == ("The injection due on 2026-12-17 is 8 days overdue. An injection is booked for "
                            "2026-12-17; the plan gives 2027-01-04: check which is right.")
    assert alert.source_key.endswith(":2026-12-17")


def test_a_later_booking_never_silences_the_plans_overdue_alert(time_machine, record_cast):
    """Fail safe: the plan's 4 January passes unseen although an injection is booked for 20 January."""
    time_machine.move_to(DEC_10, tick=False)
    maria = record_cast["maria"]
    on_injections(maria)
    book_injection(maria, stockholm(2027, 1, 20, 9, 0))
    [alert] = raise_overdue_injections(dt.date(2027, 1, 12))
    assert alert.reason == ("The injection due on 2027-01-04 is 8 days overdue. An injection is booked for "
                            "2027-01-20; the plan gives 2027-01-04: check which is right.")


@pytest.mark.parametrize("last_given, booked, moment, headline, says", [
    # Over a month end: the plan gives Saturday 31 October, the booking is Monday 2 November.
    (dt.date(2026, 10, 3), stockholm(2026, 11, 2, 9, 0), stockholm(2026, 10, 30, 23, 30),
     'Due on <time datetime="2026-10-31">Saturday 31 October 2026</time>',
     "Your booked injection on 2 November is not the date your plan gives (31 October)."),
    # The booking is on the Sunday the clocks go back (25 October 2026): half an hour into that day, while UTC is
    # still on the 24th, it is due today; the plan gives 29 October.
    (dt.date(2026, 10, 1), stockholm(2026, 10, 25, 9, 0), stockholm(2026, 10, 25, 0, 30),
     'Due today, <time datetime="2026-10-25">Sunday 25 October 2026</time>',
     "Your booked injection on 25 October is not the date your plan gives (29 October)."),
    # And on the Sunday they go forward (29 March 2026), the plan's day too: they agree. Half an hour after it.
    (dt.date(2026, 3, 1), stockholm(2026, 3, 29, 9, 0), stockholm(2026, 3, 30, 0, 30),
     "Overdue by 1 day", None),
])
def test_every_audience_agrees_across_a_month_end_and_the_clock_change(client, staff_client, time_machine,
                                                                       record_cast, last_given, booked, moment,
                                                                       headline, says):
    time_machine.move_to(stockholm(last_given.year, last_given.month, last_given.day, 12, 0), tick=False)
    maria, sara = record_cast["maria"], record_cast["sara"]
    on_injections(maria, last_given=last_given)
    book_injection(maria, booked)
    assign(maria, sara)
    time_machine.move_to(moment, tick=False)
    due = selectors.next_injection(maria)
    client.force_login(maria)
    medicines_page = client.get(reverse("medicines:index"))
    assert headline in medicines_page.content.decode()
    if due.disagrees:
        assert says in said(medicines_page)
    else:
        assert "injection-disagrees" not in medicines_page.content.decode()
    appointments_page = client.get(reverse("appointments:index")).content.decode()
    assert f'<time datetime="{due.due_on.isoformat()}">' in section(appointments_page, "next-injection")
    client.logout()
    staff_list = text(staff_client(sara).get(reverse("careteam:patients")))
    assert roster.due_words(due) in staff_list
    save_preferences(maria, ["injection"])
    on_the_day = stockholm(due.due_on.year, due.due_on.month, due.due_on.day, 7, 30)
    [reminder] = due_reminders(on_the_day)
    assert reminder.window.due.date() == due.due_on and "today" in reminder.what
    [alert] = raise_overdue_injections(due.due_on + dt.timedelta(days=8))
    assert alert.reason.startswith(f"The injection due on {due.due_on.isoformat()} is 8 days overdue.")


def test_the_demo_shows_one_next_injection_everywhere(client, staff_client, settings, capsys):
    """`netcompanion demo`: the plan's next injection, a week from today, is the booked one; no disagreement."""
    settings.DEBUG = True
    call_command("demo")
    capsys.readouterr()
    patient, nurse = (User.objects.get(username=name) for name in ("patient", "nurse"))
    due = selectors.next_injection(patient)
    week = FROZEN_TODAY + dt.timedelta(days=7)
    assert (due.due_on, due.planned, due.booked, due.disagrees) == (week, week, week, False)
    client.force_login(patient)
    on = f'<time datetime="{week.isoformat()}">'
    assert on in section(client.get(reverse("medicines:index")).content.decode(), "next-due")
    assert on in section(client.get(reverse("appointments:index")).content.decode(), "next-injection")
    client.logout()
    assert "Due 24 Jun 2026, in 7 days" in text(staff_client(nurse).get(reverse("careteam:patients")))
    [reminder] = [r for r in due_reminders(stockholm(2026, 6, 23, 8, 0)) if r.window.kind == "injection"]
    assert reminder.window.due.date() == week and "is not the date" not in reminder.what
    assert raise_overdue_injections(week + dt.timedelta(days=7)) == []
    assert len(raise_overdue_injections(week + dt.timedelta(days=8))) == 1


def test_the_booked_injections_own_page_says_it_is_not_the_plans_day(client, tester_case):
    client.force_login(tester_case)
    booked = tester_case.appointments.get()
    assert PATIENT_SAYS in said(client.get(reverse("appointments:detail", args=[booked.code])))
    later = book_injection(tester_case, stockholm(2027, 1, 4, 9, 0))
    assert "injection-disagrees" not in client.get(reverse("appointments:detail", args=[later.code])).content.decode()


def test_the_api_gives_the_same_date_and_both_days(client, tester_case):
    token = ApiToken.issue(tester_case, "phone")[1]
    due = client.get("/api/v1/injections/next-due", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert due == {"due_on": "2026-12-17", "days_until": 7, "overdue": False, "planned_on": "2027-01-04",
                   "booked_on": "2026-12-17", "disagrees": True}


def test_the_visit_summary_gives_the_same_date_and_both_days(client, tester_case, tmp_path):
    client.force_login(tester_case)
    pdf = client.get(reverse("documents:visit_summary"), {"period": "4w"})
    words = " ".join(pdf_text(pdf.content, tmp_path).split())
    assert ("Next due: 17 December 2026 (an injection is booked for 17 December 2026; the plan gives 4 January "
            "2027: check which is right)") in words
