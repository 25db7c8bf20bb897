"""The patient's side of the audit: every look by the care team, newest first, their own only, never changed."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from netcompanion.accounts.testing import verified_login
from netcompanion.audit.models import AccessEvent, What
from netcompanion.audit.services import record_access
from netcompanion.core.testing import text

pytestmark = pytest.mark.django_db
PAGE = reverse("audit:index")


def test_the_patient_sees_who_looked_at_what_newest_first(client, cast, time_machine):
    maria = cast["maria"]
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 15, tzinfo=dt.UTC), tick=False)
    record_access(cast["sara"], maria, What.DIARY)
    time_machine.move_to(dt.datetime(2026, 3, 3, 14, 5, tzinfo=dt.UTC), tick=False)
    record_access(cast["ali"], maria, What.EXPORT_PDF)
    record_access(cast["ali"], cast["olle"], What.LABS)
    client.force_login(maria)
    response = client.get(PAGE)
    assert response.status_code == 200
    words = text(response)
    assert "Who has looked at your record" in words
    assert "The nurses and doctors looking after you can see your record" in words and "it is listed here" in words
    assert words.index("Ali Haddad (doctor) · Downloaded the visit summary (PDF)") < words.index(
        "Sara Ek (contact nurse) · Read the diary")
    assert "Tuesday 3 March 2026, 15:05" in words  # shown in local time
    assert "lab results" not in words, "Olle's record is his own"


def test_a_look_keeps_the_name_and_role_of_who_looked_as_they_were_then(client, cast):
    """Sara marries and becomes a doctor: what Maria was shown before still says who looked then."""
    sara = cast["sara"]
    record_access(sara, cast["maria"], What.DIARY)
    sara.last_name, sara.role = "Lind", "doctor"
    sara.save()
    record_access(sara, cast["maria"], What.LABS)
    client.force_login(cast["maria"])
    words = text(client.get(PAGE))
    assert "Sara Lind (doctor) · Read the lab results" in words
    assert "Sara Ek (contact nurse) · Read the diary" in words


@pytest.mark.parametrize("what", list(What))
def test_each_kind_of_look_reads_as_words(client, cast, what):
    record_access(cast["sara"], cast["maria"], what)
    client.force_login(cast["maria"])
    assert f"Sara Ek (contact nurse) · {what.label}" in text(client.get(PAGE))


def test_adding_follow_up_checks_is_listed_in_plain_words(client, cast):
    record_access(cast["sara"], cast["maria"], What.FOLLOW_UP_CHECKS)
    client.force_login(cast["maria"])
    assert "Sara Ek (contact nurse) · Added follow-up checks to the appointments" in text(client.get(PAGE))


def test_every_look_is_listed_across_pages(client, cast):
    for _ in range(51):
        record_access(cast["sara"], cast["maria"], What.OVERVIEW)
    client.force_login(cast["maria"])
    assert text(client.get(PAGE)).count("Opened the record") == 50
    second = text(client.get(PAGE, {"page": 2}))
    assert second.count("Opened the record") == 1 and "Page 2 of 2" in second


def test_a_calm_message_when_nobody_has_looked(client, cast):
    client.force_login(cast["maria"])
    assert "Nobody from your care team has opened your record yet." in text(client.get(PAGE))


def test_my_record_links_to_the_list(client, cast):
    client.force_login(cast["maria"])
    assert f'href="{PAGE}"' in client.get(reverse("my_record")).content.decode()


@pytest.mark.parametrize("name", ["sara", "johan", "ada"])
def test_only_patients_have_this_page(client, cast, name):
    record_access(cast["sara"], cast["maria"], What.DIARY)
    client.force_login(cast[name])
    assert client.get(PAGE).status_code == 404


def test_rows_cannot_be_changed_or_deleted(cast):
    event = record_access(cast["sara"], cast["maria"], What.DIARY)
    event.what = What.LABS
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    event.refresh_from_db()
    assert event.what == What.DIARY
    with pytest.raises(ValueError):
        record_access(cast["sara"], cast["maria"], "peeked")


def test_the_admin_can_read_rows_but_not_add_change_or_delete_them(client, cast):
    event = record_access(cast["sara"], cast["maria"], What.DIARY)
    verified_login(client, cast["ada"])
    assert client.get(reverse("admin:audit_accessevent_changelist")).status_code == 200
    change = reverse("admin:audit_accessevent_change", args=[event.pk])
    assert client.get(change).status_code == 200
    assert client.post(change, {"what": What.LABS, "staff_role": "doctor"}).status_code == 403
    assert client.post(reverse("admin:audit_accessevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:audit_accessevent_add")).status_code == 403
    event.refresh_from_db()
    assert (event.what, event.staff_role) == (What.DIARY, "nurse")
    assert AccessEvent.objects.count() == 1
    changelist = client.post(reverse("admin:audit_accessevent_changelist"),
                             {"action": "delete_selected", "_selected_action": [event.pk]})
    assert changelist.status_code in (200, 302, 403)
    assert AccessEvent.objects.count() == 1, "the bulk delete action is not offered either"
