"""The notices of a new message (conversations.notify): to whom, in which language, by e-mail and push, and that they
say nothing about health or who the patient is. Mail goes to Django's locmem outbox; push to a fake sender."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.urls import reverse

from netcompanion.careteam.models import Assignment
from netcompanion.conversations import actions, notify, services
from netcompanion.reminders import push
from netcompanion.reminders import services as reminders
from netcompanion.reminders.models import PushSubscription
from netcompanion.reminders.tests.conftest import vapid  # noqa: F401 - the site's push keys, as a fixture

pytestmark = pytest.mark.django_db

SUBJECT = "Blood in my stool since the lanreotide injection"
BODY = "I have had diarrhoea and flushing all night, and my liver hurts. Is the carcinoid crisis back?"


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "https://app.example"
    settings.ALERT_EMAIL = ""


@pytest.fixture
def thread(cast):
    thread = services.start_thread(cast["maria"], cast["maria"], SUBJECT, BODY)
    mail.outbox.clear()
    return thread


class Pushed(list):
    """Every push the notices send, as (endpoint, payload); an endpoint in ``gone`` answers as a dropped device."""

    def __init__(self):
        super().__init__()
        self.gone: set[str] = set()

    def send(self, subscription, payload):
        if subscription["endpoint"] in self.gone:
            raise push.Gone(subscription["endpoint"])
        self.append((subscription["endpoint"], payload))


@pytest.fixture
def pushed(monkeypatch):
    sent = Pushed()
    monkeypatch.setattr(push, "send", sent.send)
    return sent


def device(patient, name: str) -> PushSubscription:
    return reminders.add_device(patient, endpoint=f"https://push.example/{name}", p256dh="key", auth="secret",
                                device=name)


def private_words(cast) -> list[str]:
    maria = cast["maria"]
    return [SUBJECT.lower(), "stool", "lanreotide", "diarrhoea", "flush", "liver", "carcinoid", "crisis",
            "maria", "lind", maria.record_number, str(maria.code)]


def assert_says_nothing_private(text: str, cast) -> None:
    text = text.lower()
    for word in private_words(cast):
        assert word.lower() not in text, word


def test_a_reply_from_the_team_tells_the_patient_and_the_relative_allowed_to_write(cast, thread):
    reply = services.post(thread, cast["sara"], "Please call us now on 08-123 45 67 about the stool.")
    notify.message_sent(reply)
    assert sorted(m.to[0] for m in mail.outbox) == ["johan@example.org", "maria@example.org"], (
        "not Eva (she sees only the diary), not the team")
    by = {m.to[0]: m for m in mail.outbox}
    assert by["maria@example.org"].subject == "New message in NET Companion"
    assert "You have a new message from your care team in NET Companion." in by["maria@example.org"].body
    assert "There is a new message from the care team in NET Companion." in by["johan@example.org"].body
    assert "Sign in to read it: https://app.example/my/messages/\n" in by["maria@example.org"].body
    johan_list = reverse("conversations:relative_index", args=[cast["johan_grant"].code])
    assert f"Sign in to read it: https://app.example{johan_list}\n" in by["johan@example.org"].body
    for message in mail.outbox:
        assert_says_nothing_private(f"{message.subject}\n{message.body}", cast)
        assert "08-123" not in message.body


def test_a_message_from_the_patient_or_a_relative_tells_each_assigned_nurse_and_doctor(cast, thread):
    Assignment.objects.create(staff=cast["lena"], patient=cast["maria"], assigned_by=cast["ada"],
                              ended_at=thread.created_at - dt.timedelta(days=1))
    for author in ("maria", "johan"):
        mail.outbox.clear()
        notify.message_sent(services.post(thread, cast[author], BODY))
        assert sorted(m.to[0] for m in mail.outbox) == ["ali@example.org", "sara@example.org"], (
            "not Nils (Olle's nurse), not Lena (her assignment ended), not the patient or relatives")
        for message in mail.outbox:
            assert message.subject == "New message in NET Companion"
            assert "a new message from a patient in your list" in message.body
            assert f"Sign in to read it: https://app.example{reverse('careteam:messages')}\n" in message.body
            assert_says_nothing_private(f"{message.subject}\n{message.body}", cast)


def test_without_a_staff_address_the_team_s_address_hears_of_it_and_else_the_log(cast, thread, settings, caplog):
    for name in ("sara", "ali"):
        cast[name].email = ""
        cast[name].save(update_fields=["email"])
    settings.ALERT_EMAIL = "net-team@clinic.example"
    notify.message_sent(services.post(thread, cast["maria"], BODY))
    [message] = mail.outbox
    assert message.to == ["net-team@clinic.example"]
    assert "https://app.example/care/messages/\n" in message.body
    assert_says_nothing_private(f"{message.subject}\n{message.body}", cast)

    mail.outbox.clear()
    settings.ALERT_EMAIL = ""
    with caplog.at_level(logging.WARNING):
        notify.message_sent(services.post(thread, cast["maria"], BODY))
    assert mail.outbox == []
    assert "It waits in the queue" in caplog.text


def test_each_reader_is_told_in_their_own_language(cast, thread):
    maria, ali = cast["maria"], cast["ali"]
    maria.language = ali.language = "sv"
    maria.save(update_fields=["language"])
    ali.save(update_fields=["language"])
    notify.message_sent(services.post(thread, cast["sara"], "Hej"))
    by = {m.to[0]: m for m in mail.outbox}
    assert by["maria@example.org"].subject == "Nytt meddelande i NET Companion"
    assert "Du har ett nytt meddelande från ditt vårdteam i NET Companion." in by["maria@example.org"].body
    assert by["johan@example.org"].subject == "New message in NET Companion", "Johan chose no language"

    mail.outbox.clear()
    notify.message_sent(services.post(thread, maria, BODY))
    by = {m.to[0]: m for m in mail.outbox}
    assert by["ali@example.org"].subject == "Nytt meddelande i NET Companion"
    assert by["sara@example.org"].subject == "New message in NET Companion"


def test_a_reply_reaches_the_patient_s_devices_with_push_on_saying_nothing_private(cast, thread, vapid, pushed):  # noqa: F811
    maria = cast["maria"]
    device(maria, "phone")
    device(maria, "laptop")
    device(cast["olle"], "olles-phone")
    pushed.gone.add("https://push.example/laptop")
    notify.message_sent(services.post(thread, cast["sara"], "Please call us."))
    [(endpoint, payload)] = pushed
    assert endpoint == "https://push.example/phone"
    assert payload["body"] == "You have a new message from your care team in NET Companion."
    assert (payload["title"], payload["url"]) == ("NET Companion", "/my/messages/")
    assert_says_nothing_private(str(payload), cast)
    assert not PushSubscription.objects.filter(device="laptop").exists(), "a device the push service dropped"
    assert len(mail.outbox) == 2, "the e-mails go as well"

    pushed.clear()
    notify.message_sent(services.post(thread, maria, BODY))
    assert pushed == [], "the team gets no push"


def test_no_push_when_turned_off_or_in_quiet_hours_but_the_e_mail_still_goes(cast, thread, vapid, pushed):  # noqa: F811
    maria = cast["maria"]
    device(maria, "phone")
    # The clock stands at 10:00 in Stockholm.
    reminders.save_preferences(maria, [], by_push=False)
    notify.message_sent(services.post(thread, cast["sara"], "One"))
    reminders.save_preferences(maria, [], by_push=True, quiet_from=dt.time(9, 0), quiet_until=dt.time(11, 0))
    notify.message_sent(services.post(thread, cast["sara"], "Two"))
    assert pushed == []
    assert [m.to for m in mail.outbox].count(["maria@example.org"]) == 2

    reminders.save_preferences(maria, [], quiet_from=dt.time(22, 0), quiet_until=dt.time(7, 0))
    notify.message_sent(services.post(thread, cast["sara"], "Three"))
    assert len(pushed) == 1


def test_without_the_site_s_push_keys_nothing_is_pushed(cast, thread, pushed):
    device(cast["maria"], "phone")
    notify.message_sent(services.post(thread, cast["sara"], "Hello"))
    assert pushed == [] and len(mail.outbox) == 2


def test_a_relative_whose_access_was_withdrawn_hears_nothing(cast, thread):
    from netcompanion.relatives import services as relatives

    relatives.withdraw(cast["johan_grant"], cast["maria"])
    notify.message_sent(services.post(thread, cast["sara"], "Hello"))
    assert [m.to for m in mail.outbox] == [["maria@example.org"]]


def test_a_failing_mail_server_is_logged_and_the_others_still_go(cast, thread, monkeypatch, caplog):
    real = notify.send_mail

    def refuse_maria(subject, body, sender, to):
        if to == ["maria@example.org"]:
            raise ConnectionRefusedError("mail server down")
        return real(subject, body, sender, to)

    monkeypatch.setattr(notify, "send_mail", refuse_maria)
    notify.message_sent(services.post(thread, cast["sara"], "Hello"))
    assert [m.to for m in mail.outbox] == [["johan@example.org"]]
    assert "Could not e-mail a new-message notice" in caplog.text


def test_sending_through_the_action_tells_the_team_after_the_commit_and_not_how_urgent(
        cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        thread = actions.start(cast["maria"], cast["maria"], "Breathing", "I cannot breathe and my chest hurts")
    assert thread.messages.get().flag_level, "the red-flag check caught it"
    assert sorted(m.to[0] for m in mail.outbox) == ["ali@example.org", "sara@example.org"]
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}".lower()
        for word in ("breath", "chest", "emergency", "urgent", "112", "maria"):
            assert word not in text, word


def test_the_reminders_page_says_its_notifications_tell_of_new_messages_too(client, cast, vapid):  # noqa: F811
    client.force_login(cast["maria"])
    body = client.get(reverse("reminders:index")).content.decode()
    assert "Notifications also tell you when your care team has written to you" in body
