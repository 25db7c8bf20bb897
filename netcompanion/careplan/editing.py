"""What the care plan's pages share on the patient's side and the care team's: who changed what, in words, and the
form that changes one written part, with its stale-version check."""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils.translation import gettext

from netcompanion.accounts.models import Role
from netcompanion.careplan import services
from netcompanion.careplan.forms import PartForm
from netcompanion.careplan.models import Question
from netcompanion.core.pages import posted


def who(user, role: str, viewer) -> str:
    """"you", or a name with the role the person had at the time: "Sara Ek (contact nurse)"."""
    if user is None:
        return gettext("someone who is no longer registered")
    if user.pk == viewer.pk:
        return gettext("you")
    name = user.display_name
    if role not in Role.values:
        return name
    return gettext("%(name)s (%(role)s)") % {"name": name, "role": str(Role(role).label).lower()}


def stamps(plan, viewer) -> dict[str, dict]:
    """Who last changed each part, and when: {key: {"who": ..., "at": datetime}}, in one query."""
    ids = {stamp["by"] for stamp in plan.last_changed.values()}
    people = get_user_model().objects.in_bulk(ids) if ids else {}
    return {key: {"who": who(people.get(stamp["by"]), stamp["role"], viewer),
                  "at": dt.datetime.fromisoformat(stamp["at"]), "version": stamp["version"]}
            for key, stamp in plan.last_changed.items()}


def conflict_stamp(plan, key: str, based_on, viewer) -> dict | None:
    """Who changed ``key`` after the version the page was opened at, if we can tell."""
    stamp = stamps(plan, viewer).get(key)
    return stamp if stamp and based_on is not None and stamp["version"] > based_on else None


def with_version(data, version: int):
    """What the person typed, now based on the current version, so saving again is a deliberate choice."""
    data = data.copy()
    data["version"] = version
    return data


def described(questions, viewer) -> list[Question]:
    """The questions, each with who added it and who ticked it off, in words."""
    questions = list(questions)
    for q in questions:
        q.added_by_text = who(q.created_by, q.created_by_role, viewer)
        q.asked_by_text = who(q.asked_by, q.asked_by_role, viewer) if q.asked_at else ""
    return questions


@dataclass(frozen=True)
class PartEdit:
    form: PartForm
    conflict: dict | None = None
    saved: bool = False
    changed: bool = False  # saved, and a new version was made (the text was not the same as before)

    @property
    def status(self) -> int:
        return 409 if self.conflict else 400 if self.form.errors else 200


def edit_part(request, patient, part: str) -> PartEdit:
    """The form for one part of ``patient``'s plan; a valid POST is saved with the signed-in person as its author.

    A save based on an older version that clashes is refused: the form comes back with what was typed, now based
    on the current version, and ``conflict`` holds the current text and who changed it.
    """
    plan = services.plan_for(patient)
    form = PartForm(posted(request), part=part, initial={part: getattr(plan, part), "version": plan.version})
    if request.method != "POST" or not form.is_valid():
        return PartEdit(form)
    try:
        saved = services.update_plan(patient, request.user, {part: form.text}, form.cleaned_data["version"])
    except services.StaleVersion as stale:
        conflict = {"stamp": conflict_stamp(stale.plan, part, form.cleaned_data["version"], request.user),
                    "current": getattr(stale.plan, part)}
        return PartEdit(PartForm(with_version(request.POST, stale.plan.version), part=part), conflict)
    return PartEdit(form, saved=True, changed=saved.version != plan.version)
