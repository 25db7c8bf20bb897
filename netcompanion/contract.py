"""The input contract every clinical engine shares: strict models, and refusals that name each field.

One module at the top of the package, not inside an engine, because every engine (triage, grading,
staging, follow-up, explainer, alert rules, diary checks) builds its input on it and none should
depend on another to do so. Plain Python and pydantic, no Django: the engines run without it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError

from netcompanion.translatable import Wording

Contract = TypeVar("Contract", bound=BaseModel)


class Strict(BaseModel):
    """Unknown fields and loose types are refused: the base of every engine's input contract."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


@dataclass(frozen=True)
class FieldError:
    """``message`` in English; ``wording``, when the message carries values, so a page can say it in its language."""

    field: str
    message: str
    # Keyword-only, since subclasses (diary.checks.Problem) add positional fields of their own.
    wording: Wording | None = dataclasses.field(default=None, kw_only=True)


class InvalidCase(ValueError):
    """The input breaks the contract; `errors` name each field and say what is wrong."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


@dataclass(frozen=True)
class Tagged:
    """A list of a discriminated union, e.g. the navigator's symptoms: pydantic puts each item's tag in an
    error's path ("symptoms[0].flushing.severity"), which the person never wrote, so it is dropped."""

    field: str
    noun: str  # what an unknown tag is called in the refusal: "unknown symptom code"
    tags: tuple[str, ...]


def answer_kind(info: Any) -> Any:
    """The type an answer takes, without the "or None" that makes it optional."""
    kind = info.annotation
    if get_origin(kind) in (Union, UnionType):
        answers = tuple(a for a in get_args(kind) if a is not type(None))
        kind = answers[0] if len(answers) == 1 else Union[answers]  # noqa: UP007 - YesNo stays whole
    return kind


def answer_bounds(kind: Any) -> tuple[float | None, float | None]:
    """The lowest and highest number an answer may take, from its Field(ge=..., le=...)."""
    lo = hi = None
    for meta in getattr(kind, "__metadata__", ()):
        for m in getattr(meta, "metadata", [meta]):
            lo = getattr(m, "ge", getattr(m, "gt", lo))
            hi = getattr(m, "le", hi)
    return lo, hi


def _path(loc: tuple[Any, ...], tagged: Tagged | None) -> str:
    parts = list(loc)
    if (tagged and len(parts) >= 3 and parts[0] == tagged.field and isinstance(parts[1], int)
            and parts[2] in tagged.tags):
        del parts[2]
    if not parts:
        return "case"
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _union_member(part: Any) -> bool:
    """Pydantic names the branch of a yes/no/"not_sure" answer it tried; the person named only the answer."""
    return part == "bool" or (isinstance(part, str) and part.startswith("literal["))


def field_message(error: Any, tagged: Tagged | None = None) -> tuple[str, str]:
    """One pydantic error as (the path the person wrote, what is wrong in plain words)."""
    loc = error["loc"]
    if loc and _union_member(loc[-1]):
        return _path(loc[:-1], tagged), 'answer true, false or "not_sure"'
    path = _path(loc, tagged)
    kind = error["type"]
    if tagged and kind in {"union_tag_invalid", "union_tag_not_found"}:
        return f"{path}.code", f"unknown {tagged.noun}; use one of: {', '.join(tagged.tags)}"
    if kind == "extra_forbidden":
        return path, "unknown field"
    if kind == "missing":
        return path, "this answer is required"
    return path, error["msg"].removeprefix("Value error, ")


def field_errors(error: ValidationError, tagged: Tagged | None = None) -> list[FieldError]:
    """One FieldError per field, in order: a union answer's branches make one message, not two."""
    return [FieldError(*m) for m in dict.fromkeys(field_message(err, tagged) for err in error.errors())]


def validated(model: type[Contract], data: Any, refusal: type[InvalidCase], field: str = "input",
              message: str = "send a JSON object") -> Contract:
    """``model`` from decoded JSON that must be an object, or ``refusal`` naming every bad field."""
    if not isinstance(data, dict):
        raise refusal([FieldError(field, message)])
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise refusal(field_errors(e)) from None
