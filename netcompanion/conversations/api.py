"""Messages with the care team over JSON, for the patient's own apps: list, read, start, post and mark as read.

Patients only, as every record API is (``patient_of``): relatives write through the web pages, under their grant.
A message goes through the same steps as on the web compose page: the text is checked first (422 naming the
field), then read for red flags, and a message that mentions one is not stored until the writer has seen the
advice (409 with it) and sends it again with ``"confirmed": true`` (hazard H-193); then the action writes,
assesses and announces it. Texts are in the request's language; codes stay codes."""

import datetime as dt
from collections.abc import Callable
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db.models import Count, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema
from ninja.responses import Status
from pydantic import ConfigDict

from netcompanion.accounts.api_auth import PERSON_AUTH
from netcompanion.accounts.models import STAFF_ROLES
from netcompanion.conversations import actions, selectors, services
from netcompanion.conversations.advice import red_flag_advice, written
from netcompanion.conversations.models import BODY_MAX, SUBJECT_MAX, Thread
from netcompanion.core.api_helpers import Problems, body_problems, patient_of
from netcompanion.core.record_api import PAGE_HEADERS, Page, paged

router = Router(tags=["messages"], auth=PERSON_AUTH)


class MessagesRefused(Schema):
    """403: the caller is not a patient (relatives and the care team use their pages); 404: no such conversation
    of theirs."""

    detail: str


class WithdrawalOut(Schema):
    by_name: str
    at: dt.datetime


class MessageOut(Schema):
    code: UUID
    author_name: str = Field(description="The author's name as it was when they wrote.")
    author_role: str = Field(description="patient, relative, nurse (the contact nurse) or doctor, as it was.")
    author_role_label: str = Field(description="The role in the request's language.")
    from_team: bool = Field(description="Written by the care team (a nurse or a doctor).")
    body: str = Field(description="The text as sent, never changed; plain text, not HTML: show it as text.")
    sent_at: dt.datetime
    withdrawn: WithdrawalOut | None = Field(
        description="Who took the message back and when; the text stays in the conversation, to be shown folded "
                    "away. Null when it stands.")

    @staticmethod
    def resolve_author_role_label(message) -> str:
        return message.role_label

    @staticmethod
    def resolve_from_team(message) -> bool:
        return message.author_role in STAFF_ROLES

    @staticmethod
    def resolve_withdrawn(message):
        return getattr(message, "withdrawal", None)


class ThreadOut(Schema):
    code: UUID
    subject: str
    started_by_name: str
    started_by_role: str = Field(description="patient, relative, nurse or doctor: who started it.")
    created_at: dt.datetime
    last_message_at: dt.datetime = Field(description="The list is newest first by this.")
    message_count: int = Field(description="How many messages the conversation holds, withdrawn ones included.")
    unread: bool = Field(description="Something from someone else came after you last marked it read.")


class ThreadWithMessages(ThreadOut):
    messages: list[MessageOut] = Field(description="Oldest first.")

    @staticmethod
    def resolve_messages(thread):
        return selectors.messages_of(thread)


class UnreadCount(Schema):
    unread_threads: int = Field(description="How many of your conversations have something you have not read.")


class MessageIn(Schema):
    model_config = ConfigDict(extra="forbid")

    body: str = Field(description=f"1 to {BODY_MAX} characters once the spaces around it are trimmed; plain text.")
    confirmed: bool = Field(False, description="true once the writer has seen the red-flag advice of a 409 answer "
                                               "and sends the message anyway.")


class ThreadIn(MessageIn):
    subject: str = Field(description=f"What it is about: 1 to {SUBJECT_MAX} characters.")


class AdvicePlace(Schema):
    place: str
    reach: str


class RedFlagAdvice(Schema):
    level: str = Field(description="The navigator's level for what the text mentions: emergency or urgent.")
    headline: str
    call: str = Field(description="The number to call now: at urgent the country's advice line where it has one "
                                  "(1177 in Sweden), else the emergency number.")
    emergency_number: str
    places: list[AdvicePlace] = Field(description="Where to go, in the writer's country's words.")
    where: str = Field(description="The places as one sentence.")
    reasons: list[str] = Field(description="What in the text needs help sooner than the care team can reply.")
    flags: list[str] = Field(description="The red-flag rows that matched, by id (codes).")
    check_url: str = Field(description="The symptom checker, to check the symptoms now.")


class RedFlagRefusal(Schema):
    detail: str
    advice: RedFlagAdvice


NOT_A_PATIENT = {403: MessagesRefused}
NOT_THEIRS = {**NOT_A_PATIENT, 404: MessagesRefused}
NOT_SENT = {409: RedFlagRefusal, 422: Problems}
SENDING = ("Not for emergencies. The text is checked first (422 naming the field: empty, too long, an unknown field). "
           "Then, if it mentions a symptom that needs help today (the navigator's red flags), nothing is stored and "
           "the answer is 409 with the advice in the request's language (level, headline, the number to call, "
           "where to go): show it, and send the same body again with \"confirmed\": true only if the writer "
           "chooses to send it anyway.")


def _mine(request) -> QuerySet[Thread]:
    """The signed-in patient's threads, each with its unread flag and message count."""
    patient = patient_of(request)
    return services.with_unread(patient, selectors.threads_for_patient(patient)).annotate(
        message_count=Count("messages"))


def _own(request, code: UUID) -> Thread:
    """The patient's own thread, or 404: another patient's thread is as unknown as a made-up code."""
    return get_object_or_404(_mine(request), code=code)


def _advice(request, patient, text: str) -> dict | None:
    """The navigator's advice for the highest red flag in the text, in the patient's country and the request's
    language, as the compose page shows it; None when the text has none."""
    if (advice := red_flag_advice(text, patient, patient)) is None:
        return None
    shown = advice.shown
    return {"level": advice.level.value, "headline": shown["headline"],
            "call": advice.advice_line or shown["emergency_number"], "emergency_number": shown["emergency_number"],
            "places": [{"place": p["place"], "reach": p["reach"]} for p in shown["places"]], "where": shown["where"],
            "reasons": advice.reasons, "flags": advice.flags,
            "check_url": request.build_absolute_uri(reverse("navigator:start"))}


def _problems(refusals: list[ValidationError]) -> Status:
    """The service's refusals (each naming its field) as a 422."""
    return body_problems([([field], message) for refused in refusals
                          for field, messages in refused.message_dict.items() for message in messages])


def _checked(request, patient, payload: MessageIn, *fields: tuple[str, Callable[[str], str], str]) -> Status | None:
    """What stops the message before anything is written, or None to send it: a 422 naming each bad field (each of
    ``fields`` is its name, the service's check and the value, checked as the service will check it, and for the
    null character no database column of text can hold, which the web form's fields refuse too), else a 409 with the
    advice for a red flag the writer has not confirmed."""
    refusals = []
    for field, check, value in fields:
        try:
            ProhibitNullCharactersValidator()(value)
        except ValidationError as refused:
            refusals.append(ValidationError({field: refused.messages}))
            continue
        try:
            check(value)
        except ValidationError as refused:
            refusals.append(refused)
    if refusals:
        return _problems(refusals)
    text = written(payload.body, getattr(payload, "subject", ""))  # a new thread's subject is read too
    advice = None if payload.confirmed else _advice(request, patient, text)
    if advice is None:
        return None
    return Status(409, {"detail": gettext("Your message is not sent yet. You can still send it to your care team as "
                                          "well, but do not wait for their reply to get help."), "advice": advice})


@router.get("", response={200: list[ThreadOut], **NOT_A_PATIENT}, summary="My conversations with the care team",
            openapi_extra={"responses": {200: {"headers": PAGE_HEADERS}}})
def list_threads(request, response: HttpResponse, page: Query[Page]):
    """Newest message first, each with whether it has something unread and how many messages it holds."""
    return paged(request, response, _mine(request), page)


@router.get("/unread", response={200: UnreadCount, **NOT_A_PATIENT},
            summary="How many conversations have something unread")
def unread_count(request):
    patient = patient_of(request)
    return {"unread_threads": services.unread_threads(patient, selectors.threads_for_patient(patient))}


@router.post("", response={201: ThreadWithMessages, **NOT_A_PATIENT, **NOT_SENT},
             summary="Start a conversation with the care team", description=SENDING)
def start_thread(request, payload: ThreadIn):
    patient = patient_of(request)
    stopped = _checked(request, patient, payload, ("subject", services.clean_subject, payload.subject),
                       ("body", services.clean_body, payload.body))
    if stopped:
        return stopped
    try:
        thread = actions.start(patient, patient, payload.subject, payload.body)
    except ValidationError as refused:
        return _problems([refused])
    return Status(201, _own(request, thread.code))


@router.get("/{code}", response={200: ThreadWithMessages, **NOT_THEIRS},
            summary="Read a conversation (does not mark it read)")
def get_thread(request, code: UUID):
    """Every message, oldest first, with its author's name and role; a withdrawn one keeps its text and says who
    withdrew it and when. Reading does not mark it read: mark it with POST /{code}/read once it is shown."""
    return _own(request, code)


@router.post("/{code}/messages", response={201: MessageOut, **NOT_THEIRS, **NOT_SENT},
             summary="Write in a conversation", description=SENDING)
def post_message(request, code: UUID, payload: MessageIn):
    thread, patient = _own(request, code), patient_of(request)
    stopped = _checked(request, patient, payload, ("body", services.clean_body, payload.body))
    if stopped:
        return stopped
    try:
        message = actions.reply(thread, patient, payload.body)
    except ValidationError as refused:
        return _problems([refused])
    return Status(201, message)


@router.post("/{code}/read", response={200: ThreadOut, **NOT_THEIRS},
             summary="Mark a conversation read")
def mark_read(request, code: UUID):
    """Everything in it up to now is read: it no longer counts as unread until someone else writes."""
    services.mark_read(_own(request, code), patient_of(request), timezone.now())
    return _own(request, code)
