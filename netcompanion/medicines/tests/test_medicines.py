import datetime as dt
import re
import uuid

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import form_row
from netcompanion.medicines.demo import create_demo_medicines
from netcompanion.medicines.models import (
    Injection,
    InjectionPlan,
    InjectionPlanVersion,
    InjectionVersion,
    Medicine,
    MedicineVersion,
    PlanStatus,
    Status,
)

pytestmark = pytest.mark.django_db


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def long(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@pytest.fixture
def cast(record_cast):
    return record_cast


def plan(**values):
    return {"drug": "lanreotide", "dose_mg": "120", "interval_days": "28", "notes": "", **values}


def injection(**values):
    return {"given_on": TODAY.isoformat(), "drug": "lanreotide", "dose_mg": "120", "place": "clinic",
            "given_by": "nurse", "notes": "", **values}


def medicine(**values):
    return {"name": "Creon 25,000", "dose": "1 capsule", "how_often": "With each meal",
            "started_on": days_ago(100), "stopped_on": "", "notes": "", **values}


def index(client) -> str:
    return client.get(reverse("medicines:index")).content.decode()


# Next injection due ------------------------------------------------------------------------------------------

def test_recording_an_injection_moves_the_next_due_date(client, maria):
    assert client.post(reverse("medicines:plan"), plan()).status_code == 302
    assert "Record your last injection" in index(client)

    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(10)))
    body = index(client)
    assert f"Due on <time datetime=\"{(TODAY + dt.timedelta(days=18)).isoformat()}\">" in body
    assert long(TODAY + dt.timedelta(days=18)) in body and "in 18 days" in body

    response = client.post(reverse("medicines:injection_new"), injection())
    assert response.status_code == 302
    body = index(client)
    assert long(TODAY + dt.timedelta(days=28)) in body and "in 28 days" in body
    assert "Lanreotide 120 mg every 28 days" in body


def test_an_octreotide_plan_every_four_weeks(client, maria):
    client.post(reverse("medicines:plan"), plan(drug="octreotide_lar", dose_mg="30", interval_days="28"))
    client.post(reverse("medicines:injection_new"), injection(drug="octreotide_lar", dose_mg="30",
                                                              given_on=days_ago(7)))
    body = index(client)
    assert "Octreotide LAR 30 mg every 28 days" in body and "in 21 days" in body


def test_a_missed_injection_shows_overdue_by_n_days(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(31)))
    body = index(client)
    assert "Overdue by 3 days" in body
    assert "next-due-overdue" in body
    assert long(TODAY - dt.timedelta(days=3)) in body
    assert "contact your clinic or nurse" in body


def test_overdue_by_one_day_is_singular_and_due_today_is_said_plainly(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(29)))
    assert "Overdue by 1 day<" in index(client)
    Injection.objects.update(given_on=TODAY - dt.timedelta(days=28))
    body = index(client)
    assert "Due today" in body and "Overdue" not in body


def test_a_shorter_interval_in_the_plan_changes_the_due_date(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(10)))
    client.post(reverse("medicines:plan"), plan(interval_days="21"))
    assert "in 11 days" in index(client)
    assert list(InjectionPlanVersion.objects.values_list("data__interval_days", flat=True)) == [28, 21]


def test_without_a_plan_there_is_no_due_date_but_injections_can_be_recorded(client, maria):
    body = index(client)
    assert "Set up your plan" in body and "Due on" not in body
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(3)))
    body = index(client)
    assert long(TODAY - dt.timedelta(days=3)) in body and "Due on" not in body


def test_ending_the_plan_stops_the_due_date_and_keeps_everything(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(60)))
    client.post(reverse("medicines:plan_end"))
    body = index(client)
    assert "Overdue" not in body and InjectionPlan.objects.get().status == PlanStatus.ENDED
    assert Injection.objects.current().count() == 1
    client.post(reverse("medicines:plan"), plan())
    assert "Overdue by 32 days" in index(client), "setting the plan up again brings the due date back"
    actions = list(InjectionPlanVersion.objects.values_list("action", flat=True))
    assert actions == ["created", "ended", "updated"]


def test_deleting_the_latest_injection_brings_back_the_earlier_due_date(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(30)))
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(2)))
    assert "in 26 days" in index(client)
    latest = Injection.objects.get(given_on=TODAY - dt.timedelta(days=2))
    client.post(reverse("medicines:injection_delete", args=[latest.code]))
    assert "Overdue by 2 days" in index(client)


# Forms ------------------------------------------------------------------------------------------------------

def test_the_injection_form_starts_from_today_and_the_plan(client, maria):
    client.post(reverse("medicines:plan"), plan(drug="octreotide_lar", dose_mg="30"))
    body = client.get(reverse("medicines:injection_new")).content.decode()
    assert f'value="{TODAY.isoformat()}"' in form_row(body, "given_on")
    assert re.search(r'value="octreotide_lar"[^>]*checked', form_row(body, "drug"))
    assert 'value="30"' in form_row(body, "dose_mg")
    assert re.search(r'value="clinic"[^>]*checked', form_row(body, "place"))


def test_a_new_plan_form_starts_empty_so_it_is_copied_from_the_letter(client, maria):
    body = client.get(reverse("medicines:plan")).content.decode()
    assert "checked" not in form_row(body, "drug")
    assert 'value="' not in form_row(body, "dose_mg")


@pytest.mark.parametrize("values, field, message", [
    ({"given_on": days_ago(-1)}, "given_on", "The date is in the future."),
    ({"given_on": "1985-06-01"}, "given_on", "The date is too long ago."),
    ({"dose_mg": "0"}, "dose_mg", "The dose must be more than 0 mg."),
    ({"dose_mg": "-120"}, "dose_mg", "The dose must be more than 0 mg."),
    ({"dose_mg": "1200"}, "dose_mg", "never more than 500 mg"),
    ({"dose_mg": "300"}, "dose_mg", "lanreotide is usually from 30 to 120 mg"),
    ({"drug": "octreotide_lar", "dose_mg": "120"}, "dose_mg", "octreotide LAR is usually from 10 to 60 mg"),
    ({"drug": ""}, "drug", "Choose lanreotide or octreotide LAR."),
])
def test_impossible_injections_are_refused_next_to_the_field_and_kept(client, maria, values, field, message):
    response = client.post(reverse("medicines:injection_new"), injection(notes="left side", **values))
    body = response.content.decode()
    assert response.status_code == 400
    assert message in form_row(body, field), "the message is next to the field"
    assert "left side" in body, "what the person typed is kept"
    if "dose_mg" in values:
        assert f'value="{values["dose_mg"]}"' in form_row(body, "dose_mg")
    assert not Injection.objects.exists() and not InjectionVersion.objects.exists()


def test_a_second_injection_on_the_same_day_is_refused(client, maria):
    client.post(reverse("medicines:injection_new"), injection())
    response = client.post(reverse("medicines:injection_new"), injection(dose_mg="90"))
    assert response.status_code == 400
    assert "You already recorded an injection on" in form_row(response.content.decode(), "given_on")
    assert Injection.objects.get().dose_mg == 120


@pytest.mark.parametrize("values, field, message", [
    ({"interval_days": "280"}, "interval_days", "Use a number of days from 7 to 56."),
    ({"interval_days": "0"}, "interval_days", "Use a number of days from 7 to 56."),
    ({"dose_mg": "0"}, "dose_mg", "The dose must be more than 0 mg."),
    ({"dose_mg": "1200"}, "dose_mg", "never more than 500 mg"),
])
def test_impossible_plans_are_refused(client, maria, values, field, message):
    response = client.post(reverse("medicines:plan"), plan(notes="from the letter", **values))
    assert response.status_code == 400
    assert message in form_row(response.content.decode(), field)
    assert "from the letter" in response.content.decode()
    assert not InjectionPlan.objects.exists()


def test_a_medicine_cannot_stop_before_it_started(client, maria):
    response = client.post(reverse("medicines:medicine_new"),
                           medicine(name="Loperamide", started_on=days_ago(10), stopped_on=days_ago(20)))
    body = response.content.decode()
    assert response.status_code == 400
    assert "The stop date is before the start date" in form_row(body, "stopped_on")
    assert 'value="Loperamide"' in body and f'value="{days_ago(20)}"' in body
    assert not Medicine.objects.exists() and not MedicineVersion.objects.exists()


def test_a_medicine_needs_a_name_and_a_start_date(client, maria):
    response = client.post(reverse("medicines:medicine_new"), medicine(name="", started_on="", dose="2 mg"))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Give the name of the medicine." in form_row(body, "name")
    assert "Give the date you started." in form_row(body, "started_on")
    assert 'value="2 mg"' in body
    assert not Medicine.objects.exists()


def test_stopping_before_the_start_is_refused_on_the_stop_page_too(client, maria):
    client.post(reverse("medicines:medicine_new"), medicine(started_on=days_ago(10)))
    creon = Medicine.objects.get()
    response = client.post(reverse("medicines:medicine_stop", args=[creon.code]), {"stopped_on": days_ago(11)})
    assert response.status_code == 400
    assert "The stop date is before the start date" in form_row(response.content.decode(), "stopped_on")
    creon.refresh_from_db()
    assert creon.stopped_on is None and creon.versions.count() == 1


# Medicines --------------------------------------------------------------------------------------------------

def test_medicines_are_listed_as_current_and_past(client, maria):
    client.post(reverse("medicines:medicine_new"), medicine())
    client.post(reverse("medicines:medicine_new"),
                medicine(name="Loperamide", dose="2 mg", how_often="When needed", started_on=days_ago(300)))
    body = index(client)
    now = body.split("Medicines you take now")[1]
    assert "Creon 25,000" in now and "Loperamide" in now and "Medicines you took before" not in body

    loperamide = Medicine.objects.get(name="Loperamide")
    response = client.post(reverse("medicines:medicine_stop", args=[loperamide.code]), {"stopped_on": days_ago(5)})
    assert response.status_code == 302
    now, before = index(client).split("Medicines you took before")
    assert "Loperamide" not in now.split("Medicines you take now")[1] and "Loperamide" in before
    assert "Creon 25,000" in now
    assert list(loperamide.versions.values_list("action", flat=True)) == ["created", "stopped"]


def test_the_stop_page_starts_from_today(client, maria):
    client.post(reverse("medicines:medicine_new"), medicine())
    body = client.get(reverse("medicines:medicine_stop", args=[Medicine.objects.get().code])).content.decode()
    assert f'value="{TODAY.isoformat()}"' in body


# History ----------------------------------------------------------------------------------------------------

def test_changing_an_injection_keeps_the_earlier_version(client, maria):
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(3)))
    shot = Injection.objects.get()
    response = client.post(reverse("medicines:injection_edit", args=[shot.code]),
                           injection(given_on=days_ago(4), dose_mg="90", place="home", given_by="self"))
    assert response.status_code == 302
    shot.refresh_from_db()
    assert (shot.given_on, shot.dose_mg, shot.place) == (TODAY - dt.timedelta(days=4), 90, "home")
    versions = list(shot.versions.all())
    assert [v.data["dose_mg"] for v in versions] == [120, 90]
    assert [v.action for v in versions] == ["created", "updated"]
    assert all(v.changed_by == maria for v in versions)
    history = client.get(reverse("medicines:injection_history", args=[shot.code])).content.decode()
    assert "Created" in history and "Changed" in history and "by maria" in history
    assert "Dose in mg: 120" in history and "Dose in mg: 90" in history and "Who gave it: Self-given" in history


def test_saving_without_a_change_adds_no_version(client, maria):
    client.post(reverse("medicines:injection_new"), injection())
    shot = Injection.objects.get()
    client.post(reverse("medicines:injection_edit", args=[shot.code]), injection())
    assert shot.versions.count() == 1


def test_deleting_an_injection_hides_it_but_keeps_its_history(client, maria):
    client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(3), notes="bruised a bit"))
    shot = Injection.objects.get()
    assert client.get(reverse("medicines:injection_delete", args=[shot.code])).status_code == 200
    client.post(reverse("medicines:injection_delete", args=[shot.code]))
    shot.refresh_from_db()
    assert shot.status == Status.ENTERED_IN_ERROR
    assert "bruised a bit" not in index(client)
    assert reverse("medicines:injection_history", args=[shot.code]) in \
        client.get(reverse("medicines:deleted")).content.decode()
    history = client.get(reverse("medicines:injection_history", args=[shot.code])).content.decode()
    assert "Deleted" in history and "bruised a bit" in history
    assert client.get(reverse("medicines:injection_edit", args=[shot.code])).status_code == 404
    assert client.post(reverse("medicines:injection_new"), injection(given_on=days_ago(3))).status_code == 302, \
        "the day can be recorded again"


def test_changing_and_deleting_a_medicine_keeps_versions(client, maria):
    client.post(reverse("medicines:medicine_new"), medicine())
    creon = Medicine.objects.get()
    client.post(reverse("medicines:medicine_edit", args=[creon.code]), medicine(dose="2 capsules"))
    client.post(reverse("medicines:medicine_delete", args=[creon.code]))
    creon.refresh_from_db()
    assert creon.status == Status.ENTERED_IN_ERROR and creon.dose == "2 capsules"
    assert [(v.action, v.data["dose"]) for v in creon.versions.all()] == [
        ("created", "1 capsule"), ("updated", "2 capsules"), ("deleted", "2 capsules")]
    assert "Creon" not in index(client).split("<h1>")[1], "gone from the lists (the flash message may name it)"
    history = client.get(reverse("medicines:medicine_history", args=[creon.code])).content.decode()
    assert "Dose: 1 capsule" in history and "Dose: 2 capsules" in history and "Deleted" in history


# Access -----------------------------------------------------------------------------------------------------

def marias_records(client, maria):
    client.post(reverse("medicines:plan"), plan())
    client.post(reverse("medicines:injection_new"), injection(notes="private shot"))
    client.post(reverse("medicines:medicine_new"), medicine(notes="private pill"))
    return Injection.objects.get(), Medicine.objects.get()


def object_urls(shot, pill):
    return [reverse(f"medicines:injection_{name}", args=[shot.code]) for name in ("edit", "delete", "history")] + \
           [reverse(f"medicines:medicine_{name}", args=[pill.code]) for name in ("edit", "stop", "delete", "history")]


def everything(maria):
    return (list(Injection.objects.values_list("status", "dose_mg", "given_on")),
            list(Medicine.objects.values_list("status", "dose", "stopped_on")),
            list(InjectionPlan.objects.filter(patient=maria).values_list("status", "dose_mg", "interval_days")),
            InjectionVersion.objects.count(), MedicineVersion.objects.count(), InjectionPlanVersion.objects.count())


@pytest.mark.parametrize("name", ["olle", "sara", "johan"])
def test_nobody_else_reaches_a_patients_records(client, cast, maria, name):
    shot, pill = marias_records(client, maria)
    before = everything(maria)
    client.force_login(cast[name])
    for url in object_urls(shot, pill):
        assert client.get(url).status_code == 404, url
        response = client.post(url, {**injection(dose_mg="60"), **medicine(dose="9 capsules"),
                                     "stopped_on": TODAY.isoformat()})
        assert response.status_code == 404, url
    assert everything(maria) == before
    if name == "olle":
        body = index(client)
        assert "private" not in body and "Creon" not in body and "Lanreotide 120 mg" not in body
        assert "checked" not in form_row(client.get(reverse("medicines:plan")).content.decode(), "drug")
        assert client.post(reverse("medicines:plan_end")).status_code == 404, "Olle has no plan to end"
        assert "private" not in client.get(reverse("medicines:deleted")).content.decode()
    else:
        for url_name in ("index", "plan", "plan_end", "plan_history", "injections", "injection_new",
                         "medicine_new", "deleted"):
            assert client.get(reverse(f"medicines:{url_name}")).status_code == 404, url_name
            assert client.post(reverse(f"medicines:{url_name}"), plan()).status_code == 404, url_name
    assert everything(maria) == before


def test_an_unknown_id_is_a_404(client, maria):
    assert client.get(reverse("medicines:injection_edit", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("medicines:medicine_edit", args=[uuid.uuid4()])).status_code == 404


def test_every_page_needs_a_sign_in(client, cast):
    client.force_login(cast["maria"])
    shot, pill = marias_records(client, cast["maria"])
    client.logout()
    urls = [reverse(f"medicines:{n}") for n in ("index", "plan", "plan_end", "plan_history", "injections",
                                                 "injection_new", "medicine_new", "deleted")]
    for url in urls + object_urls(shot, pill):
        for response in (client.get(url), client.post(url, injection())):
            assert response.status_code == 302 and reverse("login") in response["Location"], url
    assert Injection.objects.count() == 1 and InjectionVersion.objects.count() == 1


# Pages, query count and demo --------------------------------------------------------------------------------

def test_every_page_has_one_heading_and_the_care_team_notice(client, maria):
    shot, pill = marias_records(client, maria)
    urls = [reverse(f"medicines:{n}") for n in ("index", "plan", "plan_end", "plan_history", "injections",
                                                 "injection_new", "medicine_new", "deleted")]
    for url in urls + object_urls(shot, pill):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert body.count("<h1") == 1, url
        assert "does not replace your care team" in body, url


def test_the_index_takes_a_fixed_number_of_queries(client, maria, django_assert_max_num_queries):
    create_demo_medicines(maria)
    for n in range(5):
        client.post(reverse("medicines:medicine_new"), medicine(name=f"Medicine {n}"))
    # session, user, plan, injections, medicines; the next injection (selectors.next_injection): the last one, the
    # plan's interval and the booked injection appointments
    with django_assert_max_num_queries(9):  # with the header's unread messages
        response = client.get(reverse("medicines:index"))
    assert response.status_code == 200


def test_the_injections_page_shows_the_days_between(client, maria, django_assert_max_num_queries):
    create_demo_medicines(maria)
    with django_assert_max_num_queries(5):  # the header's unread messages, session, user, injections, plan
        body = client.get(reverse("medicines:injections")).content.decode()
    assert body.count("28 days after the one before") == 12


def test_demo_lines_up_with_the_diary_cycle_and_runs_once():
    patient = User.objects.create_user("demo", password="x", role=Role.PATIENT)
    assert create_demo_medicines(patient) == 16
    plan_ = InjectionPlan.objects.get(patient=patient)
    assert (plan_.drug, plan_.dose_mg, plan_.interval_days) == ("lanreotide", 120, 28)
    shots = Injection.objects.filter(patient=patient)
    assert sorted(s.given_on for s in shots) == sorted(TODAY - dt.timedelta(days=21 + 28 * k) for k in range(13))
    assert {(s.place, s.given_by, s.dose_mg) for s in shots} == {("clinic", "nurse", 120)}
    medicines = Medicine.objects.filter(patient=patient)
    assert len(medicines) == 2 and sum(not m.is_current(TODAY) for m in medicines) == 1
    assert InjectionVersion.objects.count() == 13 and MedicineVersion.objects.count() == 2
    assert create_demo_medicines(patient) == 0, "running demo twice adds nothing"
    assert (Injection.objects.count(), Medicine.objects.count(), InjectionPlan.objects.count()) == (13, 2, 1)
