"""Search quality per language and per question set, in aggregate figures only.

Sets: "tuned" (guide/tests/search_questions.tsv, English only), "dev" (guide/tests/search_dev_<lang>.tsv,
written before the search was changed and used to tune it) and "kept-aside" (guide/heldout/<lang>.tsv,
written by someone who never saw the search). The kept-aside files are read here and nowhere else, and
this script never prints a question from any set: only counts and shares, so that the kept-aside set
stays unseen by whoever tunes the search.

Each row is "question<TAB>slug,slug" or "question<TAB>-" for a question the guide has no good answer to.
For answerable questions: top-1 and top-3 (an expected page first, or among the first three), how many got
"no good answer", and the top-3 the ranking alone would give without that gate. For the "-" questions: the
share answered wrongly, that is, with pages listed instead of "no good answer".

    python bench/search_quality.py            # every set
    python bench/search_quality.py --tuning   # while tuning: the kept-aside set is left out
"""

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import ROOT  # noqa: E402
from netcompanion.guide.pages import load_guide, load_pages  # noqa: E402
from netcompanion.guide.search import GuideIndex  # noqa: E402

GUIDE = ROOT / "netcompanion/guide"
LANGUAGES = ("en", "sv")
NO_ANSWER = "-"


def question_sets(lang: str) -> list[tuple[str, Path]]:
    sets = [("tuned", GUIDE / "tests/search_questions.tsv")] if lang == "en" else []
    return sets + [("dev", GUIDE / f"tests/search_dev_{lang}.tsv"), ("kept-aside", GUIDE / f"heldout/{lang}.tsv")]


@dataclass
class Rows:
    answerable: list[tuple[str, set[str]]]
    unanswerable: list[str]
    malformed: int


def read_rows(path: Path) -> Rows:
    rows = Rows([], [], 0)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            rows.malformed += 1
        elif fields[1].strip() == NO_ANSWER:
            rows.unanswerable.append(fields[0])
        else:
            rows.answerable.append((fields[0], {s.strip() for s in fields[1].split(",")}))
    return rows


def build_index(lang: str) -> GuideIndex:
    """The pages written in the language, as the site searches them."""
    return GuideIndex(load_pages(lang).values(), lang)


def answer(index: GuideIndex, question: str, limit: int) -> list[str]:
    """The slugs the search offers, best first; an empty list means 'no good answer'."""
    return [hit.slug for hit in index.answer(question, limit=limit).hits]


def pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "-"


def measure(index: GuideIndex, rows: Rows, known_slugs: set[str]) -> str:
    top1 = top3 = said_no_answer = ranked_top3 = 0
    for question, expected in rows.answerable:
        slugs = answer(index, question, 3)
        top1 += bool(slugs) and slugs[0] in expected
        top3 += bool(set(slugs) & expected)
        said_no_answer += not slugs
        ranked_top3 += bool({hit.slug for hit in index.search(question, 3)} & expected)
    wrongly_answered = sum(bool(answer(index, q, 3)) for q in rows.unanswerable)
    unknown = sum(not expected <= known_slugs for _, expected in rows.answerable)
    parts = [
        f"answerable {len(rows.answerable)}: top-1 {pct(top1, len(rows.answerable))}, "
        f"top-3 {pct(top3, len(rows.answerable))}, said 'no good answer' {said_no_answer} "
        f"(top-3 of the ranking without that gate: {pct(ranked_top3, len(rows.answerable))})",
        f"no-answer questions {len(rows.unanswerable)}: "
        f"answered wrongly {pct(wrongly_answered, len(rows.unanswerable))}",
    ]
    if rows.malformed or unknown:
        parts.append(f"(rows skipped as malformed: {rows.malformed}; rows naming an unknown page: {unknown})")
    return "\n      ".join(parts)


def main() -> None:
    """`--tuning` leaves the kept-aside set out: what to run while changing the search."""
    tuning = "--tuning" in sys.argv[1:]
    known_slugs = set(load_guide())
    for lang in LANGUAGES:
        index = build_index(lang)
        print(f"[{lang}] {len(index.pages)} pages in the index")
        for name, path in question_sets(lang):
            if tuning and name == "kept-aside":
                continue
            if not path.exists():
                print(f"  {name:<10} (no file)")
                continue
            print(f"  {name:<10} {measure(index, read_rows(path), known_slugs)}")


if __name__ == "__main__":
    main()
