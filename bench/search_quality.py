"""Search quality per language and per question set, in aggregate figures only.

Sets: "tuned" (guide/tests/search_questions.tsv, English only), "dev" (guide/tests/search_dev_<lang>.tsv,
written before the search was changed and used to tune it), "calibration" (guide/calibration/<lang>.tsv,
written by a reviewer who never saw the search, used only to choose the no-answer threshold, never to add
lay words), "calibration 3" (guide/calibration3/<lang>.tsv: written blind as the third kept-aside set and
measured once as such, then made a calibration set the same way), "kept-aside" (guide/heldout/<lang>.tsv,
written by someone who never saw the search), "kept-aside 2" (guide/heldout2/<lang>.tsv, written the same
way later, when the first had been measured often enough to have steered the search), "kept-aside 4"
(guide/heldout4/<lang>.tsv, written blind while the threshold rule was being changed, and first measured once
that change was done), "kept-aside 5" (guide/heldout5/<lang>.tsv, written blind after that; measured before and
after a change to the gate that it then showed to cost right pages, so the change was not made) and
"kept-aside 6" (guide/heldout6/<lang>.tsv, written blind while the search was changed next, measured before and
after its first part, which held its figures) and "kept-aside 7" (guide/heldout7/<lang>.tsv, written blind while
the off-topic phrases were being written, and measured once before and once after all of that change).
The kept-aside files are read here and nowhere else, and this script never prints a question from any set:
only counts and shares, so that the kept-aside sets stay unseen by whoever tunes the search.

Each row is "question<TAB>slug,slug" or "question<TAB>-" for a question the guide has no good answer to.
For answerable questions: top-1 and top-3 (an expected page first, or among the first three), how many got
"no good answer", and the top-3 the ranking alone would give without that gate. For the "-" questions: the
share answered wrongly, that is, with pages listed instead of "no good answer".

    python bench/search_quality.py            # every set
    python bench/search_quality.py --tuning   # while tuning: the kept-aside sets are left out
    python bench/search_quality.py --curve    # the threshold curve over tuned, dev and calibration sets

The curve takes every set but the kept-aside ones per language and gives, for each threshold, the top-3
of the answerable questions after the gate and the share of unanswerable ones answered wrongly, pooled and
per set; ANSWER_THRESHOLD is the lowest-wrong threshold that keeps top-3, less one standard error, at least
TARGET_TOP3 in every set of each language (see `pick`).
"""

import math
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import ROOT  # noqa: E402
from netcompanion.guide.pages import load_guide, load_pages  # noqa: E402
from netcompanion.guide.search import ANSWER_THRESHOLD, GuideIndex  # noqa: E402

GUIDE = ROOT / "netcompanion/guide"
LANGUAGES = ("en", "sv")
NO_ANSWER = "-"
KEPT_ASIDE = {"kept-aside": "heldout", "kept-aside 2": "heldout2", "kept-aside 4": "heldout4",
              "kept-aside 5": "heldout5", "kept-aside 6": "heldout6", "kept-aside 7": "heldout7"}
TARGET_TOP3 = 0.9
CURVE = [round(0.1 + 0.02 * i, 2) for i in range(16)]


def question_sets(lang: str) -> list[tuple[str, Path]]:
    sets = [("tuned", GUIDE / "tests/search_questions.tsv")] if lang == "en" else []
    return sets + [("dev", GUIDE / f"tests/search_dev_{lang}.tsv"),
                   ("calibration", GUIDE / f"calibration/{lang}.tsv"),
                   ("calibration 3", GUIDE / f"calibration3/{lang}.tsv"),
                   *((name, GUIDE / f"{folder}/{lang}.tsv") for name, folder in KEPT_ASIDE.items())]


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


@dataclass
class Gated:
    """One question as the gate sees it: whether the ranking (or, for a danger sign, the answer) has an
    expected page in its top three, the answer's confidence, and whether it is urgent (always answered)."""

    answerable: bool
    in_top3: bool
    confidence: float
    urgent: bool

    def answered(self, threshold: float) -> bool:
        return self.urgent or self.confidence >= threshold


def gated(index: GuideIndex, rows: Rows) -> list[Gated]:
    out = []
    for question, expected in [*rows.answerable, *((q, set()) for q in rows.unanswerable)]:
        reply = index.answer(question, limit=3)
        slugs = [hit.slug for hit in (reply.hits if reply.urgent else index.search(question, 3))]
        out.append(Gated(bool(expected), bool(set(slugs) & expected), reply.confidence, reply.urgent))
    return out


def at(threshold: float, questions: list[Gated]) -> tuple[float, float]:
    """Top-3 of the answerable questions and the share of unanswerable ones answered, at a threshold."""
    answerable = [g for g in questions if g.answerable]
    unanswerable = [g for g in questions if not g.answerable]
    top3 = sum(g.in_top3 and g.answered(threshold) for g in answerable) / len(answerable) if answerable else 0.0
    wrong = sum(g.answered(threshold) for g in unanswerable) / len(unanswerable) if unanswerable else 0.0
    return top3, wrong


def choosing_sets() -> dict[str, dict[str, list[Gated]]]:
    """Per language and per set, every set but the kept-aside ones: its questions as the gate sees them."""
    out = {}
    for lang in LANGUAGES:
        index = build_index(lang)
        out[lang] = {name: gated(index, read_rows(path)) for name, path in question_sets(lang)
                     if name not in KEPT_ASIDE and path.exists()}
    return out


def top3_less_one_error(threshold: float, questions: list[Gated]) -> float:
    """Top-3 after the gate less one standard error of that share: what a new set of as many questions
    could as likely reach (a set of 126 at 92 % is within 2.4 points of its true share about two times in
    three)."""
    top3 = at(threshold, questions)[0]
    answerable = sum(g.answerable for g in questions)
    return top3 - math.sqrt(top3 * (1 - top3) / answerable) if answerable else 0.0


def pick(sets: dict[str, dict[str, list[Gated]]]) -> float | None:
    """The threshold on the curve that answers the fewest unanswerable questions (pooled per language, summed
    over the languages) while keeping top-3, less one standard error, at least TARGET_TOP3 in every set of
    every language; None if no threshold does.

    Asymmetric on purpose: top-3 is a floor the threshold may not cross, while the unanswerable questions
    answered are only made as few as that floor allows. A right page the gate hides tells the person the guide
    has no answer when it has one; pages listed for a question the guide does not cover are pages the person
    can see do not answer it, each with its notice to ask the care team. So no number of unanswerable questions
    turned away buys one point of top-3 below the floor.

    Every set, not the sets pooled: pooled, the questions the search was tuned on (98 % to 100 % in the top
    three) carried a threshold that left the calibration set below 90 %. Every set also lets the set least worn
    by tuning decide, with no rule about which sets are worn: the search's words were tuned on the tuned and
    development sets, and the calibration set's figures were seen while words were added, so on them the gate
    costs 1 to 3 points; "calibration 3" was written blind and measured once as a kept-aside set, where the gate
    at 0.20 cost 7 to 14 points, and it is used only to choose the threshold, never to add words, so the gate's
    cost on it stays what new questions would see. Less one standard error: a threshold chosen where the
    choosing sets just reach 90 % is, on new questions, as likely below it as above (the first kept-aside set
    came out 5 to 7 points under the calibration set with the threshold chosen that way).
    """
    fits = [
        (sum(at(t, pooled(per_set))[1] for per_set in sets.values()), t)
        for t in CURVE
        if all(top3_less_one_error(t, questions) >= TARGET_TOP3
               for per_set in sets.values() for questions in per_set.values() if any(g.answerable for g in questions))
    ]
    return min(fits)[1] if fits else None


def pooled(per_set: dict[str, list[Gated]]) -> list[Gated]:
    return [g for questions in per_set.values() for g in questions]


def curve() -> None:
    """Per language, top-3 and wrongly answered at each threshold, pooled and per set (top-3 less one standard
    error in brackets); then the threshold the rule picks."""
    sets = choosing_sets()
    for lang, per_set in sets.items():
        questions = pooled(per_set)
        answerable = sum(g.answerable for g in questions)
        print(f"[{lang}] {' + '.join(per_set)}: {answerable} answerable, {len(questions) - answerable} not")
        for threshold in CURVE:
            top3, wrong = at(threshold, questions)
            mark = "*" if threshold == ANSWER_THRESHOLD else " "
            line = f"  {threshold:.2f}{mark} top-3 {top3:4.0%}  wrong {wrong:4.0%}   "
            for name, one_set in per_set.items():
                top3, wrong = at(threshold, one_set)
                line += f" | {name} {top3:4.0%} ({top3_less_one_error(threshold, one_set):4.0%})"
                if any(not g.answerable for g in one_set):
                    line += f" wrong {wrong:4.0%}"
            print(line)
    print(f"lowest-wrong threshold with top-3, less one standard error, >= {TARGET_TOP3:.0%} in each set: "
          f"{pick(sets) or 'none'} (now {ANSWER_THRESHOLD}, marked *)")


def main() -> None:
    """`--tuning` leaves the kept-aside sets out: what to run while changing the search."""
    if "--curve" in sys.argv[1:]:
        curve()
        return
    tuning = "--tuning" in sys.argv[1:]
    known_slugs = set(load_guide())
    for lang in LANGUAGES:
        index = build_index(lang)
        print(f"[{lang}] {len(index.pages)} pages in the index")
        for name, path in question_sets(lang):
            if tuning and name in KEPT_ASIDE:
                continue
            if not path.exists():
                print(f"  {name:<13} (no file)")
                continue
            print(f"  {name:<13} {measure(index, read_rows(path), known_slugs)}")


if __name__ == "__main__":
    main()
