"""T, N and M written the way a pathology report prints them: "pT3", "pN1 (3/14)", "M1a".

No Django: the report form and the staff calculators share it, and it is tested on its own. It only reads the
writing. Whether a category exists for a site (N2 for the pancreas, say) is the staging engine's question, so
"N2" is read here and refused there, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Axis = Literal["T", "N", "M"]

EXAMPLES: dict[str, str] = {"T": "pT3 or T1b", "N": "pN1 or pN1 (3/14)", "M": "M0 or M1a"}

# y: after treatment, p: from removed tissue, c: from scans and examination. pT and cT categories are the T
# categories (UICC TNM 8th ed., as quoted in the IQTIG 2019 specification), so the prefix is dropped.
_CATEGORY = re.compile(r"(?:y?[pc]|y)?(?P<axis>[TNM])(?P<category>X|[0-4][abc]?)", re.IGNORECASE)
# Several tumours are written pT3(m) or pT3(4), with the highest T of them (the CAP checklist,
# cap-stomach-net-checklist), so the category stands.
_MULTIPLE = re.compile(r"\(\s*(?:m|\d+)\s*\)", re.IGNORECASE)
# Lymph nodes with cancer of those examined: "(3/14)", "3/14" or "(3 of 14)".
_NODES = re.compile(r"\(?\s*(?P<positive>\d+)\s*(?:/|of)\s*(?P<examined>\d+)\s*\)?", re.IGNORECASE)


class Unreadable(ValueError):
    """The text is not a T, N or M category we can read. The message says what to write instead."""


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
        raise Unreadable(f"We could not read “{written}”. Write it as the report does, for example "
                         f"{EXAMPLES[axis]}.")
    found = match["axis"].upper()
    if found != axis:
        raise Unreadable(f"“{written}” looks like the {found} part. Put it in the {found} box, and here only the "
                         f"{axis} part, for example {EXAMPLES[axis]}.")
    category = match["category"]
    value = axis + category[0].upper() + category[1:].lower()
    rest = written[match.end():].strip()
    if not rest:
        return Category(value)
    if axis == "T" and _MULTIPLE.fullmatch(rest):
        return Category(value)
    nodes = _NODES.fullmatch(rest) if axis == "N" else None
    if nodes is None:
        raise Unreadable(f"We could not read “{rest}” after {value}. Write it as the report does, for example "
                         f"{EXAMPLES[axis]}.")
    return Category(value, int(nodes["positive"]), int(nodes["examined"]))
