"""The patient's and the relative's pages, object by object: another patient's thread or message is a 404, a
relative without the permission sees nothing, bad input is a clear form error and changes nothing, a red flag shows
the navigator's advice before anything is stored."""

import uuid

import pytest
from django.urls import reverse

from netcompanion.conversations import services
from netcompanion.conversations.models import Message, Thread, Withdrawal
from netcompanion.core.testing import text
from netcompanion.relatives import services as relatives
from netcompanion.relatives.models import Activity, ActivityAction

pytestmark = pytest.mark.django_db

RED_FLAG = "I have chest pain since this morning"


def counts():
    return Thread.objects.count(), Message.objects.count(), Withdrawal.objects.count()


@pytest.fixture
def maria_thread(cast):
    return services.start_thread(cast["maria"], cast["maria"], "Tiredness", "Is it normal to be so tired?")


def test_a_patient_writes_and_reads_the_reply(client, maria, cast):
    page = client.get(reverse("conversations:new"))
    body = text(page)
    assert "Not for emergencies" in body and "112" in body
    assert "The care team aims to reply within 2 working days." in body
    answer = client.post(reverse("conversations:new"), {"subject": "Tired", "body": "Is it normal?"})
    thread = Thread.objects.get()
    assert answer.url == reverse("conversations:thread", args=[thread.code])
    services.post(thread, cast["sara"], "Yes, it is common after the injection.")
    listing = client.get(reverse("conversations:index"))
    assert "1 unread" in text(listing)
    page = client.get(answer.url)
    assert "Yes, it is common after the injection." in text(page) and "Contact nurse" in text(page)
    assert "1 unread" not in text(client.get(reverse("conversations:index")))


def test_the_compose_page_names_1177_out_of_hours_in_sweden(client, maria):
    maria.country = "SE"
    maria.save(update_fields=["country"])
    assert "out of hours, call 1177 , the nurse advice line" in text(client.get(reverse("conversations:new")))


@pytest.mark.parametrize(("data", "field"), [
    ({"subject": "Tired", "body": ""}, "body"), ({"subject": "Tired", "body": "   "}, "body"),
    ({"subject": "Tired", "body": "x" * 10_001}, "body"), ({"subject": "", "body": "Hello"}, "subject"),
    ({"subject": "x" * 121, "body": "Hello"}, "subject"),
])
def test_bad_input_is_a_form_error_and_nothing_is_kept(client, maria, data, field):
    answer = client.post(reverse("conversations:new"), data)
    assert answer.status_code == 400
    assert list(answer.context["form"].errors) == [field]
    assert counts() == (0, 0, 0)


def test_a_reply_too_long_is_refused_in_the_thread(client, maria, maria_thread):
    answer = client.post(reverse("conversations:thread", args=[maria_thread.code]), {"body": "x" * 10_001})
    assert answer.status_code == 400 and "at most 5000 characters" in text(answer)
    assert Message.objects.count() == 1


def test_script_tags_are_shown_as_text(client, maria):
    client.post(reverse("conversations:new"), {"subject": "<script>alert(1)</script>",
                                               "body": "<script>alert('x')</script> <b>hi</b>"})
    thread = Thread.objects.get()
    page = client.get(reverse("conversations:thread", args=[thread.code])).content.decode()
    assert "<script>alert" not in page and "<b>hi</b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_a_red_flag_shows_the_advice_first_and_sends_only_when_confirmed(client, maria):
    maria.country = "SE"
    maria.save(update_fields=["country"])
    data = {"subject": "Pain", "body": RED_FLAG}
    warned = client.post(reverse("conversations:new"), data)
    assert warned.status_code == 200 and counts() == (0, 0, 0)
    body = text(warned)
    assert "Your message is not sent yet" in body and "Send it anyway" in body and "Call 112" in body
    assert "Check my symptoms" in body
    sent = client.post(reverse("conversations:new"), {**data, "confirmed": "1"})
    assert sent.status_code == 302
    assert Message.objects.get().flag_level == "emergency"


def test_a_red_flag_in_the_subject_alone_is_warned_about_and_kept_on_the_message(client, maria):
    data = {"subject": "Chest pain since this morning", "body": "Should I come in?"}
    assert "Send it anyway" in text(client.post(reverse("conversations:new"), data)) and counts() == (0, 0, 0)
    client.post(reverse("conversations:new"), {**data, "confirmed": "1"})
    assert Message.objects.get().flag_level == "emergency"


def test_a_red_flag_in_a_reply_is_warned_about_too(client, maria, maria_thread):
    url = reverse("conversations:thread", args=[maria_thread.code])
    assert "Send it anyway" in text(client.post(url, {"body": RED_FLAG}))
    assert Message.objects.count() == 1
    client.post(url, {"body": RED_FLAG, "confirmed": "1"})
    assert Message.objects.count() == 2


def test_another_patients_thread_and_unknown_codes_are_404(client, cast, maria_thread):
    client.force_login(cast["olle"])
    thread_url = reverse("conversations:thread", args=[maria_thread.code])
    message = maria_thread.messages.get()
    assert client.get(thread_url).status_code == 404
    assert client.post(thread_url, {"body": "Hi"}).status_code == 404
    assert client.post(reverse("conversations:withdraw", args=[maria_thread.code, message.code])).status_code == 404
    assert client.get(reverse("conversations:thread", args=[uuid.uuid4()])).status_code == 404
    assert client.get("/my/messages/not-a-code/").status_code == 404
    assert "Tiredness" not in text(client.get(reverse("conversations:index")))
    assert counts() == (1, 1, 0)


def test_staff_and_relatives_get_no_patient_pages(client, cast, staff_client):
    client.force_login(cast["johan"])
    assert client.get(reverse("conversations:index")).status_code == 404
    staff_client(cast["sara"])
    assert client.get(reverse("conversations:new")).status_code == 404


def test_withdrawal_only_by_the_author_once_with_a_trace(client, maria, cast, maria_thread):
    reply = services.post(maria_thread, cast["sara"], "Yes.")
    mine = maria_thread.messages.get(author=maria)
    theirs_url = reverse("conversations:withdraw", args=[maria_thread.code, reply.code])
    assert client.post(theirs_url).status_code == 404
    url = reverse("conversations:withdraw", args=[maria_thread.code, mine.code])
    assert "Withdraw this message?" in text(client.get(url))
    client.post(url)
    client.post(url)
    assert Withdrawal.objects.count() == 1
    page = text(client.get(reverse("conversations:thread", args=[maria_thread.code])))
    assert f"Withdrawn by {maria.display_name}" in page
    assert "Is it normal to be so tired?" in page, "kept, folded away"


def test_a_relative_with_the_permission_reads_and_writes_logged(client, cast, maria_thread):
    johan, grant = cast["johan"], cast["johan_grant"]
    client.force_login(johan)
    listing = client.get(reverse("conversations:relative_index", args=[grant.code]))
    assert "Tiredness" in text(listing)
    url = reverse("conversations:relative_thread", args=[grant.code, maria_thread.code])
    assert client.post(url, {"body": "She slept all day"}).status_code == 302
    message = Message.objects.latest("sent_at")
    assert (message.author_role, message.author) == ("relative", johan)
    assert "(a relative)" in text(client.get(url))
    actions = set(Activity.objects.filter(grant=grant).values_list("action", flat=True))
    assert {ActivityAction.VIEWED_MESSAGES, ActivityAction.WROTE_MESSAGE} <= actions
    assert "Messages" in text(client.get(reverse("relatives:index")))


def test_a_relative_without_the_permission_sees_nothing(client, cast, maria_thread):
    eva, grant = cast["eva"], cast["eva_grant"]
    client.force_login(eva)
    for url in (reverse("conversations:relative_index", args=[grant.code]),
                reverse("conversations:relative_new", args=[grant.code]),
                reverse("conversations:relative_thread", args=[grant.code, maria_thread.code])):
        assert client.get(url).status_code == 404
        assert client.post(url, {"subject": "Hi", "body": "Hi"}).status_code == 404
    client.force_login(cast["johan"])
    other = services.start_thread(cast["olle"], cast["olle"], "Olle's", "Mine")
    assert client.get(reverse("conversations:relative_thread", args=[cast["johan_grant"].code, other.code])
                      ).status_code == 404
    relatives.withdraw(cast["johan_grant"], cast["maria"])
    assert client.get(reverse("conversations:relative_index", args=[cast["johan_grant"].code])).status_code == 404
    assert counts() == (2, 2, 0)


def test_the_header_counts_unread_threads(client, maria, cast, maria_thread):
    services.post(maria_thread, cast["sara"], "Yes.")
    other = services.start_thread(maria, cast["sara"], "Your diary", "How are you today?")
    assert "2 unread" in text(client.get(reverse("today")))
    client.get(reverse("conversations:thread", args=[other.code]))
    assert "1 unread" in text(client.get(reverse("today")))


def test_a_relatives_header_counts_the_unread_threads_of_the_patients_who_allow_it(client, cast, maria_thread):
    from netcompanion.conversations.tests.conftest import grant

    olles_thread = services.start_thread(cast["olle"], cast["olle"], "Olle's", "Not shared with Johan")
    client.force_login(cast["johan"])
    page = client.get(reverse("relatives:index"))
    assert "1 unread" in text(page)
    assert f'href="{reverse("conversations:relative_index", args=[cast["johan_grant"].code])}"' in page.content.decode()
    olles = grant(cast["olle"], cast["johan"], ["can_message_team"])
    assert "2 unread" in text(client.get(reverse("relatives:index")))
    client.get(reverse("conversations:relative_thread", args=[olles.code, olles_thread.code]))
    page = client.get(reverse("relatives:index"))
    assert "1 unread" in text(page)
    assert f'href="{reverse("relatives:index")}"' in page.content.decode()
    client.force_login(cast["eva"])
    assert "unread" not in text(client.get(reverse("relatives:index")))


def test_a_patient_gives_and_takes_back_the_permission_to_write_to_the_team(client, maria, cast):
    from django.core import mail

    from netcompanion.relatives.models import Grant

    assert "Read and write your messages with your care team" in text(client.get(reverse("relatives:invite")))
    client.post(reverse("relatives:invite"), {"email": "kim@example.org", "permissions": ["can_message_team"]})
    invited = Grant.objects.get(email="kim@example.org")
    assert invited.permissions == ["can_message_team"]
    assert "read and write their messages with their care team" in mail.outbox[-1].body
    assert "read and write messages with your care team" in text(client.get(reverse("relatives:mine")))
    johans = cast["johan_grant"]
    client.post(reverse("relatives:edit", args=[johans.code]), {"permissions": ["can_view_diary"]})
    johans.refresh_from_db()
    assert not johans.can_message_team
    client.force_login(cast["johan"])
    assert client.get(reverse("conversations:relative_index", args=[johans.code])).status_code == 404
