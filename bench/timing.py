"""Shared timing helpers for the benchmark scripts."""

import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the repository, where the data the benchmarks read lives


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn, inputs, repeat):
    """Milliseconds per call of fn over every input, `repeat` times."""
    samples = []
    for _ in range(repeat):
        for item in inputs:
            start = time.perf_counter()
            fn(item)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def target_line(samples, p, target_ms):
    """The closing line of a benchmark: is the p-th percentile of `samples` under `target_ms`?"""
    met = percentile(samples, p) < target_ms
    return f"target p{p} < {target_ms} ms: {'met' if met else 'NOT MET'}"
