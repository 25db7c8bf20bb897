"""T, N and M written the way a pathology report prints them: "pT3", "pN1 (3/14)", "M1a".

No Django: the report form and the staff calculators share it, and it is tested on its own. It only reads the
writing. Whether a category exists for a site (N2 for the pancreas, say) is the staging engine's question, so
"N2" is read here and refused there, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from netcompanion.translatable import gettext_noop

Axis = Literal["T", "N", "M"]

EXAMPLES: dict[str, str] = {"T": gettext_noop("pT3 or T1b"), "N": gettext_noop("pN1 or pN1 (3/14)"),
                            "M": gettext_noop("M0 or M1a")}

# y: after treatment, p: from removed tissue, c: from scans and examination. pT and cT categories are the T
# categories (UICC TNM 8th ed., as quoted in the IQTIG 2019 specification), so the prefix is dropped.
_CATEGORY = re.compile(r"(?:y?[pc]|y)?(?P<axis>[TNM])(?P<category>X|[0-4][abc]?)", re.IGNORECASE)
# Several tumours are written pT3(m) or pT3(4), with the highest T of them (the CAP checklist,
# cap-stomach-net-checklist), so the category stands.
_MULTIPLE = re.compile(r"\(\s*(?:m|\d+)\s*\)", re.IGNORECASE)
# Lymph nodes with cancer of those examined: "(3/14)", "3/14" or "(3 of 14)".
_NODES = re.compile(r"\(?\s*(?P<positive>\d+)\s*(?:/|of)\s*(?P<examined>\d+)\s*\)?", re.IGNORECASE)


class Unreadable(ValueError):
    """The text is not a T, N or M category we can read. The message says what to write instead: ``text`` is its
    sentence marked for translation, filled with what was typed and an example (ours, so translated too)."""

    def __init__(self, text: str, example: str, **typed: str) -> None:
        self.text, self.example, self.typed = text, example, typed
        super().__init__(self.in_language(lambda words: words))

    def in_language(self, gettext: Callable[[str], str]) -> str:
        return gettext(self.text).format(example=gettext(self.example), **self.typed)


@dataclass(frozen=True)
class Category:
    value: str
    nodes_positive: int | None = None
    nodes_examined: int | None = None


def read_category(axis: Axis, text: str) -> Category:
    """"pN1 (3/14)" read as N gives Category("N1", 3, 14). Raises ``Unreadable`` with a plain message."""
    written = " ".join(text.split())
    match = _CATEGORY.match(written)
    if match is None:
        raise Unreadable(gettext_noop("We could not read “{written}”. Write it as the report does, for example "
                                      "{example}."), EXAMPLES[axis], written=written)
    found = match["axis"].upper()
    if found != axis:
        raise Unreadable(gettext_noop("“{written}” looks like the {found} part. Put it in the {found} box, and here "
                                      "only the {axis} part, for example {example}."), EXAMPLES[axis],
                         written=written, found=found, axis=axis)
    category = match["category"]
    value = axis + category[0].upper() + category[1:].lower()
    rest = written[match.end():].strip()
    if not rest:
        return Category(value)
    if axis == "T" and _MULTIPLE.fullmatch(rest):
        return Category(value)
    nodes = _NODES.fullmatch(rest) if axis == "N" else None
    if nodes is None:
        raise Unreadable(gettext_noop("We could not read “{rest}” after {value}. Write it as the report does, for "
                                      "example {example}."), EXAMPLES[axis], rest=rest, value=value)
    return Category(value, int(nodes["positive"]), int(nodes["examined"]))
