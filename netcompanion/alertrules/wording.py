"""An alert's reason as values and words, so that it can be read in any language (no Django).

A rule's reason is a template ("{stools} bowel movements in the day.") marked with gettext_noop. When a rule fires,
``params`` keeps each value it names as JSON: a number stays a number, a date becomes its ISO text, and a word or
sentence of our own becomes {"text": ...} (translated when shown), a sentence with values of its own
{"message": ..., "params": ...}, and the symptom navigator's reasons {"reasons": [[text, rule id], ...]}. The
engine fills the template in English for ``Firing.reason``; a page fills the translated template with the same
values through ``render``, with its language's gettext and decimal sign.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Text:
    """Our own words, translated when shown."""

    text: str


@dataclass(frozen=True)
class Message:
    """A whole sentence with values of its own, translated when shown."""

    text: str
    params: Mapping[str, Any]


@dataclass(frozen=True)
class NavigatorReasons:
    """The symptom navigator's reasons, each translated and followed by its rule id."""

    reasons: tuple[tuple[str, str], ...]


def as_param(value: Any) -> Any:
    """A value a reason names, as JSON that keeps what a translation needs."""
    if isinstance(value, Enum):
        return {"text": value.value}
    if isinstance(value, Text):
        return {"text": value.text}
    if isinstance(value, Message):
        return {"message": value.text, "params": {k: as_param(v) for k, v in value.params.items()}}
    if isinstance(value, NavigatorReasons):
        return {"reasons": [list(pair) for pair in value.reasons]}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Number:
    """A number that keeps its template's format ("{baseline:.1f}") and writes the language's decimal sign."""

    def __init__(self, value: float, decimal: str) -> None:
        self.value, self.decimal = value, decimal

    def __format__(self, spec: str) -> str:
        return format(self.value, spec).replace(".", self.decimal)


def _shown(value: Any, translate: Translate, decimal: str) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return _Number(value, decimal)
    if isinstance(value, dict):
        if "text" in value:
            return translate(value["text"]) if value["text"] else ""
        if "message" in value:
            return render(value["message"], value["params"], translate, decimal)
        if "reasons" in value:
            return " ".join(f"{translate(text)} ({rule})" for text, rule in value["reasons"])
    return value


def render(text: str, params: Mapping[str, Any], translate: Translate = _same, decimal: str = ".") -> str:
    """The reason in the language ``translate`` gives (English by default), its numbers with ``decimal``."""
    if not text:  # gettext("") would give the catalogue's header
        return ""
    return translate(text).format_map({k: _shown(v, translate, decimal) for k, v in params.items()}).strip()
