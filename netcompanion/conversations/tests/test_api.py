"""The messages API, object by object: a patient lists, reads, starts, writes and marks read their own
conversations only (another patient's thread is as unknown as a made-up code: 404), bad input is a 422 naming the
field with nothing kept, and a message that mentions a red flag is refused with the advice until confirmed
(hazard H-193)."""

import uuid

import pytest

from netcompanion.accounts.models import ApiToken
from netcompanion.conversations import services
from netcompanion.conversations.models import Message, Thread
from netcompanion.core.testing import refused_fields

pytestmark = pytest.mark.django_db

URL = "/api/v1/messages"
RED_FLAG = "I have chest pain since this morning"
SCRIPT = '<script>alert("x")</script> & <b>bold</b>'


def counts():
    return Thread.objects.count(), Message.objects.count()


@pytest.fixture
def maria_thread(cast):
    return services.start_thread(cast["maria"], cast["maria"], "Tiredness", "Is it normal to be so tired?")


@pytest.fixture
def olle_thread(cast):
    return services.start_thread(cast["olle"], cast["olle"], "Injection", "When is my next injection?")


def as_token(client, user):
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {ApiToken.issue(user, 'phone')[1]}"
    return client


def test_a_patient_asks_the_nurse_replies_and_marking_read_clears_the_unread(api, cast):
    started = api.post(URL, {"subject": "Tired", "body": "Is it normal?"}, content_type="application/json")
    assert started.status_code == 201, started.content
    thread = started.json()
    assert thread["subject"] == "Tired" and thread["message_count"] == 1 and thread["unread"] is False
    [first] = thread["messages"]
    assert (first["author_name"], first["author_role"], first["author_role_label"]) == ("Maria Lind", "patient",
                                                                                        "Patient")
    assert first["from_team"] is False and first["withdrawn"] is None

    services.post(Thread.objects.get(), cast["sara"], "Yes, it is common after the injection.")
    [listed] = api.get(URL).json()
    assert listed["code"] == thread["code"] and listed["unread"] is True and listed["message_count"] == 2
    assert api.get(f"{URL}/unread").json() == {"unread_threads": 1}

    read = api.get(f"{URL}/{thread['code']}").json()
    reply = read["messages"][1]
    assert (reply["author_name"], reply["author_role"], reply["author_role_label"]) == ("Sara Ek", "nurse",
                                                                                        "Contact nurse")
    assert reply["from_team"] is True and reply["body"] == "Yes, it is common after the injection."
    assert api.get(f"{URL}/unread").json() == {"unread_threads": 1}, "reading does not mark it read"

    marked = api.post(f"{URL}/{thread['code']}/read")
    assert marked.status_code == 200 and marked.json()["unread"] is False
    assert api.get(f"{URL}/unread").json() == {"unread_threads": 0}


def test_a_message_in_a_thread_waits_for_the_team(api, maria_thread):
    answer = api.post(f"{URL}/{maria_thread.code}/messages", {"body": "  And I sleep badly.  "},
                      content_type="application/json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["body"] == "And I sleep badly." and answer.json()["author_role"] == "patient"
    maria_thread.refresh_from_db()
    assert maria_thread.messages.count() == 2 and maria_thread.waiting_since is not None


def test_another_patients_thread_is_404_and_nothing_changes(api, olle_thread):
    before = counts()
    assert api.get(f"{URL}/{olle_thread.code}").status_code == 404
    assert api.post(f"{URL}/{olle_thread.code}/messages", {"body": "Hello"},
                    content_type="application/json").status_code == 404
    assert api.post(f"{URL}/{olle_thread.code}/read").status_code == 404
    assert api.get(URL).json() == []
    assert counts() == before and not olle_thread.read_marks.exclude(user=olle_thread.patient).exists()


def test_an_unknown_thread_code_is_404_json_and_a_malformed_one_422_naming_it(api):
    unknown = api.get(f"{URL}/{uuid.uuid4()}")
    assert unknown.status_code == 404 and unknown.json() == {"detail": "Not Found"}
    assert api.post(f"{URL}/{uuid.uuid4()}/messages", {"body": "Hi"},
                    content_type="application/json").status_code == 404
    malformed = api.get(f"{URL}/not-a-code")
    assert malformed.status_code == 422 and refused_fields(malformed) == ["code"]


@pytest.mark.parametrize(("body", "field"), [
    ({"subject": "Tired", "body": ""}, "body"),
    ({"subject": "Tired", "body": "   \n "}, "body"),
    ({"subject": "Tired", "body": "x" * 5001}, "body"),
    ({"subject": "Tired", "body": "x" * 10_000}, "body"),
    ({"subject": "Tired"}, "body"),
    ({"subject": "", "body": "Hello"}, "subject"),
    ({"subject": "x" * 121, "body": "Hello"}, "subject"),
    ({"subject": "Tired", "body": "Hello", "patient": 2}, "patient"),
    ({"subject": "Tired", "body": 5}, "body"),
    ({"subject": "Tired", "body": "Hello\x00"}, "body"),
    ({"subject": "Tired\x00", "body": "Hello"}, "subject"),
])
def test_a_bad_new_thread_is_422_naming_the_field_and_nothing_is_kept(api, body, field):
    answer = api.post(URL, body, content_type="application/json")
    assert answer.status_code == 422, answer.content
    assert refused_fields(answer) == [field]
    assert counts() == (0, 0)


@pytest.mark.parametrize(("body", "field"), [
    ({"body": ""}, "body"), ({"body": "x" * 5001}, "body"), ({}, "body"), ({"body": "Hi", "author": "sara"}, "author"),
    ({"body": "Hi", "confirmed": "maybe"}, "confirmed"), ({"body": "Hi\x00"}, "body"),
])
def test_a_bad_message_is_422_naming_the_field_and_nothing_is_kept(api, maria_thread, body, field):
    answer = api.post(f"{URL}/{maria_thread.code}/messages", body, content_type="application/json")
    assert answer.status_code == 422, answer.content
    assert refused_fields(answer) == [field]
    assert maria_thread.messages.count() == 1


def test_a_too_long_message_says_how_long_in_the_requested_language(api, maria_thread):
    answer = api.post(f"{URL}/{maria_thread.code}/messages", {"body": "x" * 5001}, content_type="application/json",
                      HTTP_ACCEPT_LANGUAGE="sv")
    [problem] = answer.json()["detail"]
    assert problem["loc"] == ["body", "payload", "body"] and "5000" in problem["msg"] and "5001" in problem["msg"]
    assert "characters" not in problem["msg"]


def test_script_tags_are_kept_and_returned_as_text(api, maria_thread):
    answer = api.post(f"{URL}/{maria_thread.code}/messages", {"body": SCRIPT}, content_type="application/json")
    assert answer.status_code == 201 and answer["Content-Type"] == "application/json; charset=utf-8"
    assert answer.json()["body"] == SCRIPT
    assert Message.objects.get(code=answer.json()["code"]).body == SCRIPT
    assert api.get(f"{URL}/{maria_thread.code}").json()["messages"][1]["body"] == SCRIPT


def test_a_red_flag_is_refused_with_the_advice_until_confirmed(api, maria_thread):
    refused = api.post(f"{URL}/{maria_thread.code}/messages", {"body": RED_FLAG}, content_type="application/json")
    assert refused.status_code == 409
    answer = refused.json()
    assert answer["detail"].startswith("Your message is not sent yet.")
    advice = answer["advice"]
    assert advice["level"] == "emergency" and advice["flags"] == ["RF-CHEST-PAIN"]
    assert advice["emergency_number"] == "112" and advice["call"] == "112" and "112" in advice["headline"]
    assert advice["places"] and advice["reasons"] and advice["check_url"] == "http://testserver/check/"
    assert maria_thread.messages.count() == 1

    sent = api.post(f"{URL}/{maria_thread.code}/messages", {"body": RED_FLAG, "confirmed": True},
                    content_type="application/json")
    assert sent.status_code == 201
    assert Message.objects.get(code=sent.json()["code"]).flag_level == "emergency"


def test_a_new_thread_with_a_red_flag_is_refused_until_confirmed(api):
    refused = api.post(URL, {"subject": "Help", "body": RED_FLAG}, content_type="application/json")
    assert refused.status_code == 409 and counts() == (0, 0)
    sent = api.post(URL, {"subject": "Help", "body": RED_FLAG, "confirmed": True}, content_type="application/json")
    assert sent.status_code == 201 and counts() == (1, 1)


def test_a_red_flag_in_the_subject_alone_is_refused_until_confirmed(api):
    data = {"subject": "Chest pain since this morning", "body": "Should I come in?"}
    refused = api.post(URL, data, content_type="application/json")
    assert refused.status_code == 409 and refused.json()["advice"]["level"] == "emergency" and counts() == (0, 0)


def test_a_bad_field_is_named_before_any_red_flag_advice(api):
    answer = api.post(URL, {"subject": "", "body": RED_FLAG}, content_type="application/json")
    assert answer.status_code == 422 and refused_fields(answer) == ["subject"]


def test_the_advice_is_in_the_requested_language_and_the_writers_country(api, maria, maria_thread):
    maria.country = "SE"
    maria.save(update_fields=["country"])
    refused = api.post(f"{URL}/{maria_thread.code}/messages", {"body": "Jag har feber efter cellgiftsbehandlingen"},
                       content_type="application/json", HTTP_ACCEPT_LANGUAGE="sv")
    assert refused.status_code == 409
    answer = refused.json()
    assert answer["detail"].startswith("Ditt meddelande är inte skickat än")
    advice = answer["advice"]
    assert advice["level"] == "urgent" and advice["call"] == "1177" and advice["emergency_number"] == "112"
    assert "1177" in advice["where"] and advice["flags"] == ["RF-FEVER"]


def test_a_withdrawn_message_keeps_its_text_and_says_who_withdrew_it(api, cast, maria_thread):
    services.withdraw(maria_thread.messages.get(), cast["maria"])
    [message] = api.get(f"{URL}/{maria_thread.code}").json()["messages"]
    assert message["body"] == "Is it normal to be so tired?"
    assert message["withdrawn"]["by_name"] == "Maria Lind" and message["withdrawn"]["at"]


def test_roles_are_codes_with_a_label_in_the_requested_language(api, cast, maria_thread):
    services.post(maria_thread, cast["sara"], "Hur mår du i dag?")
    reply = api.get(f"{URL}/{maria_thread.code}", HTTP_ACCEPT_LANGUAGE="sv").json()["messages"][1]
    assert (reply["author_role"], reply["author_role_label"]) == ("nurse", "Kontaktsjuksköterska")


def test_without_a_token_or_a_session_nothing_is_read_or_written(client, maria_thread):
    assert client.get(URL).status_code == 401
    assert client.get(f"{URL}/{maria_thread.code}").status_code == 401
    assert client.post(f"{URL}/{maria_thread.code}/messages", {"body": "Hi"},
                       content_type="application/json").status_code == 401
    assert maria_thread.messages.count() == 1


def test_the_signed_in_session_reads_too(client, maria, maria_thread):
    [listed] = client.get(URL).json()
    assert listed["code"] == str(maria_thread.code)


@pytest.mark.parametrize("who", ["johan", "sara"])
def test_the_api_is_for_patients_only(client, cast, maria_thread, who):
    """A relative writes through the web pages under the patient's grant (which the activity log shows); the
    care team through their own pages, where each read is audited."""
    caller = as_token(client, cast[who])
    assert caller.get(URL).status_code == 403
    assert caller.get(f"{URL}/{maria_thread.code}").status_code == 403
    assert caller.post(f"{URL}/{maria_thread.code}/messages", {"body": "Hi"},
                       content_type="application/json").status_code == 403
    assert maria_thread.messages.count() == 1


def test_threads_come_in_pages_newest_first(api, maria, time_machine):
    for subject in ("First", "Second", "Third"):
        services.start_thread(maria, maria, subject, "Hello")
    first = api.get(URL, {"limit": 2})
    assert [t["subject"] for t in first.json()] == ["Third", "Second"]
    assert first["X-Total-Count"] == "3" and 'rel="next"' in first["Link"]
    assert [t["subject"] for t in api.get(URL, {"limit": 2, "offset": 2}).json()] == ["First"]


def test_the_routes_are_in_the_openapi_document_with_their_answers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths[URL]) == {"get", "post"}
    assert {"201", "409", "422"} <= set(paths[URL]["post"]["responses"])
    assert {"201", "409", "422", "404"} <= set(paths[f"{URL}/{{code}}/messages"]["post"]["responses"])
    assert {"200", "404"} <= set(paths[f"{URL}/{{code}}"]["get"]["responses"])
    assert {"200", "404"} <= set(paths[f"{URL}/{{code}}/read"]["post"]["responses"])
    assert "200" in paths[f"{URL}/unread"]["get"]["responses"]
