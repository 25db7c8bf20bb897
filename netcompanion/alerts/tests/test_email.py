"""The new-alert e-mail: sent once, after the commit, and it says nothing about the patient."""

import pytest
from django.core import mail
from django.utils import timezone, translation

from netcompanion.diary import actions as diary

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_address(settings):
    settings.ALERT_EMAIL = "net-team@clinic.example"
    settings.SITE_URL = "https://netcompanion.example"


def test_a_new_alert_sends_one_mail_with_no_health_data(cast, team_address, django_capture_on_commit_callbacks):
    maria = cast["maria"]
    with django_capture_on_commit_callbacks(execute=True):
        entry = diary.log_day(maria, maria, {"date": timezone.localdate(), "stools": 9, "bristol": 7,
                                             "pain": 9, "flushes": 6})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["net-team@clinic.example"]
    assert "https://netcompanion.example/care/alerts/" in message.body
    text = f"{message.subject}\n{message.body}".lower()
    for private in ("maria", "lind", "nc-0001", str(maria.code), "emergency", "urgent", "soon", "stool", "bowel",
                    "pain", "flush", "diarrhoea", "al-", timezone.localdate().isoformat()):
        assert private not in text, private

    with django_capture_on_commit_callbacks(execute=True):
        diary.change_day(entry, maria, {"notes": "Same day, saved again"})
    assert len(mail.outbox) == 1


def test_no_mail_without_a_team_address(cast, settings, django_capture_on_commit_callbacks):
    settings.ALERT_EMAIL = ""
    with django_capture_on_commit_callbacks(execute=True):
        diary.log_day(cast["maria"], cast["maria"], {"date": timezone.localdate(), "stools": 9})
    assert mail.outbox == []


def test_a_failing_mail_server_does_not_undo_the_diary_entry(cast, team_address, django_capture_on_commit_callbacks,
                                                              monkeypatch, caplog):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("netcompanion.alerts.services.send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        diary.log_day(cast["maria"], cast["maria"], {"date": timezone.localdate(), "stools": 9})
    assert cast["maria"].diary_entries.exists()
    assert "Could not send the new-alert e-mail" in caplog.text


@pytest.mark.parametrize("site_language, subject", [("en-gb", "New alert in NET Companion"),
                                                    ("sv", "Nytt larm i NET Companion")])
def test_the_team_is_told_in_the_sites_language_not_the_patients(cast, team_address, settings, site_language, subject,
                                                                 django_capture_on_commit_callbacks):
    settings.LANGUAGE_CODE = site_language
    maria = cast["maria"]
    with translation.override("sv" if site_language == "en-gb" else "en-gb"), \
            django_capture_on_commit_callbacks(execute=True):
        diary.log_day(maria, maria, {"date": timezone.localdate(), "stools": 9})
    assert [m.subject for m in mail.outbox] == [subject]
