"""Names, titles and notes are stored without the characters that disguise text (issue 16: right-to-left override
and zero-width characters)."""

import datetime as dt

import pytest
from django.urls import reverse

from netcompanion.accounts.testing import PASSWORD
from netcompanion.appointments.models import Appointment
from netcompanion.careplan.models import CareContact
from netcompanion.core.testing import FROZEN_NOW, FROZEN_TODAY
from netcompanion.core.text import plain
from netcompanion.diary.models import DiaryEntry

RLO, PDF, ZWSP, BOM, ISOLATE = "\u202e", "\u202c", "\u200b", "\ufeff", "\u2067"


@pytest.mark.parametrize("typed, stored", [
    (f"Call {RLO}eivS{PDF} today", "Call eivS today"),  # shown reversed as "Svie" when typed with the override
    (f"Sa{ZWSP}ra", "Sara"),
    (f"{BOM}Note", "Note"),
    (f"{ISOLATE}abc\u2069", "abc"),
    ("می\u200cخواهم", "می\u200cخواهم"),  # Persian needs the zero-width non-joiner: kept
    ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # an emoji family is joined by ZWJ: kept
    ("שלום \u200f123", "שלום \u200f123"),  # a right-to-left mark, as Hebrew and Arabic text use it: kept
])
def test_plain_takes_out_only_what_disguises_text(typed, stored):
    assert plain(typed) == stored


def test_a_diary_note_sent_through_the_api_is_stored_and_answered_plain(api):
    answer = api.post("/api/v1/diary", {"date": FROZEN_TODAY.isoformat(), "stools": 2,
                                        "notes": f"felt {RLO}enif{PDF} after lunch"}, content_type="application/json")
    assert answer.status_code == 201
    assert answer.json()["notes"] == "felt enif after lunch"
    assert DiaryEntry.objects.get().notes == "felt enif after lunch"


def test_an_appointment_title_from_the_web_form_is_stored_plain(client, maria):
    day = FROZEN_NOW + dt.timedelta(days=3)
    response = client.post(reverse("appointments:new"), {
        "kind": "scan", "title": f"CT{ZWSP} scan {RLO}ti", "date": day.date().isoformat(), "start_time": "09:30",
        "status": "booked"})
    assert response.status_code == 302, response.content
    assert Appointment.objects.get().title == "CT scan ti"


def test_a_diary_note_from_the_web_form_is_stored_plain(client, maria):
    response = client.post(reverse("diary:new"), {"date": FROZEN_TODAY.isoformat(), "wheezing": "unknown",
                                                  "stools": "2", "notes": f"{BOM}tired{ISOLATE}\u2069 today"})
    assert response.status_code in (200, 302)
    assert DiaryEntry.objects.get().notes == "tired today"


def test_a_contacts_name_is_stored_plain(client, maria):
    client.post(reverse("careplan:contact_new"), {"name": f"S{ZWSP}ara {RLO}ssoN", "role": "other", "version": 1})
    assert CareContact.objects.get().name == "Sara ssoN"


def test_a_password_is_kept_exactly_as_typed(client, maria):
    """The same characters in a password are the person's to choose: changing it keeps them, and they sign in."""
    new = f"long{ZWSP}secret phrase 42"
    response = client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": new,
                                                        "new_password2": new})
    assert response.status_code == 302
    maria.refresh_from_db()
    assert maria.check_password(new) and not maria.check_password(new.replace(ZWSP, ""))
