"""Every change to who looks after whom goes through here. Ending an assignment keeps its row, so the history
of who could see a record stays."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from netcompanion.accounts.models import STAFF_ROLES, Role
from netcompanion.careteam.models import Assignment


class AlreadyAssigned(Exception):
    """This member of staff already looks after this patient. Nothing was changed."""


class SelfAssignment(ValidationError):
    """Nobody assigns themselves: an assignment opens a whole record, so two people agree to it. Nothing was
    changed. A ValidationError, so a form shows it as it shows its own refusals."""


class DuplicateRecordNumber(Exception):
    """Another patient has this record number. Nothing was changed."""


def assign(patient, staff, by) -> Assignment:
    """``staff`` looks after ``patient`` from now, assigned by ``by`` (a lead nurse or an administrator), who may not
    be ``staff``: a lead nurse's own assignments are made by another lead nurse or an administrator."""
    if patient.role != Role.PATIENT:
        raise ValueError("Only patients are assigned to the care team.")
    if staff.role not in STAFF_ROLES:
        raise ValueError("Only nurses and doctors look after patients.")
    if staff.pk == by.pk:
        raise SelfAssignment(gettext("You cannot assign yourself to a patient. Ask another lead nurse or an "
                                     "administrator: two people agree before a record opens to someone."))
    try:
        with transaction.atomic():
            return Assignment.objects.create(patient=patient, staff=staff, assigned_by=by)
    except IntegrityError as clash:  # the one-active-assignment constraint, also under a race
        raise AlreadyAssigned(f"{staff} already looks after {patient}.") from clash


def end_assignment(assignment: Assignment, by) -> bool:
    """Ends an active assignment; False if it had already ended (by someone else, or in another tab)."""
    return bool(Assignment.objects.active().filter(pk=assignment.pk).update(ended_at=timezone.now(), ended_by=by))


def set_record_number(patient, number: str) -> None:
    if patient.role != Role.PATIENT:
        raise ValueError("Only patients have a record number.")
    number = number.strip()
    if number and type(patient).objects.filter(record_number__iexact=number).exclude(pk=patient.pk).exists():
        raise DuplicateRecordNumber(number)
    before, patient.record_number = patient.record_number, number
    try:
        with transaction.atomic():
            patient.save(update_fields=["record_number"])
    except IntegrityError as clash:  # the unique constraint, under a race
        patient.record_number = before
        raise DuplicateRecordNumber(number) from clash
