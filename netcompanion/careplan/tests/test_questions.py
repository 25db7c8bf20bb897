"""Questions for the next visit: add, tick off at the visit with an answer note, and reopen."""

import pytest
from django.urls import reverse

from netcompanion.careplan import services
from netcompanion.careplan.models import Question, QuestionEvent, QuestionStatus

pytestmark = pytest.mark.django_db


def add(client, text, next="index"):
    return client.post(reverse("careplan:questions"), {"text": text, "next": next})


def test_a_patient_adds_a_question_and_sees_it_on_the_plan(client, maria):
    response = add(client, "Can I travel abroad this summer?")
    assert response.status_code == 302 and response["Location"].endswith("#questions")
    question = Question.objects.get()
    assert (question.patient, question.created_by, question.created_by_role, question.status) == (
        maria, maria, "patient", QuestionStatus.OPEN)
    assert question.events.get().action == "added"
    body = client.get(reverse("careplan:index")).content.decode()
    assert "Can I travel abroad this summer?" in body and "Added by you on" in body


def test_ticking_off_with_an_answer_note_keeps_who_and_when(client, maria):
    add(client, "Can I inject at home?")
    question = Question.objects.get()
    response = client.post(reverse("careplan:question_asked", args=[question.code]),
                           {"answer": "Yes, the nurse will show me how."})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASKED and question.asked_by == maria and question.asked_at
    assert question.answer == "Yes, the nurse will show me how."
    body = client.get(reverse("careplan:index")).content.decode()
    assert "Already asked" in body and "Yes, the nurse will show me how." in body


def test_open_questions_come_first(client, maria):
    for text in ("First question", "Second question", "Third question"):
        add(client, text)
    services.mark_question_asked(Question.objects.get(text="First question"), maria)
    body = client.get(reverse("careplan:questions")).content.decode()
    assert body.index("Second question") < body.index("Third question") < body.index("First question")
    index = client.get(reverse("careplan:index")).content.decode()
    assert index.index("Second question") < index.index("Third question") < index.index("First question")


def test_a_question_can_be_reopened_and_its_earlier_answer_stays_in_its_history(client, cast, maria):
    add(client, "Is the diarrhoea from the injections?")
    question = Question.objects.get()
    services.mark_question_asked(question, cast["sara"], "Perhaps; let us check in a month.")
    response = client.post(reverse("careplan:question_reopen", args=[question.code]), {"next": "questions"})
    assert response.status_code == 302 and response["Location"] == reverse("careplan:questions")
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN and question.asked_at is None
    assert [e.action for e in question.events.all()] == ["added", "asked", "reopened"]
    history = client.get(reverse("careplan:question_history", args=[question.code])).content.decode()
    assert "Ticked off as asked</strong> by Sara Ek (contact nurse)" in history
    assert "Perhaps; let us check in a month." in history and "Reopened</strong> by you" in history


def test_a_second_tick_does_not_replace_the_first_answer(client, cast, maria):
    add(client, "When is my next CT?")
    question = Question.objects.get()
    services.mark_question_asked(question, cast["sara"], "In March.")
    with pytest.raises(services.QuestionNotOpen):
        services.mark_question_asked(question, maria, "In May.")
    response = client.post(reverse("careplan:question_asked", args=[question.code]), {"answer": "In May."},
                           follow=True)
    assert "already ticked off" in response.content.decode()
    question.refresh_from_db()
    assert question.answer == "In March." and question.asked_by == cast["sara"]
    assert question.events.filter(action="asked").count() == 1


@pytest.mark.parametrize("text, message", [
    ("", "Please write your question first."),
    ("   ", "Please write your question first."),
    ("q" * 501, "Please keep this to 500 characters or fewer (it has 501)."),
])
def test_an_empty_or_too_long_question_is_refused_next_to_the_field(client, maria, text, message):
    response = add(client, text, next="questions")
    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert body.index(message) < body.index('name="text"'), "the message is next to the field"
    if text.strip():
        assert text + "</textarea>" in body, "what the person typed is kept"
    assert not Question.objects.exists() and not QuestionEvent.objects.exists()


def test_too_long_answer_note_is_refused_and_the_question_stays_open(client, maria):
    add(client, "A question")
    question = Question.objects.get()
    response = client.post(reverse("careplan:question_asked", args=[question.code]), {"answer": "a" * 2001})
    body = response.content.decode()
    assert response.status_code == 400 and "2,000 characters or fewer" in body and "a" * 2001 in body
    question.refresh_from_db()
    assert question.status == QuestionStatus.OPEN and question.events.count() == 1


def test_the_service_refuses_empty_and_too_long_questions(cast):
    from django.core.exceptions import ValidationError

    for text in ("", "  \r\n ", "q" * 501):
        with pytest.raises(ValidationError):
            services.add_question(cast["maria"], cast["maria"], text)
    assert not Question.objects.exists()


def test_the_care_team_can_add_a_question_through_the_service(client, cast, maria):
    services.add_question(maria, cast["ali"], "Bring your list of medicines.")
    body = client.get(reverse("careplan:index")).content.decode()
    assert "Added by Ali Haddad (doctor)" in body
