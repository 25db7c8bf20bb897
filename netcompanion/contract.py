"""The input contract every clinical engine shares: strict models, and refusals that name each field.

One module at the top of the package, not inside an engine, because every engine (triage, grading,
staging, follow-up, explainer, alert rules, diary checks) builds its input on it and none should
depend on another to do so. Plain Python and pydantic, no Django: the engines run without it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, ValidationError

from netcompanion.translatable import Wording, gettext_noop

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


# Pydantic's messages by error type, in its own English with its values named, so that an API answer can say
# them in the language asked for (`FieldError.wording`). A type not here keeps pydantic's message, in English.
PYDANTIC_WORDINGS = {
    "missing": gettext_noop("Field required"),
    "extra_forbidden": gettext_noop("Extra inputs are not permitted"),
    "greater_than_equal": gettext_noop("Input should be greater than or equal to %(ge)s"),
    "less_than_equal": gettext_noop("Input should be less than or equal to %(le)s"),
    "greater_than": gettext_noop("Input should be greater than %(gt)s"),
    "less_than": gettext_noop("Input should be less than %(lt)s"),
    "int_type": gettext_noop("Input should be a valid integer"),
    "int_parsing": gettext_noop("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": gettext_noop("Input should be a valid integer, got a number with a fractional part"),
    "float_type": gettext_noop("Input should be a valid number"),
    "float_parsing": gettext_noop("Input should be a valid number, unable to parse string as a number"),
    "finite_number": gettext_noop("Input should be a finite number"),
    "bool_type": gettext_noop("Input should be a valid boolean"),
    "bool_parsing": gettext_noop("Input should be a valid boolean, unable to interpret input"),
    "string_type": gettext_noop("Input should be a valid string"),
    "string_too_short": gettext_noop("String should have at least %(min_length)s characters"),
    "string_too_long": gettext_noop("String should have at most %(max_length)s characters"),
    "too_short": gettext_noop("Should have at least %(min_length)s items"),
    "too_long": gettext_noop("Should have at most %(max_length)s items"),
    "date_type": gettext_noop("Input should be a valid date"),
    "date_parsing": gettext_noop("Input should be a valid date in the format YYYY-MM-DD"),
    "date_from_datetime_parsing": gettext_noop("Input should be a valid date in the format YYYY-MM-DD"),
    "list_type": gettext_noop("Input should be a valid list"),
    "dict_type": gettext_noop("Input should be a valid dictionary"),
    "model_type": gettext_noop("Input should be a valid dictionary"),
}
ONE_OF = gettext_noop("Input should be %(values)s")
EITHER = gettext_noop("%(some)s or %(last)s")
YES_NO_NOT_SURE = gettext_noop('answer true, false or "not_sure"')
UNKNOWN_TAG = gettext_noop("unknown %(noun)s; use one of: %(tags)s")
UNKNOWN_FIELD = gettext_noop("unknown field")
REQUIRED = gettext_noop("this answer is required")


def _choices(expected: str) -> Wording:
    """Pydantic's "'a', 'b' or 'c'" with its "or" said in the reader's language."""
    values = re.findall(r"'[^']*'", expected)
    if len(values) < 2:
        return Wording(text="%(values)s", params={"values": expected})
    return Wording(text=EITHER, params={"some": ", ".join(values[:-1]), "last": values[-1]})


def _number(value: float | str) -> str:
    """A bound as pydantic's own message writes it: 0, not 0.0."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def error_wording(error: Any) -> Wording | None:
    """A pydantic error's message as a Wording, for an answer in the language asked for; None when only pydantic's
    English is known."""
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in {"literal_error", "enum"} and "expected" in ctx:
        return Wording(text=ONE_OF, params={"values": _choices(str(ctx["expected"]))})
    if kind in PYDANTIC_WORDINGS:
        return Wording(text=PYDANTIC_WORDINGS[kind], params={name: _number(value) for name, value in ctx.items()
                                                              if isinstance(value, int | float | str)})
    return None


def field_wording(error: Any, tagged: Tagged | None = None) -> tuple[str, str, Wording | None]:
    """One pydantic error as (the path the person wrote, what is wrong in plain words, the same as a Wording an
    API answer can say in the language asked for; None when only English is known)."""
    loc = error["loc"]
    if loc and _union_member(loc[-1]):
        return _path(loc[:-1], tagged), YES_NO_NOT_SURE, Wording(text=YES_NO_NOT_SURE)
    path = _path(loc, tagged)
    kind = error["type"]
    if tagged and kind in {"union_tag_invalid", "union_tag_not_found"}:
        tags = ", ".join(tagged.tags)
        return (f"{path}.code", UNKNOWN_TAG % {"noun": tagged.noun, "tags": tags},
                Wording(text=UNKNOWN_TAG, params={"noun": Wording(text=tagged.noun), "tags": tags}))
    if kind == "extra_forbidden":
        return path, UNKNOWN_FIELD, Wording(text=UNKNOWN_FIELD)
    if kind == "missing":
        return path, REQUIRED, Wording(text=REQUIRED)
    return path, error["msg"].removeprefix("Value error, "), error_wording(error)


def field_message(error: Any, tagged: Tagged | None = None) -> tuple[str, str]:
    """One pydantic error as (the path the person wrote, what is wrong in plain words)."""
    return field_wording(error, tagged)[:2]


def field_errors(error: ValidationError, tagged: Tagged | None = None) -> list[FieldError]:
    """One FieldError per field, in order: a union answer's branches make one message, not two."""
    seen: dict[tuple[str, str], Wording | None] = {}
    for err in error.errors():
        path, message, wording = field_wording(err, tagged)
        seen.setdefault((path, message), wording)
    return [FieldError(path, message, wording=wording) for (path, message), wording in seen.items()]


def validated(model: type[Contract], data: Any, refusal: type[InvalidCase], field: str = "input",
              message: str = gettext_noop("send a JSON object")) -> Contract:
    """``model`` from decoded JSON that must be an object, or ``refusal`` naming every bad field; ``message`` is
    marked for translation by the caller."""
    if not isinstance(data, dict):
        raise refusal([FieldError(field, message, wording=Wording(text=message))])
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise refusal(field_errors(e)) from None
