"""The comparison behind the history page, without a database."""

import subprocess
import sys

from netcompanion.careplan.changes import (
    EMPTY_PLAN,
    ContactChange,
    TextChange,
    changed_parts,
    contact_changed,
    describe,
    normalise_text,
    plan_changes,
    sort_contacts,
)

NURSE = {"code": "n", "name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 000 00 00", "email": "",
         "notes": ""}
DOCTOR = {"code": "d", "name": "Ali Haddad", "role": "doctor", "phone": "", "email": "", "notes": ""}


def plan(**parts):
    return {**EMPTY_PLAN, **parts}


def test_a_changed_part_shows_its_text_before_and_after():
    changes = plan_changes(plan(goals="Slow it down."), plan(goals="Slow it down and ease flushing."))
    assert changes == [TextChange("goals", "Goals of treatment", "Slow it down.", "Slow it down and ease flushing.")]


def test_unchanged_parts_are_left_out_and_the_order_follows_the_plan():
    before = plan(diagnosis="NET", what_matters="Family")
    after = plan(diagnosis="Small-intestine NET", what_matters="Grandchildren", goals="Control")
    assert [c.key for c in plan_changes(before, after)] == ["diagnosis", "goals", "what_matters"]
    assert changed_parts(before, after) == ["diagnosis", "goals", "what_matters"]


def test_contacts_added_changed_and_removed_are_told_apart_with_readable_roles():
    before = plan(contacts=[NURSE, DOCTOR])
    after = plan(contacts=[{**NURSE, "phone": "+46 8 000 00 09"},
                           {"code": "c", "name": "NET centre", "role": "net_centre", "phone": "", "email": "",
                            "notes": "Weekly team meeting"}])
    changes = plan_changes(before, after)
    assert [(c.action, c.name) for c in changes] == [
        ("changed", "Sara Ek"), ("removed", "Ali Haddad"), ("added", "NET centre")]
    assert changes[0].fields == (("Phone", "+46 8 000 00 00", "+46 8 000 00 09"),)
    assert ("Role", "Doctor", "") in changes[1].fields
    assert ("Role", "", "NET centre") in changes[2].fields
    assert all(isinstance(c, ContactChange) for c in changes)
    assert changed_parts(before, after) == ["contacts"]


def test_one_contact_can_be_checked_on_its_own():
    before, after = plan(contacts=[NURSE, DOCTOR]), plan(contacts=[NURSE, {**DOCTOR, "notes": "Oncologist"}])
    assert contact_changed(before, after, "d") and not contact_changed(before, after, "n")


def test_the_contact_nurse_is_sorted_first_whatever_the_name():
    others = {"code": "o", "name": "Aaron", "role": "other"}
    centre = {"code": "c", "name": "Alpha", "role": "net_centre"}
    assert [c["code"] for c in sort_contacts([others, centre, DOCTOR, NURSE])] == ["n", "d", "c", "o"]


def test_browser_line_endings_and_trailing_spaces_are_not_a_change():
    assert normalise_text("  Line one  \r\nLine two\r\n\r\n") == "Line one\nLine two"
    assert normalise_text(None) == ""


def test_a_short_summary_of_what_changed():
    assert describe(["goals"]) == "Goals of treatment"
    assert describe(["diagnosis", "what_matters", "contacts"]) == "Diagnosis summary, what matters to me and contacts"


def test_the_comparison_runs_without_django():
    code = "import sys, netcompanion.careplan.changes; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
