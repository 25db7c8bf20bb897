"""Readability of guide pages: English as a school grade (Flesch-Kincaid), other languages as LIX.

LIX (läsbarhetsindex, Björnsson 1968) is the measure Swedish plain-language work uses: words per sentence plus
the percentage of words longer than six letters. Both are measured on the same text, `plain_text(page)`.
Run `python -m netcompanion.guide.readability` to print every English page's grade, and
`python -m netcompanion.guide.readability sv` for every Swedish page's LIX.
"""

from __future__ import annotations

import re
import sys

import textstat

from netcompanion.guide.pages import DEFAULT_LANGUAGE, Page, load_pages, plain_text

MAX_GRADE = 9.0
MAX_LIX = 40.0
EXEMPT = frozenset({"glossary"})

_WORD = re.compile(r"[^\W\d_]+")
# A sentence ends at a full stop, question or exclamation mark, or colon followed by a space or the end of the
# text, as LIX counts it; "2.5" and "5-HIAA" are not sentence ends.
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def grade(page: Page) -> float:
    return float(textstat.flesch_kincaid_grade(plain_text(page)))


def lix(text: str) -> float:
    """Words per sentence + 100 * words of more than six letters / words; 0 for a text without words."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text)))
    long_words = sum(len(word) > 6 for word in words)
    return len(words) / sentences + 100 * long_words / len(words)


def page_lix(page: Page) -> float:
    return lix(plain_text(page))


def main(lang: str = DEFAULT_LANGUAGE) -> int:
    over = 0
    for slug, page in sorted(load_pages(lang).items()):
        if lang == DEFAULT_LANGUAGE:
            score, limit, name, exempt = grade(page), MAX_GRADE, "grade", slug in EXEMPT
        else:
            score, limit, name, exempt = page_lix(page), MAX_LIX, "LIX", False
        flag = "" if score <= limit or exempt else "  <- over the limit"
        over += bool(flag)
        print(f"{name} {score:5.1f}  {slug}{flag}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))
