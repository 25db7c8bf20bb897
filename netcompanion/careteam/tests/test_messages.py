"""The care team's messages: the inbox and its order, a patient's tab, a thread and its reply, starting a conversation
(also from an alert), the queue's waiting conversations, and who reaches which, object by object."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.urls import reverse

from netcompanion.alerts.models import RANK, Alert, Level
from netcompanion.audit.models import AccessEvent, What
from netcompanion.conversations import services
from netcompanion.conversations.models import BODY_MAX, Message, ReadMark, Thread, Withdrawal
from netcompanion.core.testing import FROZEN_NOW, text
from netcompanion.triage.rules import Level as TriageLevel

from .conftest import assign

pytestmark = pytest.mark.django_db

RED_FLAG = SimpleNamespace(row_id="rf-chest-pain", level=TriageLevel.EMERGENCY)
# Wednesday 17 June, 10:00. The clinic's "2wd" target is the end of the second working day: Friday is Midsummer
# Eve, so Monday 22 June at 16:00, and Tuesday is past it.
PAST_TARGET = FROZEN_NOW + dt.timedelta(days=6)


@pytest.fixture
def ward(cast):
    """Sara and Ali look after Maria, Nils after Olle; Maria asked about her injection, and Johan her relative
    added to it."""
    for staff in ("sara", "ali"):
        assign(cast["maria"], cast[staff])
    assign(cast["olle"], cast["nils"])
    thread = services.start_thread(cast["maria"], cast["maria"], "Injection next week", "Private: can I move it?")
    services.post(thread, cast["johan"], "She means the Lanreotide one.")
    return thread


def alert_for(patient, reason="Wheezing with flushing") -> Alert:
    return Alert.objects.create(patient=patient, rule_id="wheeze", ruleset_version="1", source_key=f"test:{reason}",
                                level=Level.URGENT, rank=RANK[Level.URGENT], reason=reason)


def state():
    return (Thread.objects.count(), Message.objects.count(), Withdrawal.objects.count(),
            list(ReadMark.objects.values_list("user_id", "read_at")), AccessEvent.objects.count())


def thread_urls(thread, alert=None) -> list[str]:
    code = thread.patient.code
    return [reverse("careteam:patient_messages", args=[code]), reverse("careteam:start_thread", args=[code]),
            reverse("careteam:thread", args=[thread.code]),
            *([reverse("careteam:start_thread", args=[code]) + f"?alert={alert.code}"] if alert else [])]


# --- Who reaches what ------------------------------------------------------------------------------------

def test_a_nurse_not_assigned_gets_404_on_every_page_and_post_and_nothing_changes(cast, ward, staff_client):
    client = staff_client(cast["nils"])
    alert = alert_for(cast["maria"])
    before = state()
    for url in thread_urls(ward, alert):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"Private" not in response.content, url
        assert client.post(url, {"subject": "Hello", "body": "Hello"}).status_code == 404, url
    assert state() == before, "nothing is stored, read or recorded"
    assert "Injection next week" not in text(client.get(reverse("careteam:messages")))


def test_a_nurse_cannot_link_another_patients_alert(cast, ward, staff_client):
    """Olle's alert through Maria's page: a 404 when asked for, a form error when posted; nothing is sent."""
    assign(cast["olle"], cast["sara"])
    client = staff_client(cast["sara"])
    olles = alert_for(cast["olle"])
    url = reverse("careteam:start_thread", args=[cast["maria"].code])
    assert client.get(f"{url}?alert={olles.code}").status_code == 404
    assert client.get(f"{url}?alert=not-a-code").status_code == 404
    before = state()
    for bad in (str(olles.code), "not-a-code", "00000000-0000-0000-0000-000000000000"):
        response = client.post(url, {"subject": "Your report", "body": "How are you?", "alert": bad})
        assert response.status_code == 400, bad
        assert "We do not know this alert, so nothing was sent." in text(response)
    assert state() == before


@pytest.mark.parametrize("name", ["maria", "johan", "olle"])
def test_patients_and_relatives_get_404_on_the_teams_message_pages(client, cast, ward, name):
    client.force_login(cast[name])
    before = state()
    for url in [reverse("careteam:messages"), *thread_urls(ward)]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"body": "Hello"}).status_code == 404, url
    assert state() == before


def test_staff_without_a_second_factor_are_sent_to_the_two_factor_step(client, cast, ward):
    client.force_login(cast["sara"])
    for url in [reverse("careteam:messages"), *thread_urls(ward)]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("two_factor")), url
    assert AccessEvent.objects.count() == 0


def test_unknown_thread_codes_are_404(cast, ward, staff_client):
    client = staff_client(cast["sara"])
    for url in ("/care/messages/00000000-0000-0000-0000-000000000000/", "/care/messages/not-a-code/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "Hello"}).status_code == 404


def test_after_the_assignment_ends_the_thread_is_404(cast, ward, staff_client):
    from netcompanion.careteam import services as careteam

    client = staff_client(cast["sara"])
    assert client.get(reverse("careteam:thread", args=[ward.code])).status_code == 200
    careteam.end_assignment(cast["sara"].assignments.get(), cast["ada"])
    assert client.get(reverse("careteam:thread", args=[ward.code])).status_code == 404


# --- The thread ---------------------------------------------------------------------------------------------

def test_the_thread_shows_who_wrote_what_and_when_and_each_open_is_audited_and_marks_it_read(cast, ward, staff_client):
    services.withdraw(services.post(ward, cast["maria"], "Sorry, wrong thread"), cast["maria"])
    client = staff_client(cast["sara"])
    assert services.unread_threads(cast["sara"], Thread.objects.all()) == 1
    page = text(client.get(reverse("careteam:thread", args=[ward.code])))
    assert "Maria Lind (Patient)" in page and "Private: can I move it?" in page
    assert "Johan Lind from the patient’s relative" in page
    assert "Withdrawn by Maria Lind at" in page and "Show the withdrawn text" in page
    assert "Reply within" in page
    assert list(AccessEvent.objects.values_list("staff", "patient", "what")) == [
        (cast["sara"].pk, cast["maria"].pk, What.MESSAGES)]
    assert services.unread_threads(cast["sara"], Thread.objects.all()) == 0
    assert services.unread_threads(cast["ali"], Thread.objects.all()) == 1, "read for Sara only"
    client.get(reverse("careteam:patient_messages", args=[cast["maria"].code]))
    assert AccessEvent.objects.filter(what=What.MESSAGES).count() == 2


def test_a_reply_goes_through_the_action_clears_the_wait_and_is_announced(cast, ward, staff_client,
                                                                        django_capture_on_commit_callbacks, mailoutbox):
    client = staff_client(cast["sara"])
    url = reverse("careteam:thread", args=[ward.code])
    with django_capture_on_commit_callbacks(execute=True) as announced:
        response = client.post(url, {"body": "  Yes, Thursday is fine. Chest pain? Call 112.  "})
    assert response.status_code == 302 and response["Location"] == url
    reply = ward.messages.last()
    assert (reply.author, reply.author_role, reply.body) == (
        cast["sara"], "nurse", "Yes, Thursday is fine. Chest pain? Call 112.")
    assert reply.flag_level == "", "the team's words are advice, not symptoms"
    assert announced, "the action's announce step ran"
    ward.refresh_from_db()
    assert ward.waiting_since is None and ward.reply_due_at is None
    page = text(client.get(url))
    assert "Your reply is sent." in page and "Sara Ek (Contact nurse)" in page


@pytest.mark.parametrize("body, error", [
    ("", "Write the message before sending it."),
    ("   \n ", "Write the message before sending it."),
    ("x" * (BODY_MAX + 1), f"A message can be at most {BODY_MAX} characters long; this one has {BODY_MAX + 1}."),
    ("x" * 10_000, "this one has 10000."),
])
def test_a_bad_reply_is_refused_with_its_reason_and_nothing_is_sent(cast, ward, staff_client, body, error):
    client = staff_client(cast["sara"])
    before = Message.objects.count()
    response = client.post(reverse("careteam:thread", args=[ward.code]), {"body": body})
    assert response.status_code == 400
    assert error in text(response)
    assert Message.objects.count() == before


def test_a_script_is_kept_as_text_and_shown_as_text(cast, ward, staff_client):
    client = staff_client(cast["sara"])
    client.post(reverse("careteam:thread", args=[ward.code]), {"body": "<script>alert(1)</script>"})
    assert ward.messages.last().body == "<script>alert(1)</script>"
    content = client.get(reverse("careteam:thread", args=[ward.code])).content.decode()
    assert "<script>alert(1)" not in content and "&lt;script&gt;alert(1)&lt;/script&gt;" in content


# --- Starting a conversation ------------------------------------------------------------------------------

def test_a_nurse_writes_to_the_patient_from_an_alert_and_the_thread_links_it(cast, ward, staff_client):
    client = staff_client(cast["sara"])
    alert = alert_for(cast["maria"])
    alert_page = text(client.get(reverse("alerts:detail", args=[alert.code])))
    assert "Write to the patient" in alert_page
    url = reverse("careteam:start_thread", args=[cast["maria"].code])
    form = client.get(f"{url}?alert={alert.code}").content.decode()
    assert "About what you reported on 17 Jun 2026" in form and f'value="{alert.code}"' in form
    response = client.post(url, {"subject": "Your diary", "body": "I saw your diary, how are you today?",
                                 "alert": str(alert.code)})
    started = Thread.objects.get(subject="Your diary")
    assert response["Location"] == reverse("careteam:thread", args=[started.code])
    assert (started.patient, started.alert, started.started_by_role, started.waiting_since) == (
        cast["maria"], alert, "nurse", None)
    page = text(client.get(response["Location"]))
    assert "Linked to an alert (Urgent) raised" in page and "Wheezing with flushing" in page
    assert "Your diary" in text(client.get(reverse("alerts:detail", args=[alert.code])))


@pytest.mark.parametrize("data, error", [
    ({"subject": "", "body": "Hello"}, "Write what the conversation is about."),
    ({"subject": "x" * 121, "body": "Hello"}, "A subject can be at most 120 characters long; this one has 121."),
    ({"subject": "Hello", "body": ""}, "Write the message before sending it."),
])
def test_a_bad_new_conversation_is_refused_and_nothing_is_stored(cast, ward, staff_client, data, error):
    client = staff_client(cast["sara"])
    before = state()
    response = client.post(reverse("careteam:start_thread", args=[cast["maria"].code]), data)
    assert response.status_code == 400 and error in text(response)
    assert state() == before


# --- The inbox, the tab and the queue --------------------------------------------------------------------------

def test_the_inbox_puts_overdue_first_then_red_flags_then_unread(cast, ward, staff_client, time_machine):
    maria, sara = cast["maria"], cast["sara"]
    read = services.start_thread(maria, sara, "Read and answered", "How are you?")
    services.mark_read(read, sara, FROZEN_NOW)
    time_machine.move_to(FROZEN_NOW + dt.timedelta(days=1), tick=False)
    unread = services.start_thread(maria, cast["ali"], "From Ali", "Blood test on Friday.")
    flagged = services.start_thread(maria, maria, "Chest", "My chest hurts", flags=[RED_FLAG])
    time_machine.move_to(PAST_TARGET, tick=False)
    client = staff_client(sara)
    page = text(client.get(reverse("careteam:messages")))
    order = [page.index(subject) for subject in ("Injection next week", "Chest", "From Ali", "Read and answered")]
    assert order == sorted(order), page
    assert "Reply overdue by" in page and "Red-flag words, not yet answered" in page
    assert "Maria Lind, record number 100-1" in page
    assert "Last message from Johan Lind, the patient’s relative," in page
    assert AccessEvent.objects.count() == 0, "the inbox shows subjects, not what was written"
    assert {flagged.pk, unread.pk} <= set(Thread.objects.values_list("pk", flat=True))


def test_the_queue_shows_conversations_waiting_past_the_reply_target(cast, ward, staff_client, time_machine):
    queue = reverse("alerts:queue")
    time_machine.move_to(PAST_TARGET - dt.timedelta(days=1), tick=False)
    assert "Messages waiting past the reply target" not in text(staff_client(cast["sara"]).get(queue))
    time_machine.move_to(PAST_TARGET, tick=False)
    page = text(staff_client(cast["sara"]).get(queue))
    assert "Messages waiting past the reply target" in page and "Injection next week" in page
    assert "Reply overdue by 18 h 0 min" in page and "reply due 22 Jun 2026, 16:00" in page
    assert "Injection next week" not in text(staff_client(cast["nils"]).get(queue))


def test_the_patients_tab_lists_their_threads_and_starts_one(cast, ward, staff_client):
    client = staff_client(cast["ali"])
    page = text(client.get(reverse("careteam:patient_messages", args=[cast["maria"].code])))
    assert "Injection next week" in page and "Start a conversation" in page
    assert "Unread" in page



def test_the_header_counts_the_threads_this_member_of_staff_has_not_read(cast, ward, staff_client):
    client = staff_client(cast["sara"])
    assert "Messages 1 unread" in text(client.get(reverse("careteam:patients")))
    client.get(reverse("careteam:thread", args=[ward.code]))
    page = text(client.get(reverse("careteam:patients")))
    assert "Messages" in page and "unread" not in page
    assert "unread" not in text(staff_client(cast["nils"]).get(reverse("careteam:patients"))), "not his patient"


# --- Linking a conversation to an alert ------------------------------------------------------------------

def test_a_nurse_links_a_patients_question_to_her_alert_and_both_pages_show_it(cast, ward, staff_client):
    client = staff_client(cast["sara"])
    alert = alert_for(cast["maria"])
    url = reverse("careteam:link_alert", args=[ward.code])
    page = text(client.get(reverse("careteam:thread", args=[ward.code])))
    assert "Link to an alert" in page and "Wheezing with flushing" in page
    answer = client.post(url, {"alert": str(alert.code)})
    assert answer.status_code == 302
    ward.refresh_from_db()
    assert ward.alert == alert
    assert "Linked to an alert" in text(client.get(reverse("careteam:thread", args=[ward.code])))
    assert "Injection next week" in text(client.get(reverse("alerts:detail", args=[alert.code])))


def test_another_patients_alert_an_unknown_one_or_an_unassigned_nurse_links_nothing(cast, ward, staff_client):
    assign(cast["olle"], cast["sara"])
    olles = alert_for(cast["olle"])
    url = reverse("careteam:link_alert", args=[ward.code])
    client = staff_client(cast["sara"])
    for bad in (str(olles.code), "not-a-code", ""):
        response = client.post(url, {"alert": bad})
        assert response.status_code == 400, bad
    assert "We do not know this alert, so nothing was linked." in text(client.post(url, {"alert": str(olles.code)}))
    assert client.get(url).status_code == 405
    marias = alert_for(cast["maria"])
    assert staff_client(cast["nils"]).post(url, {"alert": str(marias.code)}).status_code == 404
    ward.refresh_from_db()
    assert ward.alert is None
