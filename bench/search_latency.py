"""Search latency and quality over the whole guide.

Prints p50/p95/p99 latency of GuideIndex.search for every question in the
evaluation set (run REPEAT times), next to a baseline measured in the same
process: a naive scan that counts query words in every passage. Then prints
how often the expected page ranks first and in the top three.

    python bench/search_latency.py
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import ROOT, percentile, target_line, timed  # noqa: E402
from netcompanion.guide.pages import load_guide  # noqa: E402
from netcompanion.guide.search import GuideIndex  # noqa: E402

QUESTIONS = ROOT / "netcompanion/guide/tests/search_questions.tsv"
REPEAT = 20
TARGET_P95_MS = 10.0


def load_questions():
    rows = []
    for line in QUESTIONS.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            question, expected = line.split("\t")
            rows.append((question, set(expected.split(","))))
    return rows


def main():
    pages = list(load_guide().values())
    start = time.perf_counter()
    index = GuideIndex(pages)
    build_ms = (time.perf_counter() - start) * 1000
    passages = [p.text.lower() for page in pages for p in page.passages]
    questions = load_questions()
    queries = [q for q, _ in questions]

    def naive(q):
        words = q.lower().split()
        return max(range(len(passages)), key=lambda i: sum(passages[i].count(w) for w in words))

    ours = timed(index.search, queries, REPEAT)
    base = timed(naive, queries, REPEAT)
    print(f"guide: {len(pages)} pages, {len(passages)} passages; index built in {build_ms:.1f} ms")
    print(f"{len(ours)} searches ({len(queries)} questions x {REPEAT})")
    for name, s in (("search", ours), ("naive scan baseline", base)):
        print(f"  {name:<20} p50 {percentile(s, 50):6.3f} ms   p95 {percentile(s, 95):6.3f} ms   "
              f"p99 {percentile(s, 99):6.3f} ms   mean {statistics.fmean(s):6.3f} ms")
    print(f"  ratio search/baseline at p95: {percentile(ours, 95) / percentile(base, 95):.2f}")
    top1 = sum(index.search(q, 1)[0].slug in exp for q, exp in questions if index.search(q, 1))
    top3 = sum(bool({h.slug for h in index.search(q, 3)} & exp) for q, exp in questions)
    print(f"quality: top-1 {top1}/{len(questions)} ({top1 / len(questions):.0%}), "
          f"top-3 {top3}/{len(questions)} ({top3 / len(questions):.0%})")
    print(target_line(ours, 95, TARGET_P95_MS))


if __name__ == "__main__":
    main()
