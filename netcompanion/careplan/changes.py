"""What a care plan holds, and what changed between two versions of it, in words a person can read.

Pure logic with no Django import: the models, services and templates share these names and labels,
and the tests check the comparison without a database.

A plan snapshot is a plain dict: one text per part in ``PARTS`` and ``"contacts"``, a list of dicts
with the keys in ``CONTACT_FIELDS`` plus ``"code"``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from netcompanion.translatable import gettext_noop

# The written parts of a care plan, in the order the guide page lists them. The labels are in English here; the
# page, form or document that shows one translates it.
PARTS: dict[str, str] = {
    "diagnosis": gettext_noop("Diagnosis summary"),
    "goals": gettext_noop("Goals of treatment"),
    "treatments": gettext_noop("Planned treatments and checks"),
    "support": gettext_noop("Rehabilitation and support"),
    "what_matters": gettext_noop("What matters to me"),
}

# The contact nurse comes first, then the doctor, the NET centre, the number for evenings, nights and weekends
# (the crisis card prints it) and everyone else.
CONTACT_ROLES: dict[str, str] = {
    "contact_nurse": gettext_noop("Contact nurse"),
    "doctor": gettext_noop("Doctor"),
    "net_centre": gettext_noop("NET centre"),
    "out_of_hours": gettext_noop("Out-of-hours line"),
    "other": gettext_noop("Other"),
}
ROLE_ORDER: tuple[str, ...] = tuple(CONTACT_ROLES)

CONTACT_FIELDS: dict[str, str] = {
    "name": gettext_noop("Name"),
    "role": gettext_noop("Role"),
    "phone": gettext_noop("Phone"),
    "email": gettext_noop("E-mail"),
    "notes": gettext_noop("Notes"),
}

EMPTY_PLAN: dict = {**{part: "" for part in PARTS}, "contacts": []}


def normalise_text(value: str | None) -> str:
    """One form of every text, so that a browser's line endings are not mistaken for a change."""
    if not value:
        return ""
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def contact_sort_key(contact: dict) -> tuple[int, str]:
    role = contact.get("role", "other")
    rank = ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)
    return rank, (contact.get("name") or "").casefold()


def sort_contacts(contacts: list[dict]) -> list[dict]:
    return sorted(contacts, key=contact_sort_key)


def _contacts_by_code(snapshot: dict) -> dict[str, dict]:
    return {c["code"]: c for c in snapshot.get("contacts", [])}


def changed_parts(before: dict, after: dict) -> list[str]:
    """The keys (parts, and "contacts") that differ between two snapshots, in plan order."""
    keys = [p for p in PARTS if before.get(p, "") != after.get(p, "")]
    if _contacts_by_code(before) != _contacts_by_code(after):
        keys.append("contacts")
    return keys


def contact_changed(before: dict, after: dict, code: str) -> bool:
    """Whether one contact was added, changed or removed between two snapshots."""
    return _contacts_by_code(before).get(code) != _contacts_by_code(after).get(code)


@dataclass(frozen=True)
class TextChange:
    key: str
    label: str
    before: str
    after: str

    kind = "text"


@dataclass(frozen=True)
class ContactChange:
    """One contact added, changed or removed. ``fields`` holds (label, before, after) rows."""

    action: str  # "added", "changed" or "removed"
    name: str
    fields: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)

    kind = "contact"


def plan_changes(before: dict, after: dict, translate: Callable[[str], str] = str) -> list[TextChange | ContactChange]:
    """What changed from one snapshot to the next, part by part, in the order the plan is shown.

    ``translate`` puts the labels and the contacts' roles in the reader's language; what people wrote stays as is.
    """
    def shown(key: str, value: str) -> str:
        return translate(CONTACT_ROLES[value]) if key == "role" and value in CONTACT_ROLES else value

    changes: list[TextChange | ContactChange] = []
    old, new = _contacts_by_code(before), _contacts_by_code(after)
    for contact in sort_contacts([c for code, c in new.items() if old.get(code) != c] +
                                 [c for code, c in old.items() if code not in new]):
        code = contact["code"]
        if code not in old:
            rows = tuple((translate(label), "", shown(k, contact.get(k, ""))) for k, label in CONTACT_FIELDS.items()
                         if contact.get(k))
            changes.append(ContactChange("added", contact["name"], rows))
        elif code not in new:
            rows = tuple((translate(label), shown(k, contact.get(k, "")), "") for k, label in CONTACT_FIELDS.items()
                         if contact.get(k))
            changes.append(ContactChange("removed", contact["name"], rows))
        else:
            was = old[code]
            rows = tuple((translate(label), shown(k, was.get(k, "")), shown(k, contact.get(k, "")))
                         for k, label in CONTACT_FIELDS.items() if was.get(k, "") != contact.get(k, ""))
            changes.append(ContactChange("changed", contact["name"], rows))
    for part, label in PARTS.items():
        if before.get(part, "") != after.get(part, ""):
            changes.append(TextChange(part, translate(label), before.get(part, ""), after.get(part, "")))
    return changes


def describe(keys: list[str]) -> str:
    """A short line for a list of changed keys: "Treatment goals, what matters to me and contacts"."""
    names = [PARTS.get(k, "contacts").lower() for k in keys]
    if not names:
        return "Nothing"
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return text[0].upper() + text[1:]
