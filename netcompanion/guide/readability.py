"""Readability of guide pages, as a school grade (Flesch-Kincaid).

Run `python -m netcompanion.guide.readability` to print every page's grade.
"""

from __future__ import annotations

import sys

import textstat

from netcompanion.guide.pages import Page, load_guide, plain_text

MAX_GRADE = 9.0
EXEMPT = frozenset({"glossary"})


def grade(page: Page) -> float:
    return float(textstat.flesch_kincaid_grade(plain_text(page)))


def main() -> int:
    over = 0
    for slug, page in sorted(load_guide().items()):
        g = grade(page)
        flag = "" if g <= MAX_GRADE or slug in EXEMPT else "  <- over the limit"
        over += bool(flag)
        print(f"{g:5.1f}  {slug}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
