"""Every write to a care plan goes through here, so that every change leaves a version behind.

The author of a change is whoever is signed in: the patient today, a nurse or doctor from the staff
side later. Other apps call these functions; they never save the models directly.

Nothing is silently overwritten. Each edit says which plan version it started from
(``based_on_version``). If someone else has changed *the same part* since then, the save is refused
with ``StaleVersion``, which carries the current plan and who changed it, so the person can compare
and decide. Edits to *different* parts made at the same time are both kept.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from netcompanion.accounts.models import Role
from netcompanion.careplan.changes import (
    CONTACT_FIELDS,
    EMPTY_PLAN,
    PARTS,
    changed_parts,
    contact_changed,
    normalise_text,
)
from netcompanion.careplan.models import (
    CareContact,
    CarePlan,
    CarePlanVersion,
    ContactStatus,
    PathologyReport,
    Question,
    QuestionAction,
    QuestionEvent,
    QuestionStatus,
)
from netcompanion.core.records import Action

QUESTION_PEOPLE = ["patient", "created_by", "asked_by"]


class StaleVersion(Exception):
    """Someone changed what you are editing after you opened it. Nothing was saved."""

    def __init__(self, plan: CarePlan, keys: list[str], latest: CarePlanVersion | None):
        self.plan, self.keys, self.latest = plan, keys, latest
        super().__init__(f"Care plan changed since the version you started from (now version {plan.version}).")


class AlreadyKept(Exception):
    """The same explained report is already in the care plan, from the same day. Nothing was saved."""


class QuestionNotOpen(Exception):
    """The question was already ticked off, by someone else or in another tab. Nothing was changed."""

    def __init__(self, question: Question):
        self.question = question
        super().__init__("This question has already been ticked off.")


def check_author(patient, author) -> None:
    """The patient and the care team may write; anyone else may not. Which patients a member of staff reaches is
    decided before this, by the pages (``careteam.access``: assigned patients only); this checks the role only."""
    if patient.role != Role.PATIENT:
        raise ValueError("A care plan belongs to a patient.")
    if author.pk != patient.pk and not author.is_care_team:
        raise PermissionDenied("Only the patient or their care team can change a care plan.")


def plan_for(patient) -> CarePlan:
    """The patient's care plan; an empty one (version 0, no history yet) on first use."""
    if patient.role != Role.PATIENT:
        raise ValueError("A care plan belongs to a patient.")
    plan, _ = CarePlan.objects.get_or_create(patient=patient)
    return plan


def snapshot_at(plan: CarePlan, number: int) -> dict:
    """The plan as it was at version ``number`` (version 0 is the empty plan)."""
    if number == 0:
        return EMPTY_PLAN
    return plan.versions.get(number=number).data


def latest_version(plan: CarePlan) -> CarePlanVersion | None:
    return plan.versions.select_related("changed_by").order_by("-number").first()


def _lock(patient) -> CarePlan:
    plan_for(patient)
    return CarePlan.objects.select_for_update().get(patient=patient)


def _refuse_if_stale(plan: CarePlan, based_on_version: int | None, clashes) -> None:
    """Raises StaleVersion if any key in ``clashes(base, current)`` changed since ``based_on_version``.

    A version that is missing, not a number or not one this plan has had is treated as out of date.
    """
    if based_on_version == plan.version:
        return
    if not isinstance(based_on_version, int) or not 0 <= based_on_version < plan.version:
        raise StaleVersion(plan, list(PARTS) + ["contacts"], latest_version(plan))
    keys = clashes(snapshot_at(plan, based_on_version), plan.snapshot())
    if keys:
        raise StaleVersion(plan, keys, latest_version(plan))


def _commit(plan: CarePlan, author, before: dict) -> CarePlanVersion | None:
    """Saves the plan and appends a version if anything changed; an unchanged save leaves no row."""
    after = plan.snapshot()
    keys = changed_parts(before, after)
    if not keys:
        return None
    plan.version += 1
    stamp = {"by": author.pk, "role": author.role, "at": timezone.now().isoformat(), "version": plan.version}
    plan.last_changed = {**plan.last_changed, **{k: stamp for k in keys}}
    plan.save()
    return CarePlanVersion.objects.create(record=plan, number=plan.version, action=Action.UPDATED, data=after,
                                          parts=keys, changed_by=author, author_role=author.role)


@transaction.atomic
def update_plan(patient, author, changes: Mapping[str, str], based_on_version: int | None) -> CarePlan:
    """Changes one or more written parts (keys from ``changes.PARTS``).

    Raises ``StaleVersion`` if another person changed one of these parts after ``based_on_version``,
    ``ValidationError`` if a text is too long, ``PermissionDenied`` if ``author`` may not write.
    """
    check_author(patient, author)
    unknown = set(changes) - set(PARTS)
    if unknown:
        raise ValueError(f"Not a part of the care plan: {', '.join(sorted(unknown))}")
    texts = {part: normalise_text(value) for part, value in changes.items()}
    plan = _lock(patient)

    def clashes(base, current):
        # A part clashes if it moved since the base and this save would replace it with something else.
        return [p for p in texts if base[p] != current[p] and texts[p] != current[p]]

    _refuse_if_stale(plan, based_on_version, clashes)
    before = plan.snapshot()
    for part, text in texts.items():
        setattr(plan, part, text)
    plan.clean_fields(exclude=[f.name for f in CarePlan._meta.fields if f.name not in PARTS])
    _commit(plan, author, before)
    return plan


def _contact_values(data: Mapping[str, str]) -> dict:
    values = {k: normalise_text(data.get(k, "")) for k in CONTACT_FIELDS}
    values["email"] = values["email"].lower() if "@" in values["email"] else values["email"]
    return values


@transaction.atomic
def add_contact(patient, author, data: Mapping[str, str]) -> CareContact:
    """Adds a contact (name, role, phone, email, notes). Adding never overwrites, so no version check."""
    check_author(patient, author)
    plan = _lock(patient)
    before = plan.snapshot()
    contact = CareContact(plan=plan, **_contact_values(data))
    contact.clean_fields(exclude=["plan"])
    contact.save()
    _commit(plan, author, before)
    return contact


@transaction.atomic
def change_contact(contact: CareContact, author, data: Mapping[str, str], based_on_version: int | None) -> CareContact:
    """Changes a contact. Raises ``StaleVersion`` if someone else changed or removed it meanwhile."""
    patient = contact.plan.patient
    check_author(patient, author)
    plan = _lock(patient)
    contact = CareContact.objects.select_for_update().get(pk=contact.pk)
    code = str(contact.code)
    _refuse_if_stale(plan, based_on_version,
                     lambda base, current: ["contacts"] if contact_changed(base, current, code) else [])
    if contact.status != ContactStatus.ACTIVE:
        raise StaleVersion(plan, ["contacts"], latest_version(plan))
    before = plan.snapshot()
    for key, value in _contact_values(data).items():
        setattr(contact, key, value)
    contact.clean_fields(exclude=["plan"])
    contact.save()
    _commit(plan, author, before)
    return contact


@transaction.atomic
def remove_contact(contact: CareContact, author, based_on_version: int | None) -> None:
    """Takes a contact off the plan. The row stays, marked removed, and the history shows it."""
    patient = contact.plan.patient
    check_author(patient, author)
    plan = _lock(patient)
    contact = CareContact.objects.select_for_update().get(pk=contact.pk)
    if contact.status != ContactStatus.ACTIVE:
        return
    code = str(contact.code)
    _refuse_if_stale(plan, based_on_version,
                     lambda base, current: ["contacts"] if contact_changed(base, current, code) else [])
    before = plan.snapshot()
    contact.status = ContactStatus.REMOVED
    contact.save(update_fields=["status", "updated_at"])
    _commit(plan, author, before)


def history(plan: CarePlan) -> list[tuple[CarePlanVersion, dict]]:
    """Every version, newest first, each with the snapshot before it (to show what changed)."""
    versions = list(plan.versions.select_related("changed_by").order_by("number"))
    previous = [EMPTY_PLAN] + [v.data for v in versions]
    # previous is one longer: the newest snapshot has no version after it.
    return list(reversed(list(zip(versions, previous, strict=False))))


def _event(question: Question, action: str, author, answer: str = "") -> QuestionEvent:
    return QuestionEvent.objects.create(question=question, action=action, text=question.text, answer=answer,
                                        by=author, by_role=author.role)


@transaction.atomic
def add_question(patient, author, text: str) -> Question:
    """Adds a question for the next visit. Raises ``ValidationError`` if it is empty or too long."""
    check_author(patient, author)
    question = Question(patient=patient, text=normalise_text(text), created_by=author, created_by_role=author.role)
    question.clean_fields(exclude=QUESTION_PEOPLE)
    question.save()
    _event(question, QuestionAction.ADDED, author)
    return question


@transaction.atomic
def mark_question_asked(question: Question, author, answer: str = "") -> Question:
    """Ticks a question off as asked, with an optional answer note.

    Raises ``QuestionNotOpen`` if it was already ticked off, so a second tick never replaces the first note.
    """
    check_author(question.patient, author)
    question = Question.objects.select_for_update().select_related("patient").get(pk=question.pk)
    if question.status != QuestionStatus.OPEN:
        raise QuestionNotOpen(question)
    question.status = QuestionStatus.ASKED
    question.answer = normalise_text(answer)
    question.asked_by, question.asked_by_role, question.asked_at = author, author.role, timezone.now()
    question.clean_fields(exclude=QUESTION_PEOPLE)
    question.save()
    _event(question, QuestionAction.ASKED, author, question.answer)
    return question


@transaction.atomic
def reopen_question(question: Question, author) -> Question:
    """Puts a ticked-off question back on the list. Its earlier answer note stays in its history."""
    check_author(question.patient, author)
    question = Question.objects.select_for_update().select_related("patient").get(pk=question.pk)
    if question.status == QuestionStatus.OPEN:
        return question
    question.status = QuestionStatus.OPEN
    question.asked_by, question.asked_by_role, question.asked_at = None, "", None
    question.save()
    _event(question, QuestionAction.REOPENED, author)
    return question



@transaction.atomic
def keep_pathology_report(patient, author, on, source_line: str, facts: list[tuple[str, str]], results: list[str],
                          notes: list[str]) -> PathologyReport:
    """Adds an explained pathology report as an entry of its own; the written parts are left as they are.

    Raises ``AlreadyKept`` if the same report, explained the same day, is there already (a second press of the
    button), and ``ValidationError`` if the line is too long.
    """
    check_author(patient, author)
    _lock(patient)  # two presses at once are one after the other here, so the second finds the first
    entry = PathologyReport(patient=patient, on=on, source_line=normalise_text(source_line),
                            facts=[list(pair) for pair in facts], results=list(results), notes=list(notes),
                            added_by=author, added_by_role=author.role)
    if PathologyReport.objects.filter(patient=patient, on=on, source_line=entry.source_line, facts=entry.facts,
                                      results=entry.results).exists():
        raise AlreadyKept
    entry.clean_fields(exclude=["patient", "added_by"])
    entry.save()
    return entry
