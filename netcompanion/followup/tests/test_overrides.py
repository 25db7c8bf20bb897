"""A clinic's own settings per item, and the due dates staff add as appointments."""

import datetime as dt

import pytest

from netcompanion.followup import ITEMS, InvalidInput, Override, add_months, due_dates, suggest

PANCREAS = {"site": "pancreas", "grade": "G2", "ki67_percent": 4, "size_cm": 2.5, "N": "N0", "M": "M0",
            "resected": True, "margin": "R0", "functioning": False}
G2_REMOVED = {"site": "jejunum_ileum", "grade": "G2", "resected": True, "margin": "R0", "M": "M0",
              "functioning": False}
SURGERY = dt.date(2026, 1, 31)


def items(schedule):
    return {i.id: i for i in schedule.items}


def test_an_override_changes_the_interval_and_keeps_the_guideline_default_visible():
    s = suggest(PANCREAS, {"CN-PANC-SCAN-Y1-3": Override(every_months=(6, 6), note="Local MDT policy")})
    scan = items(s)["CN-PANC-SCAN-Y1-3"]
    assert (scan.every_months, scan.guideline_every_months) == ((6, 6), (12, 12))
    assert (scan.overridden_by_clinic, scan.clinic_note) == (True, "Local MDT policy")
    assert scan.guideline == "CommNETS/NANETS 2018"
    visit = items(s)["CN-PANC-VISIT-Y1-3"]
    assert (visit.overridden_by_clinic, visit.every_months, visit.clinic_note) == (False, (12, 12), None)
    assert s.as_dict()["items"][1]["guideline_every_months"] == [12, 12]


def test_an_override_can_change_how_long_an_item_runs_or_make_it_life_long():
    s = suggest(PANCREAS, {"CN-PANC-SCAN-Y4-10": Override(life_long=True),
                           "CN-PANC-VISIT-Y4-10": Override(for_years=15)})
    assert (items(s)["CN-PANC-SCAN-Y4-10"].for_years, items(s)["CN-PANC-SCAN-Y4-10"].guideline_for_years) == (None, 10)
    assert items(s)["CN-PANC-VISIT-Y4-10"].for_years == 15


def test_a_switched_off_item_is_left_out_and_a_note_says_the_clinic_did_it():
    s = suggest(G2_REMOVED, {"ESMO-G12-SCAN-AFTER-5Y": Override(enabled=False)})
    assert "ESMO-G12-SCAN-AFTER-5Y" not in items(s)
    assert "Switched off by the clinic: CT or MRI scan of the tummy (abdomen) (ESMO-G12-SCAN-AFTER-5Y)." in s.notes


def test_an_override_for_an_item_the_schedule_does_not_use_changes_nothing():
    plain = suggest(G2_REMOVED)
    assert suggest(G2_REMOVED, {"CN-PANC-SCAN-Y1-3": Override(enabled=False)}) == plain


@pytest.mark.parametrize("overrides, field", [
    ({"ESMO-MADE-UP": Override()}, "overrides[ESMO-MADE-UP]"),
    ({"ESMO-G12-SCAN": {"enabled": False}}, "overrides[ESMO-G12-SCAN]"),
    ({"ESMO-G12-SCAN": Override(every_months=(12, 6))}, "overrides[ESMO-G12-SCAN].every_months"),
    ({"ESMO-G12-SCAN": Override(every_months=(0, 6))}, "overrides[ESMO-G12-SCAN].every_months"),
    ({"ESMO-G12-SCAN": Override(every_months=(6, 1200))}, "overrides[ESMO-G12-SCAN].every_months"),
    ({"ESMO-G12-SCAN": Override(every_months=(6.5, 12))}, "overrides[ESMO-G12-SCAN].every_months"),
    ({"ESMO-G12-SCAN": Override(for_years=0)}, "overrides[ESMO-G12-SCAN].for_years"),
    ({"ESMO-G12-SCAN": Override(for_years=10, life_long=True)}, "overrides[ESMO-G12-SCAN].for_years"),
])
def test_a_bad_override_is_refused_naming_the_item(overrides, field):
    with pytest.raises(InvalidInput) as caught:
        suggest(G2_REMOVED, overrides)
    assert field in [e.field for e in caught.value.errors]


def test_items_lists_every_item_id_with_its_defaults_for_the_admin():
    assert ITEMS["ESMO-G12-SCAN"].every_months == (6, 12)
    assert ITEMS["ESMO-G12-SCAN"].guideline == "ESMO 2020"
    assert all(key == item.id for key, item in ITEMS.items())


def test_due_dates_take_the_shorter_end_of_each_interval_and_stop_at_the_horizon():
    s = suggest(G2_REMOVED)
    due = due_dates(s, dt.date(2026, 3, 1), horizon_years=2)
    assert [(d.isoformat(), i.id) for d, i in due] == [
        ("2026-09-01", "ESMO-G12-SCAN"), ("2026-09-01", "ESMO-G12-VISIT"),
        ("2027-03-01", "ESMO-G12-SCAN"), ("2027-03-01", "ESMO-G12-VISIT"),
        ("2027-09-01", "ESMO-G12-SCAN"), ("2027-09-01", "ESMO-G12-VISIT"),
        ("2028-03-01", "ESMO-G12-SCAN"), ("2028-03-01", "ESMO-G12-VISIT"),
    ]


def test_due_dates_follow_each_phase_and_end_when_the_item_ends():
    scans = [d for d, i in due_dates(suggest(PANCREAS), SURGERY, horizon_years=12) if i.kind == "imaging"]
    assert [d.isoformat() for d in scans] == [
        "2027-01-31", "2028-01-31", "2029-01-31",  # yearly for 3 years
        "2030-01-31", "2031-01-31", "2032-01-31", "2033-01-31", "2034-01-31", "2035-01-31", "2036-01-31",
    ]


def test_due_dates_use_the_clinics_interval():
    s = suggest(PANCREAS, {"CN-PANC-SCAN-Y1-3": Override(every_months=(6, 6))})
    scans = [d.isoformat() for d, i in due_dates(s, SURGERY, horizon_years=1) if i.kind == "imaging"]
    assert scans == ["2027-01-31"]  # the first scan stays at 12 months; then every 6 months
    assert len([d for d, i in due_dates(s, SURGERY, horizon_years=3) if i.id == "CN-PANC-SCAN-Y1-3"]) == 5


def test_due_dates_for_a_g3_tumour_come_every_2_months():
    s = suggest({"site": "pancreas", "category": "NEC", "resected": True, "functioning": False})
    scans = [d for d, i in due_dates(s, SURGERY, horizon_years=1) if i.kind == "imaging"]
    assert len(scans) == 6 and scans[0] == dt.date(2026, 3, 31)


def test_the_first_nccn_check_after_lung_surgery_comes_at_3_months():
    s = suggest({"site": "lung", "category": "typical_carcinoid", "resected": True, "functioning": False})
    assert [d.isoformat() for d, i in due_dates(s, SURGERY) if i.kind == "imaging"] == [
        "2026-04-30", "2027-04-30", "2028-04-30"]


def test_no_routine_follow_up_has_no_due_dates():
    s = suggest({"site": "appendix", "grade": "G1", "size_cm": 0.5, "N": "N0", "M": "M0", "resected": True,
                 "margin": "R0", "adverse_features": False})
    assert due_dates(s, SURGERY) == []


@pytest.mark.parametrize("horizon", [0, -1, 2.5])
def test_a_bad_horizon_is_refused(horizon):
    with pytest.raises(ValueError):
        due_dates(suggest(G2_REMOVED), SURGERY, horizon_years=horizon)


@pytest.mark.parametrize("day, months, expected", [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2027, 12, 31), 2, dt.date(2028, 2, 29)),
    (dt.date(2026, 11, 15), 14, dt.date(2028, 1, 15)),
    (dt.date(2026, 5, 31), 0, dt.date(2026, 5, 31)),
])
def test_add_months_keeps_the_day_or_takes_the_last_day_of_a_shorter_month(day, months, expected):
    assert add_months(day, months) == expected
