"""The y-axis rows: tall enough that small changes stay small, scores on their whole scale, counts from 0."""

import hashlib
import json
from dataclasses import asdict

import pytest

from netcompanion.bibliography import SOURCES
from netcompanion.charts.axes import AXES, AXES_VERSION, y_limits

FINGERPRINTS = {"2026.12.1": "137f4dab0c0e1a46"}


def share(change: float, limits: tuple[float, float]) -> float:
    return change / (limits[1] - limits[0])


@pytest.mark.parametrize("weight", [45.0, 70.0, 120.0])
def test_a_change_of_400_grams_spans_less_than_a_tenth_of_the_weight_axis(weight):
    limits = y_limits([weight, weight + 0.2, weight + 0.4], AXES["weight"])
    assert share(0.4, limits) < 0.1
    assert limits[0] < weight and limits[1] > weight + 0.4


def test_a_real_weight_loss_still_shows():
    limits = y_limits([70.0, 66.5], AXES["weight"])  # 5 %
    assert share(3.5, limits) > 0.5


@pytest.mark.parametrize("slug", ["pain", "fatigue"])
def test_a_0_to_10_score_always_shows_its_whole_scale(slug):
    assert y_limits([3, 3, 4], AXES[slug]) == (0, 10)
    assert y_limits([10], AXES[slug]) == (0, 10)
    assert y_limits([], AXES[slug]) == (0, 10)


@pytest.mark.parametrize("slug", ["flushes", "stools", "lab"])
def test_counts_and_lab_values_start_at_0(slug):
    low, high = y_limits([12, 14], AXES[slug])
    assert low == 0 and high > 14


def test_one_more_flush_on_a_quiet_day_does_not_fill_the_chart():
    assert share(1, y_limits([1, 2], AXES["flushes"])) <= 1 / 6


def test_every_row_has_a_reason_and_cites_a_bibliography_source():
    for rule in AXES.values():
        assert rule.reason and rule.sources and set(rule.sources) <= set(SOURCES), rule.id
        assert rule.min_span >= 0 and rule.span_percent >= 0, rule.id


def test_the_table_changes_only_with_a_new_version():
    rows = [asdict(rule) for rule in AXES.values()]
    fingerprint = hashlib.sha256(json.dumps(rows, default=list).encode()).hexdigest()[:16]
    assert FINGERPRINTS.get(AXES_VERSION) == fingerprint, (
        f"axis rows changed: bump AXES_VERSION and record {fingerprint!r} for it here")
