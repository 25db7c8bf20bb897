"""What the charts show: one place that reads a patient's values for a period."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netcompanion.charts import weekly
from netcompanion.charts.axes import AXES, AxisRule
from netcompanion.diary.models import DiaryEntry
from netcompanion.labs.models import LabResult
from netcompanion.medicines.models import Injection

PERIODS = {"4w": (_("4 weeks"), 28), "3m": (_("3 months"), 91), "12m": (_("12 months"), 365)}


@dataclass(frozen=True)
class Metric:
    slug: str
    field: str
    label: str
    unit: str = ""
    from_zero: bool = True  # counts and 0-10 scores start at 0; weight would flatten
    # Logged days that make a weekly average sure: a symptom is noted day by day, a weight once a week or so.
    enough_days: int = weekly.FEW_DAYS

    @property
    def axis(self) -> AxisRule:
        """How tall the metric's y-axis is (``axes.AXES``)."""
        return AXES[self.slug]


METRICS = {m.slug: m for m in (
    Metric("flushes", "flushes", _("Flushes a day")),
    Metric("stools", "stools", _("Bowel movements a day")),
    Metric("pain", "pain", _("Tummy pain"), "0-10"),
    Metric("fatigue", "fatigue", _("Tiredness"), "0-10"),
    Metric("weight", "weight_kg", _("Weight"), "kg", from_zero=False, enough_days=1),
)}


def window(period: str, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    end = today or timezone.localdate()
    return end - dt.timedelta(days=PERIODS[period][1] - 1), end


def diary_series(patient, metric: Metric, start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    rows = (DiaryEntry.objects.current().filter(patient=patient, date__range=(start, end),
                                                **{f"{metric.field}__isnull": False})
            .order_by("date").values_list("date", metric.field))
    return [(day, float(value)) for day, value in rows]


def injection_days(patient) -> list[dt.date]:
    return sorted(set(Injection.objects.filter(patient=patient, status="final").values_list("given_on", flat=True)))


@dataclass(frozen=True)
class LabSeries:
    key: str
    label: str
    unit: str
    points: list[tuple[dt.date, float]]
    upper_limit: float | None
    ranges: list[tuple[dt.date, float | None, float | None]]  # each result's date with its lab's low and high

    @property
    def table(self) -> list[tuple[dt.date, float, float | None, float | None]]:
        """Each result as (date, value, low, high), for the table beside the chart."""
        return [(day, value, low, high) for (day, value), (_, low, high) in zip(self.points, self.ranges, strict=True)]


def _limit(value) -> float | None:
    return float(value) if value is not None else None


def lab_series(patient, start: dt.date, end: dt.date) -> list[LabSeries]:
    """One series per test (and unit: values in different units are not drawn on one line)."""
    results = LabResult.objects.current().filter(patient=patient, taken_on__range=(start, end)).order_by("taken_on")
    groups: dict[tuple[str, str], list] = {}
    for result in results:
        groups.setdefault((result.group_key, result.unit), []).append(result)
    return [
        LabSeries(key=f"{key}|{unit}", label=rows[0].display_name, unit=unit,
                  points=[(r.taken_on, float(r.value)) for r in rows],
                  upper_limit=_limit(rows[-1].reference_high),
                  ranges=[(r.taken_on, _limit(r.reference_low), _limit(r.reference_high)) for r in rows])
        for (key, unit), rows in groups.items()
    ]


def last_change(patient) -> str:
    """A stamp that changes whenever anything the charts draw changes: for the diary, the lab results and the
    injections, how many rows (of any status) the patient has and when one was last saved. A new row raises the
    count; a change or a deletion (which marks the row entered-in-error) saves the row, and ``updated_at`` moves on
    with every save; a row removed for good lowers the count. One query; the chart cache keys on it."""
    seen = [model._base_manager.filter(patient=patient).order_by().values("patient").annotate(
        kind=Value(model._meta.label), rows=Count("pk"), saved=Max("updated_at")).values_list("kind", "rows", "saved")
        for model in (DiaryEntry, LabResult, Injection)]
    rows = seen[0].union(*seen[1:], all=True)
    return "/".join(sorted(f"{kind}:{count}:{saved}" for kind, count, saved in rows))
