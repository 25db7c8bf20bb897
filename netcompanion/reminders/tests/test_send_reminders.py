"""`netcompanion send-reminders`: the right reminder at the right moment, once, to the right person."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netcompanion.accounts.models import Role, User
from netcompanion.appointments import services as appointments
from netcompanion.labs import services as labs
from netcompanion.medicines import services as medicines
from netcompanion.reminders import services
from netcompanion.reminders.models import SentReminder
from netcompanion.reminders.tests.conftest import give_everything, local, travel

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("send-reminders", *args, stdout=out)
    return out.getvalue()


def sent_at(moment: dt.datetime, *args: str) -> list:
    """The e-mails one run at `moment` sends."""
    before = len(mail.outbox)
    with travel(moment):
        run(*args)
    return mail.outbox[before:]


def said(moment: dt.datetime) -> list[str]:
    """What the reminders page says is due at `moment`."""
    with travel(moment):
        return [r.what for r in services.due_reminders(moment)]


# The right moment --------------------------------------------------------------------------------------------

def test_the_injection_reminder_comes_the_day_before_and_on_the_day(cast):
    give_everything(cast["maria"], opt_in=["injection"])
    assert sent_at(local(20, 23)) == []
    assert sent_at(local(21, 6, 45)) == []
    [day_before] = sent_at(local(21, 7))
    assert day_before.to == ["maria@example.org"]
    assert day_before.subject == "Your reminder for tomorrow"
    assert "You have something to do in NET Companion tomorrow, 22 November." in day_before.body
    assert "https://app.example/my/reminders/" in day_before.body
    assert said(local(21, 7)) == ["Your lanreotide injection is due tomorrow, 22 November."]
    [on_the_day] = sent_at(local(22, 8))
    assert on_the_day.subject == "Your reminder for today"
    assert "You have something to do in NET Companion today, 22 November." in on_the_day.body
    assert sent_at(local(23, 8)) == []


def test_once_the_injection_is_recorded_no_reminder_comes_for_the_old_date(cast):
    give_everything(cast["maria"], opt_in=["injection"])
    with travel(local(21, 9)):
        medicines.record_injection(cast["maria"], cast["maria"], {
            "given_on": dt.date(2026, 11, 21), "drug": "lanreotide", "dose_mg": 120})
    assert sent_at(local(21, 10)) == []
    assert sent_at(local(22, 8)) == []


def test_the_appointment_reminder_comes_two_days_before_and_says_nothing_else(cast):
    records = give_everything(cast["maria"], opt_in=["appointment"])
    assert sent_at(local(21, 23, 45)) == []
    [reminder] = sent_at(local(22, 7, 15))
    assert reminder.subject == "Your reminder for Tuesday 24 November"
    assert "You have something to do in NET Companion on Tuesday 24 November." in reminder.body
    assert said(local(22, 7, 15)) == ["You have an appointment on Tuesday 24 November, at 09:30."]
    assert [r.path for r in services.due_reminders(local(22, 7, 15))] == [
        f"/my/appointments/{records['scan'].code}/"]
    for private in ("CT scan", "liver", "Radiology", "Nothing to eat", "appointment"):
        assert private not in reminder.body
    assert sent_at(local(23, 8)) == []
    assert sent_at(local(24, 8)) == []


def test_a_cancelled_appointment_gets_no_reminder(cast):
    records = give_everything(cast["maria"], opt_in=["appointment"])
    with travel(local(21, 9)):
        appointments.cancel_appointment(records["scan"], cast["maria"])
    assert sent_at(local(22, 8)) == []


def test_a_check_to_book_gets_no_reminder_until_a_time_is_booked(cast):
    """A check the care team suggests has a date but no time: a reminder would send the patient to a made-up time."""
    maria, sara = cast["maria"], cast["sara"]
    services.save_preferences(maria, ["appointment"])
    with travel(local(20, 9)):
        check = appointments.propose_appointment(maria, sara, dt.date(2026, 11, 24),
                                                 {"kind": "blood-test", "title": "Chromogranin A"})
    assert sent_at(local(22, 8)) == []
    assert sent_at(local(24, 8)) == []
    with travel(local(24, 9)):
        appointments.change_appointment(check, maria, {"start": local(27, 8, 15), "status": "booked",
                                                       "has_time": True})
    [reminder] = sent_at(local(25, 8))
    assert "You have something to do in NET Companion on Friday 27 November." in reminder.body
    assert said(local(25, 8)) == ["You have an appointment on Friday 27 November, at 08:15."]


def test_a_moved_appointment_gets_a_reminder_for_its_new_date(cast):
    records = give_everything(cast["maria"], opt_in=["appointment"])
    assert len(sent_at(local(22, 8))) == 1
    with travel(local(22, 9)):
        appointments.change_appointment(records["scan"], cast["maria"], {"start": local(26, 10)})
    [reminder] = sent_at(local(24, 8))
    assert "Thursday 26 November" in reminder.body
    assert said(local(24, 8)) == ["You have an appointment on Thursday 26 November, at 10:00."]


def test_the_diet_reminder_comes_the_day_before_and_on_the_morning_it_starts(cast):
    records = give_everything(cast["maria"], opt_in=["hiaa-diet"])
    assert sent_at(local(20, 22)) == []
    assert sent_at(local(21, 6, 30)) == []
    [day_before] = sent_at(local(21, 18))
    assert day_before.subject == "Your reminder for tomorrow"
    assert "You have something to do in NET Companion tomorrow, 22 November." in day_before.body
    assert said(local(21, 18)) == ["The diet before your 24-hour urine test starts tomorrow, 22 November, at 07:00. "
                                   "The app has the list of foods to avoid."]
    assert [r.path for r in services.due_reminders(local(21, 18))] == [
        f"/my/labs/prepare/5-hiaa/{records['collection'].code}/"]
    assert sent_at(local(22, 6, 45)) == []
    [morning] = sent_at(local(22, 7))
    assert morning.subject == "Your reminder for today"
    assert "You have something to do in NET Companion today, 22 November." in morning.body
    assert sent_at(local(22, 12, 15)) == []
    assert sent_at(local(23, 8)) == []


def test_a_late_morning_run_says_the_diet_has_started(cast):
    give_everything(cast["maria"], opt_in=["hiaa-diet"])
    [what] = said(local(22, 9))
    assert "started today, 22 November, at 07:00." in what


def test_a_cancelled_or_moved_collection_follows_the_plan(cast):
    records = give_everything(cast["maria"], opt_in=["hiaa-diet"])
    with travel(local(20, 10)):
        labs.change_plan(records["collection"], local(25, 7))
    assert sent_at(local(21, 8)) == []
    assert len(sent_at(local(22, 8))) == 1  # the day before the new diet start, the 23rd
    with travel(local(22, 9)):
        labs.cancel_plan(records["collection"])
    assert sent_at(local(23, 8)) == []


def test_subjects_never_name_the_condition_the_medicine_or_the_test(cast):
    give_everything(cast["maria"])
    messages = sent_at(local(21, 8)) + sent_at(local(22, 8))
    assert len(messages) == 5  # injection and diet on both days; the appointment on the 22nd
    for message in messages:
        for word in ("NET", "tumour", "neuroendocrine", "carcinoid", "lanreotide", "5-HIAA", "urine", "diet"):
            assert word.lower() not in message.subject.lower()
        assert "https://app.example/my/reminders/" in message.body


# The right person --------------------------------------------------------------------------------------------

def test_nothing_is_sent_until_the_patient_opts_in(cast):
    give_everything(cast["maria"], opt_in=[])
    assert sent_at(local(21, 8)) == [] and sent_at(local(22, 8)) == []
    assert not SentReminder.objects.exists()


def test_each_choice_only_sends_its_own_kind(cast):
    give_everything(cast["maria"], opt_in=["appointment"])
    assert sent_at(local(21, 8)) == []  # injection and diet reminders would be due now
    assert len(sent_at(local(22, 8))) == 1


def test_a_patient_without_an_email_address_is_skipped(cast):
    cast["maria"].email = ""
    cast["maria"].save()
    give_everything(cast["maria"], opt_in=["injection"])
    with travel(local(21, 8)):
        assert "sent 0, skipped 1" in run()
    assert mail.outbox == []
    assert not SentReminder.objects.exists()


def test_someone_elses_records_do_not_reach_a_patient(cast):
    give_everything(cast["maria"])
    services.save_preferences(cast["olle"], ["injection", "appointment", "hiaa-diet"])
    messages = sent_at(local(21, 8)) + sent_at(local(22, 8))
    assert {address for m in messages for address in m.to} == {"maria@example.org"}


def test_a_deactivated_account_gets_nothing(cast):
    give_everything(cast["maria"])
    cast["maria"].is_active = False
    cast["maria"].save()
    assert sent_at(local(21, 8)) == []


# Once --------------------------------------------------------------------------------------------------------

def test_running_again_sends_nothing_new(cast):
    give_everything(cast["maria"])
    with travel(local(21, 8)):
        assert run() == "sent 2, skipped 0\n"
        assert len(mail.outbox) == 2
        assert run() == "sent 0, skipped 2\n"
    with travel(local(21, 8, 15)):
        run()
    with travel(local(21, 22)):
        run()
    assert len(mail.outbox) == 2
    assert SentReminder.objects.filter(sent_at__isnull=False).count() == 2


def test_a_reminder_another_run_has_claimed_is_not_sent_again(cast):
    """Two overlapping runs: whichever inserts the row first sends; the other skips it."""
    give_everything(cast["maria"], opt_in=["injection"])
    with travel(local(21, 8)):
        [reminder] = services.due_reminders(local(21, 8))
        SentReminder.objects.create(patient=cast["maria"], kind=reminder.window.kind,
                                    object_code=reminder.object_code, due_at=reminder.window.due,
                                    moment=reminder.window.moment, claimed_at=local(21, 8))
        assert run() == "sent 0, skipped 1\n"
    assert mail.outbox == []


def test_dry_run_says_what_it_would_send_and_sends_nothing(cast):
    give_everything(cast["maria"])
    with travel(local(21, 8)):
        out = run("--dry-run")
    assert "would send: injection reminder (day-before)" in out
    assert "would send: hiaa-diet reminder (day-before)" in out
    assert out.endswith("would send 2, skipped 0\n")
    assert "maria" not in out and "lanreotide" not in out
    assert mail.outbox == []
    assert not SentReminder.objects.exists()
    assert len(sent_at(local(21, 8, 15))) == 2  # the real run afterwards still sends them


def test_dry_run_counts_what_was_already_sent(cast):
    give_everything(cast["maria"])
    sent_at(local(21, 8))
    with travel(local(21, 9)):
        assert run("--dry-run").endswith("would send 0, skipped 2\n")


def test_verbosity_lists_each_reminder_and_zero_is_quiet(cast):
    give_everything(cast["maria"])
    with travel(local(21, 8)):
        out = run("--verbosity", "2")
        assert out.count("sent: ") == 2 and out.endswith("sent 2, skipped 0\n")
        assert "skipped, already sent: injection reminder" in run("-v", "2")
        assert run("--dry-run", "-v", "0") == ""


def test_a_failed_send_is_reported_and_tried_again_by_the_next_run(cast, monkeypatch):
    give_everything(cast["maria"], opt_in=["injection"])

    def refuse(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send_mail", refuse)
    with travel(local(21, 8)), pytest.raises(Exception, match="1 reminders could not be sent"):
        run()
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert len(sent_at(local(21, 8, 15))) == 1


def test_without_a_site_url_the_command_stops_with_a_clear_message(cast, settings):
    del settings.SITE_URL
    settings.ALLOWED_HOSTS = ["*"]
    give_everything(cast["maria"])
    with travel(local(21, 8)), pytest.raises(Exception, match="Set SITE_URL"):
        run()
    assert mail.outbox == []


def test_the_site_url_option_sets_the_links(cast):
    give_everything(cast["maria"], opt_in=["injection"])
    [message] = sent_at(local(21, 8), "--site-url", "https://netcompanion.example.org/")
    assert "https://netcompanion.example.org/my/reminders/" in message.body


# Cost --------------------------------------------------------------------------------------------------------

def test_the_number_of_queries_does_not_grow_with_the_number_of_patients(cast, django_assert_max_num_queries):
    give_everything(cast["maria"])
    with travel(local(21, 8)), CaptureQueriesContext(connection) as one_patient:
        run("--dry-run")
    for n in range(19):
        give_everything(User.objects.create_user(f"patient{n}", email=f"p{n}@example.org", role=Role.PATIENT))
    with travel(local(21, 8)), CaptureQueriesContext(connection) as twenty_patients:
        run("--dry-run")
    assert len(twenty_patients) == len(one_patient)
    with travel(local(21, 8)), django_assert_max_num_queries(12):
        assert run() == "sent 40, skipped 0\n"
    assert len(mail.outbox) == 40
