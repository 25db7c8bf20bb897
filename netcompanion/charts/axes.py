"""How tall each chart's y-axis is, as rows a clinician can read. No Django import.

A chart stretches whatever it is given to fill its height, so without a floor under the axis's span a 0.4 kg
change in weight fills the chart and looks like a cliff. Each row gives a metric the smallest span its axis may
have (in its unit, or as a share of the value, whichever is larger) and whether the axis starts at a fixed
floor. Any change here bumps AXES_VERSION (a test holds the fingerprint of the table).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

AXES_VERSION = "2026.12.1"

HEADROOM = 0.1  # space above the highest value (and beside the values when the axis is centred), as a share


@dataclass(frozen=True)
class AxisRule:
    id: str
    metric: str  # a charts.data.METRICS slug, or "lab" for every lab test
    from_floor: bool  # the axis always starts at ``floor`` (counts, scores and lab values start at 0)
    floor: float  # the lowest value the axis may show
    ceiling: float | None  # the highest value the axis may show (10 on a 0-10 scale)
    min_span: float  # the smallest height of the axis, in the metric's unit
    span_percent: float  # ... or this share of the middle value, if that is larger
    reason: str
    sources: tuple[str, ...]


AXES = {rule.metric: rule for rule in (
    AxisRule("axis-weight", "weight", from_floor=False, floor=0, ceiling=None, min_span=5, span_percent=8,
             reason="Weight moves by about a kilogram from day to day with meals and fluid; a loss of 5 % is the "
                    "change to look into. At least 5 kg (or 8 % of the weight) of axis shows such a loss clearly "
                    "while a few hundred grams stay a small wiggle.",
             sources=("ocp-net-2-1",)),
    AxisRule("axis-flushes", "flushes", from_floor=True, floor=0, ceiling=None, min_span=6, span_percent=0,
             reason="A count starts at 0, so the height of a point is the count. At least 0 to 6, so that one "
                    "flush more on a quiet day does not fill the chart.",
             sources=("ccf-flushing",)),
    AxisRule("axis-stools", "stools", from_floor=True, floor=0, ceiling=None, min_span=8, span_percent=0,
             reason="A count starts at 0. At least 0 to 8: a usual day has a few bowel movements, and the rise "
                    "to watch for in carcinoid syndrome is to many more.",
             sources=("strachan-2018-net-diarrhoea",)),
    AxisRule("axis-pain", "pain", from_floor=True, floor=0, ceiling=10, min_span=10, span_percent=0,
             reason="A 0-10 score is always drawn on its whole scale, so 3 looks like 3 out of 10.",
             sources=("ukons-triage-toolkit",)),
    AxisRule("axis-fatigue", "fatigue", from_floor=True, floor=0, ceiling=10, min_span=10, span_percent=0,
             reason="A 0-10 score is always drawn on its whole scale, so 3 looks like 3 out of 10.",
             sources=("nci-fatigue",)),
    AxisRule("axis-lab", "lab", from_floor=True, floor=0, ceiling=None, min_span=0, span_percent=0,
             reason="A lab value is read against the lab's reference range, so the axis starts at 0 and shows the "
                    "whole range with the values.",
             sources=("ncuk-follow-up-investigations",)),
)}


def y_limits(values: Iterable[float], rule: AxisRule) -> tuple[float, float]:
    """The bottom and top of the axis for ``values`` (and any lines drawn with them, such as a lab's range)."""
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return rule.floor, rule.floor + (rule.min_span or 1)
    low, high = min(finite), max(finite)
    if rule.from_floor:
        bottom = min(rule.floor, low)
        top = max(bottom + rule.min_span, high + HEADROOM * (high - bottom))
    else:
        span = max(rule.min_span, abs(low + high) / 2 * rule.span_percent / 100, (high - low) * (1 + 2 * HEADROOM))
        bottom = max(min(rule.floor, low), (low + high) / 2 - span / 2)
        top = bottom + span
    if rule.ceiling is not None and high <= rule.ceiling:
        top = min(top, rule.ceiling)
    return bottom, top if top > bottom else bottom + 1
