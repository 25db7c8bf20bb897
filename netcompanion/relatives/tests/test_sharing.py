"""The patient's side: change permissions, withdraw, read the activity log; a relative adds a diary entry."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netcompanion.appointments.tests.helpers import book
from netcompanion.careplan import services as careplan_services
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.core.testing import text
from netcompanion.diary import services as diary_services
from netcompanion.diary.models import DiaryEntry, DiaryEntryVersion
from netcompanion.relatives import services
from netcompanion.relatives.models import Activity, ActivityAction, Grant, GrantStatus

from .conftest import ALL, grant

pytestmark = pytest.mark.django_db
YESTERDAY = TODAY - dt.timedelta(days=1)


def day(**values):
    return {"date": YESTERDAY.isoformat(), "wheezing": "unknown", **values}


def test_a_relative_adds_an_entry_that_shows_in_the_patients_diary_and_activity_log(client, cast):
    maria, johan = cast["maria"], cast["johan"]
    g = grant(maria, johan, ["can_view_diary", "can_add_entries"])
    client.force_login(johan)
    response = client.post(reverse("relatives:add_entry", args=[g.code]),
                           day(flushes="5", flush_triggers=["stress"], notes="Flushed a lot at dinner"))
    assert response.status_code == 302 and response.url == reverse("relatives:diary", args=[g.code])
    entry = DiaryEntry.objects.get()
    assert (entry.patient, entry.created_by, entry.date, entry.flushes) == (maria, johan, YESTERDAY, 5)
    assert entry.versions.get().changed_by == johan
    assert "Added by you" in text(client.get(reverse("relatives:diary", args=[g.code])))

    client.force_login(maria)
    assert "Flushed a lot at dinner" in text(client.get(reverse("diary:diary")))
    assert "by Johan Lind" in text(client.get(reverse("diary:history", args=[entry.code])))
    log = text(client.get(reverse("relatives:activity", args=[g.code])))
    assert f"Johan Lind: added a diary entry for {YESTERDAY:%-d %B %Y}" in log
    row = Activity.objects.get(action=ActivityAction.ADDED_ENTRY)
    assert (row.actor, row.entry, row.entry_date, row.grant) == (johan, entry, YESTERDAY, g)

    johan.first_name = "Jonathan"
    johan.save()
    log = text(client.get(reverse("relatives:activity", args=[g.code])))
    assert f"Johan Lind: added a diary entry for {YESTERDAY:%-d %B %Y}" in log, "the log keeps the name as it was"


@pytest.mark.parametrize("values, message", [
    ({"pain": "11"}, "Use a number from 0 to 10."),
    ({"date": (TODAY + dt.timedelta(days=1)).isoformat()}, "The date is in the future."),
    ({"flushes": "-1"}, "cannot be negative"),
])
def test_a_relatives_entry_gets_the_same_checks_as_the_patients(client, cast, values, message):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    client.force_login(cast["johan"])
    response = client.post(reverse("relatives:add_entry", args=[g.code]), day(stools="4", **values))
    assert response.status_code == 400
    assert message in text(response) and 'value="4"' in response.content.decode()
    assert not DiaryEntry.objects.exists() and not DiaryEntryVersion.objects.exists()
    assert not Activity.objects.filter(action=ActivityAction.ADDED_ENTRY).exists()


def test_a_relative_cannot_add_a_second_entry_for_a_day_the_patient_logged(client, cast):
    maria = cast["maria"]
    diary_services.record_entry(maria, maria, {"date": YESTERDAY, "flushes": 1})
    g = grant(maria, cast["johan"], ["can_view_diary", "can_add_entries"])
    client.force_login(cast["johan"])
    response = client.post(reverse("relatives:add_entry", args=[g.code]), day(flushes="4"))
    assert response.status_code == 400
    assert DiaryEntry.objects.get().flushes == 1


def test_an_entry_posted_after_withdrawal_is_not_saved(client, cast):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    stale = Grant.objects.get(pk=g.pk)
    services.withdraw(g, cast["maria"])
    with pytest.raises(services.AccessEnded):
        services.add_entry(stale, cast["johan"], {"date": YESTERDAY, "flushes": 2})
    assert not DiaryEntry.objects.exists()


def test_the_patient_changes_permissions_and_it_is_logged(client, cast):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary"])
    client.force_login(cast["maria"])
    page = client.get(reverse("relatives:edit", args=[g.code])).content.decode()
    assert 'value="can_view_diary"' in page and "checked" in page
    response = client.post(reverse("relatives:edit", args=[g.code]), {"permissions": ["can_view_care"]})
    assert response.status_code == 302
    g.refresh_from_db()
    assert g.permissions == ["can_view_care"]
    log = text(client.get(reverse("relatives:activity", args=[g.code])))
    assert "You: permissions changed (from: see your diary; to: see your appointments and care plan)" in log
    swedish = text(client.get(reverse("relatives:activity", args=[g.code]), HTTP_ACCEPT_LANGUAGE="sv"))
    assert "(från: se din dagbok; till: se dina besök och din vårdplan)" in swedish


def test_an_invitation_is_logged_in_the_language_it_is_read_in(client, cast):
    """The log kept the words of the day it was written: "To …, to …" on the Swedish page."""
    client.force_login(cast["maria"])
    client.post(reverse("relatives:invite"), {"email": "anna@example.org", "permissions": ["can_view_diary"]},
                HTTP_ACCEPT_LANGUAGE="en")
    g = Grant.objects.get(email="anna@example.org")
    url = reverse("relatives:activity", args=[g.code])
    assert "(to anna@example.org, to see your diary)" in text(client.get(url, HTTP_ACCEPT_LANGUAGE="en"))
    assert "(till anna@example.org, för att se din dagbok)" in text(client.get(url, HTTP_ACCEPT_LANGUAGE="sv"))


@pytest.mark.parametrize("values, message", [
    ({}, "Tick at least one thing they may do."),
    ({"permissions": ["can_add_entries", "can_view_care"]}, "To add diary entries they also need to see your diary"),
])
def test_changing_permissions_to_nothing_or_add_without_diary_is_refused(client, cast, values, message):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary"])
    client.force_login(cast["maria"])
    rows = Activity.objects.count()
    response = client.post(reverse("relatives:edit", args=[g.code]), values)
    assert response.status_code == 400 and message in text(response)
    g.refresh_from_db()
    assert g.permissions == ["can_view_diary"] and Activity.objects.count() == rows


def test_a_withdrawn_grant_cannot_be_changed_or_withdrawn_again(client, cast):
    g = grant(cast["maria"], cast["johan"], ["can_view_diary"])
    client.force_login(cast["maria"])
    assert "Withdraw access for Johan Lind?" in text(client.get(reverse("relatives:withdraw", args=[g.code])))
    client.post(reverse("relatives:withdraw", args=[g.code]))
    rows = Activity.objects.count()
    assert client.post(reverse("relatives:edit", args=[g.code]), {"permissions": ALL}).status_code == 404
    assert client.post(reverse("relatives:withdraw", args=[g.code])).status_code == 302
    g.refresh_from_db()
    assert g.status == GrantStatus.WITHDRAWN and g.permissions == ["can_view_diary"]
    assert Activity.objects.count() == rows
    page = text(client.get(reverse("relatives:mine")))
    assert "Access you have withdrawn" in page and "Johan Lind" in page
    assert "You: access withdrawn" in text(client.get(reverse("relatives:activity", args=[g.code])))


def test_the_list_shows_each_relative_with_permissions_and_state(client, cast):
    grant(cast["maria"], cast["johan"], ["can_view_diary", "can_add_entries"])
    services.invite(cast["maria"], "kim@example.org", ["can_view_care"])
    old, _ = services.invite(cast["maria"], "late@example.org", ["can_view_care"])
    Grant.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(days=1))
    client.force_login(cast["maria"])
    page = text(client.get(reverse("relatives:mine")))
    assert "Johan Lind Has access" in page and "May see your diary, add diary entries." in page
    assert "kim@example.org Invitation sent" in page and "May see your appointments and care plan." in page
    assert "late@example.org Invitation expired" in page


def test_query_counts_are_pinned_on_the_list_pages(client, cast, django_assert_max_num_queries):
    maria = cast["maria"]
    for i in range(5):
        diary_services.record_entry(maria, maria, {"date": TODAY - dt.timedelta(days=i), "notes": f"Day {i}"})
        book(maria, days=i * 7 - 14, title=f"Visit {i}")
    careplan_services.update_plan(maria, maria, {"goals": "Walk"}, based_on_version=0)
    careplan_services.add_contact(maria, maria, {"name": "Sara Ek", "role": "contact_nurse", "phone": "+46 8 1"})
    for i in range(3):
        careplan_services.keep_pathology_report(maria, maria, TODAY, f"NET G{i + 1}", [("Grade", f"G{i + 1}")],
                                                [f"NET G{i + 1}"], [])
    grants = [grant(maria, cast["johan"], ALL), grant(maria, cast["eva"], ["can_view_diary"])]
    grant(cast["olle"], cast["johan"], ALL)
    for i in range(3):
        services.invite(maria, f"kim{i}@example.org", ["can_view_diary"])

    client.force_login(maria)  # every page: one more for the header's unread messages
    with django_assert_max_num_queries(4):
        assert client.get(reverse("relatives:mine")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("relatives:activity", args=[grants[0].code])).status_code == 200

    client.force_login(cast["johan"])
    code = grants[0].code
    with django_assert_max_num_queries(4):
        assert client.get(reverse("relatives:index")).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("relatives:diary", args=[code])).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("relatives:appointments", args=[code])).status_code == 200
    with django_assert_max_num_queries(8):  # the pathology reports kept in the plan: one read, however many
        assert client.get(reverse("relatives:careplan", args=[code])).status_code == 200


def test_a_relative_does_not_learn_who_else_the_patient_shares_with(client, cast):
    maria = cast["maria"]
    johans = grant(maria, cast["johan"], ["can_view_diary", "can_add_entries"])
    evas = grant(maria, cast["eva"], ["can_view_diary", "can_add_entries"])
    services.add_entry(evas, cast["eva"], {"date": YESTERDAY, "notes": "Eva was here"})
    client.force_login(cast["johan"])
    page = text(client.get(reverse("relatives:diary", args=[johans.code])))
    assert "Eva was here" in page and "Added by someone other than Maria Lind" in page
    assert "Eva Berg" not in page and "eva" not in page.replace("Eva was here", "")
    assert reverse("relatives:diary", args=[evas.code]) not in client.get(reverse("relatives:index")).content.decode()
