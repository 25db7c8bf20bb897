"""Deleting a patient's account and everything that belongs to it. The only write this app makes."""

from __future__ import annotations

import logging
from collections import Counter

from django.db import transaction
from django.db.models import ProtectedError

from netcompanion.accounts.models import Role
from netcompanion.exports.document import owned_relations

log = logging.getLogger(__name__)


class AccountNotDeleted(Exception):
    """A record outside the patient's own (another person's) still names them as its author.

    That record is kept, so the account cannot go; nothing at all was deleted.
    """

    def __init__(self, protected):
        self.protected = protected
        super().__init__("Records outside this patient's own record still refer to them; nothing was deleted.")


@transaction.atomic
def delete_account(patient) -> dict[str, int]:
    """Deletes the patient and every row that belongs to them, in one transaction. Returns rows per table.

    "Belongs to" means a CASCADE foreign key to the user (``patient``, ``user``; see ``owned_relations``):
    the same rows Django would cascade to. They are deleted first, with everything that hangs off them
    (versions, events, contacts), because those rows name their author with PROTECT: the patient, or a
    relative or nurse who wrote on this patient's record. Their accounts stay; what they wrote here goes.

    The messages with the care team go too, whoever wrote them (``conversations.Thread`` belongs to the patient):
    NET Companion is the patient's own app, not the clinic's journal. The care provider keeps its record of the
    patient's care for at least ten years (in Sweden Patientdatalagen, 3 kap.) in its own journal system, where
    the team writes what matters from a message as from a phone call; so nothing here has to outlive the account,
    not the threads nor the audit of staff reads of this record, which is about a record that no longer exists.

    A PROTECT reference from a row that is *not* the patient's own (they are named as the author of
    something on another person's record) stops the deletion: that other record must never be touched,
    so ``AccountNotDeleted`` is raised and the transaction rolls back.
    """
    if patient.role != Role.PATIENT:
        raise ValueError("Only a patient's own account can be deleted here.")
    counts: Counter[str] = Counter()
    pending = owned_relations()
    # A table can hold a PROTECT reference to another owned table; retry until nothing more can go.
    while pending:
        blocked = []
        for model, field in pending:
            try:
                with transaction.atomic():
                    # The base manager: erasure is the one path that deletes append-only rows in bulk.
                    _, per_table = model._base_manager.filter(**{field.name: patient}).delete()
            except ProtectedError:
                blocked.append((model, field))
            else:
                counts.update(per_table)
        if len(blocked) == len(pending):
            break
        pending = blocked
    try:
        _, per_table = patient.delete()
    except ProtectedError as error:
        raise AccountNotDeleted(error.protected_objects) from error
    counts.update(per_table)
    log.info("A patient account was deleted with %d rows in %d tables.", sum(counts.values()), len(counts))
    return dict(counts)
