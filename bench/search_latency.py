"""Search latency and quality over the whole guide, in each language.

Prints p50/p95/p99 latency of GuideIndex.answer for every question in the
English tuned set and the Swedish development set (run REPEAT times), next to a
baseline measured in the same process: a naive scan that counts query words in
every passage. Then prints how often the expected page ranks first and in the
top three (bench/search_quality.py has the full figures, the kept-aside sets
among them).

    python bench/search_latency.py
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import ROOT, percentile, target_line, timed  # noqa: E402
from netcompanion.guide.pages import load_pages  # noqa: E402
from netcompanion.guide.search import GuideIndex  # noqa: E402

QUESTIONS = {"en": ROOT / "netcompanion/guide/tests/search_questions.tsv",
             "sv": ROOT / "netcompanion/guide/tests/search_dev_sv.tsv"}
REPEAT = 20
TARGET_P95_MS = 10.0


def load_questions(path):
    """The answerable questions of a set, with the pages that answer them."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            question, expected = line.split("\t")
            if expected != "-":
                rows.append((question, set(expected.split(","))))
    return rows


def measure(lang):
    pages = list(load_pages(lang).values())
    start = time.perf_counter()
    index = GuideIndex(pages, lang)
    build_ms = (time.perf_counter() - start) * 1000
    passages = [p.text.lower() for page in pages for p in page.passages]
    questions = load_questions(QUESTIONS[lang])
    queries = [q for q, _ in questions]

    def naive(q):
        words = q.lower().split()
        return max(range(len(passages)), key=lambda i: sum(passages[i].count(w) for w in words))

    ours = timed(index.answer, queries, REPEAT)
    base = timed(naive, queries, REPEAT)
    print(f"[{lang}] guide: {len(pages)} pages, {len(passages)} passages; index built in {build_ms:.1f} ms")
    print(f"{len(ours)} searches ({len(queries)} questions x {REPEAT})")
    for name, s in (("search", ours), ("naive scan baseline", base)):
        print(f"  {name:<20} p50 {percentile(s, 50):6.3f} ms   p95 {percentile(s, 95):6.3f} ms   "
              f"p99 {percentile(s, 99):6.3f} ms   mean {statistics.fmean(s):6.3f} ms")
    print(f"  ratio search/baseline at p95: {percentile(ours, 95) / percentile(base, 95):.2f}")
    slugs = {q: [h.slug for h in index.answer(q, 3).hits] for q in queries}
    top1 = sum(bool(slugs[q]) and slugs[q][0] in exp for q, exp in questions)
    top3 = sum(bool(set(slugs[q]) & exp) for q, exp in questions)
    print(f"quality: top-1 {top1}/{len(questions)} ({top1 / len(questions):.0%}), "
          f"top-3 {top3}/{len(questions)} ({top3 / len(questions):.0%})")
    return ours


def main():
    samples = [sample for lang in QUESTIONS for sample in measure(lang)]
    print(target_line(samples, 95, TARGET_P95_MS))


if __name__ == "__main__":
    main()
