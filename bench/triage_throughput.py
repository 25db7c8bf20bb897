"""Navigator throughput: assessments per second and per-call latency.

Runs every graded vignette REPEAT times through assess() and, in the same
process, through the input validation alone (the baseline), so the ratio shows
what the rules themselves cost.

    python bench/triage_throughput.py
"""

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.timing import ROOT, percentile, target_line, timed  # noqa: E402
from netcompanion.triage import assess  # noqa: E402
from netcompanion.triage.case import parse_case  # noqa: E402

VIGNETTES = ROOT / "netcompanion/triage/tests/vignettes.yaml"
REPEAT = 200
TARGET_P99_MS = 1.0


def main():
    cases = [v["case"] for v in yaml.safe_load(VIGNETTES.read_text()) if "level" in v]
    assess(cases[0])
    full = timed(assess, cases, REPEAT)
    base = timed(parse_case, cases, REPEAT)
    print(f"{len(full)} assessments ({len(cases)} vignettes x {REPEAT})")
    for name, s in (("assess", full), ("validation only (baseline)", base)):
        print(f"  {name:<27} {1000 * len(s) / sum(s):9.0f}/s   p50 {percentile(s, 50):.3f} ms   "
              f"p99 {percentile(s, 99):.3f} ms")
    print(f"  ratio assess/validation at p99: {percentile(full, 99) / percentile(base, 99):.2f}")
    print(target_line(full, 99, TARGET_P99_MS))


if __name__ == "__main__":
    main()
