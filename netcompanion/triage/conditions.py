"""The tests a rule row may use, and what each means for an answer left out or "not sure".

A row's condition is a tuple of tests that must all hold; alternatives are rows of their own.
A test names an answer of the symptom ("stools_per_day"), of the person ("person.age"), or of
the case ("symptoms": the codes reported, "symptom_count"). The wording of each test says how
it treats the two non-answers, so a reviewer can read a row without reading any code:

- "not_sure" (asked, and the person cannot say) counts as the answer that could be dangerous:
  YES_OR_UNSURE, NO_OR_UNSURE and IS include it.
- A left-out answer (not asked, or skipped) clears nobody: NOT_CLEARLY_YES, NOT_CLEARLY_NO,
  IS_NOT, AT_LEAST_OR_MISSING and MISSING include it where a row needs the answer to clear a
  person; the other tests need an answer to fire.

The care-team alert rules (netcompanion.alertrules) use the same tests, so both rule tables read
alike; they may also compare an answer with another one (Answer: "stools is at least baseline + 3").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from netcompanion.triage.case import NOT_SURE


class Op(str, Enum):
    YES_OR_UNSURE = "is yes or not sure"
    NO_OR_UNSURE = "is no or not sure"
    CLEARLY_YES = "is a clear yes"
    CLEARLY_NO = "is a clear no"
    NOT_CLEARLY_YES = "is not a clear yes (no, not sure or left out)"
    NOT_CLEARLY_NO = "is not a clear no (yes, not sure or left out)"
    IS = "is {value} or not sure"
    IS_NOT = "is not {value} (not sure and left out included)"
    AT_LEAST = "is at least {value}"
    AT_LEAST_OR_MISSING = "is at least {value}, or left out"
    ABOVE = "is above {value}"
    BELOW = "is below {value}"
    ONE_OF = "is one of {value}"
    ANY_OF = "includes one of {value}"
    EMPTY = "is empty"
    MISSING = "was left out"


def _holds(op: Op, answer: Any, value: Any) -> bool:
    if op is Op.YES_OR_UNSURE:
        return answer is True or answer == NOT_SURE
    if op is Op.NO_OR_UNSURE:
        return answer is False or answer == NOT_SURE
    if op is Op.CLEARLY_YES:
        return answer is True
    if op is Op.CLEARLY_NO:
        return answer is False
    if op is Op.NOT_CLEARLY_YES:
        return answer is not True
    if op is Op.NOT_CLEARLY_NO:
        return answer is not False
    if op is Op.IS:
        return answer == value or answer == NOT_SURE
    if op is Op.IS_NOT:
        return answer != value
    if op is Op.AT_LEAST:
        return answer is not None and answer >= value
    if op is Op.AT_LEAST_OR_MISSING:
        return answer is None or answer >= value
    if op is Op.ABOVE:
        return answer is not None and answer > value
    if op is Op.BELOW:
        return answer is not None and answer < value
    if op is Op.ONE_OF:
        return answer in value
    if op is Op.ANY_OF:
        return bool(set(answer or ()) & value)
    if op is Op.EMPTY:
        return answer is not None and len(answer) == 0
    return answer is None  # Op.MISSING


@dataclass(frozen=True)
class Answer:
    """Another answer as a test's threshold, plus an offset: "stools is at least baseline + 3".
    A test against an answer that was left out does not hold: there is nothing to compare with."""

    field: str
    plus: float = 0

    def __str__(self) -> str:
        return f"{self.field} + {self.plus:g}" if self.plus else self.field


@dataclass(frozen=True)
class Test:
    field: str
    op: Op
    value: Any = None

    def holds(self, answers: Mapping[str, Any]) -> bool:
        value = self.value
        if isinstance(value, Answer):
            other = answers.get(value.field)
            if other is None:
                return False
            value = other + value.plus
        return _holds(self.op, answers.get(self.field), value)

    def __str__(self) -> str:
        value = ", ".join(sorted(self.value)) if isinstance(self.value, frozenset) else self.value
        return f"{self.field} {self.op.value.format(value=value)}"


def case_answers(person: Any, symptoms: list[Any]) -> dict[str, Any]:
    """The answers about the whole case a test can name: the person's as "person.*", and the symptoms reported."""
    about = {f"person.{name}": getattr(person, name) for name in (*type(person).model_fields, "months")}
    codes = [s.code for s in symptoms]
    return {**about, "symptoms": codes, "symptom_count": len(codes)}


def symptom_answers(symptom: Any, case: dict[str, Any]) -> dict[str, Any]:
    """One symptom's own answers, with the case's."""
    return {**case, **dict(symptom)}
