"""What an alert's page shows of what the patient reported: the values that raised it, in the words every page uses
for the record's fields (core.describe), and the same measures over the four weeks up to it. A fixed number of
reads, whatever the record holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import median

from django.utils import timezone
from django.utils.translation import gettext, ngettext

from netcompanion.alerts.models import Alert
from netcompanion.core.describe import describe
from netcompanion.core.records import plain_number
from netcompanion.diary.models import DiaryEntry, Episode
from netcompanion.labs.models import LabResult
from netcompanion.navigator.words import in_language
from netcompanion.triage.case import SYMPTOM_NAMES

TREND_DAYS = 28
EARLIER_LAB_RESULTS = 5
# The diary's measures a trend is drawn for, in the record's order; yes/no answers are counted instead.
NUMBERS = ("flushes", "stools", "bristol", "pain", "fatigue", "weight_kg")
YES_NO = ("wheezing", "dizziness")
SPARK_WIDTH, SPARK_HEIGHT = 112, 24


@dataclass(frozen=True)
class Fact:
    label: str
    value: str


@dataclass(frozen=True)
class Trend:
    """One measure over the four weeks: the day's value beside how it has been."""

    label: str
    today: str
    days: int
    summary: str
    spark: str  # an SVG polyline's points, oldest first; empty when fewer than two days have a value


def diary_facts(entry: DiaryEntry | None, episodes: list[Episode]) -> list[Fact]:
    """Every field of the day (an empty one says so), then the day's single episodes."""
    facts = []
    if entry is not None:
        for name, about in describe(DiaryEntry).items():
            if name != "date":
                facts.append(Fact(about.label, about.text(getattr(entry, name)) or gettext("Not noted")))
    described = describe(Episode)
    for episode in episodes:
        parts = [described["kind"].text(episode.kind), f"{timezone.localtime(episode.occurred_at):%H:%M}"]
        if episode.severity is not None:
            parts.append(described["severity"].line(episode.severity))
        if episode.notes:
            parts.append(episode.notes)
        facts.append(Fact(gettext("Single episode"), ", ".join(parts)))
    return facts


def _spark(points: list[tuple[int, float]]) -> str:
    """The polyline of a sparkline, drawn on the server: x by day across the four weeks, y scaled to the values."""
    if len(points) < 2:
        return ""
    values = [v for _, v in points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    return " ".join(f"{day * (SPARK_WIDTH - 4) / (TREND_DAYS - 1) + 2:.1f},"
                    f"{SPARK_HEIGHT - 2 - (value - low) * (SPARK_HEIGHT - 4) / span:.1f}" for day, value in points)


def diary_trends(entries: list[DiaryEntry], until: dt.date) -> list[Trend]:
    """Each measure over the four weeks up to ``until``: that day's value, how many days had one, the lowest,
    middle and highest (or, for yes/no answers, on how many days it was yes), and a sparkline."""
    start = until - dt.timedelta(days=TREND_DAYS - 1)
    by_date = {e.date: e for e in entries if start <= e.date <= until}
    day, described = by_date.get(until), describe(DiaryEntry)
    trends = []
    for name in NUMBERS:
        about = described[name]
        points = [((d - start).days, float(getattr(e, name))) for d, e in sorted(by_date.items())
                  if getattr(e, name) is not None]
        values = [v for _, v in points]
        summary = gettext("lowest %(low)s, middle %(mid)s, highest %(high)s") % {
            "low": plain_number(min(values)), "mid": plain_number(round(median(values), 1)),
            "high": plain_number(max(values))} if values else ""
        trends.append(Trend(about.heading, about.text(getattr(day, name)) if day else "", len(values), summary,
                            _spark(points)))
    for name in YES_NO:
        about = described[name]
        answered = [getattr(e, name) for e in by_date.values() if getattr(e, name) is not None]
        summary = ngettext("yes on %(yes)d of %(days)d day", "yes on %(yes)d of %(days)d days", len(answered)) % {
            "yes": sum(answered), "days": len(answered)} if answered else ""
        trends.append(Trend(about.heading, (about.text(getattr(day, name)) or gettext("Not noted")) if day else "",
                            len(answered), summary, ""))
    return trends


def lab_facts(result: LabResult) -> list[Fact]:
    about = describe(LabResult)
    facts = [Fact(about["test"].label, result.display_name),
             Fact(about["value"].label, f"{result.value_text} {result.unit}"),
             Fact(gettext("The lab's range"), result.range_text or gettext("Not given")),
             Fact(about["taken_on"].label, about["taken_on"].text(result.taken_on))]
    return facts + [Fact(about[name].label, getattr(result, name)) for name in ("lab", "notes")
                    if getattr(result, name)]


def symptom_check_facts(result) -> list[Fact]:
    """What the navigator gave, and the symptoms the patient named, in the navigator's words."""
    symptoms = [gettext(SYMPTOM_NAMES.get(s.get("code"), s.get("code"))) for s in result.case.get("symptoms", [])]
    headline = in_language(result.result).get("headline", "")
    facts = [Fact(gettext("Result"), f"{result.get_level_display()}: {headline}")]
    if symptoms:
        facts.append(Fact(gettext("Symptoms"), ", ".join(symptoms)))
    if result.unsure:
        facts.append(Fact(gettext("Answered “not sure”"), "; ".join(result.unsure)))
    return facts


@dataclass(frozen=True)
class Reported:
    """What the alert's page shows: the facts of its source, the diary's four weeks, earlier lab results."""

    day: dt.date | None
    facts: list[Fact]
    trends: list[Trend]
    earlier_labs: list[LabResult]


def reported(alert: Alert) -> Reported:
    """At most four reads: the source's entry and episodes, the four weeks of diary, or the test's earlier results."""
    kind, _, rest = alert.source_key.partition(":")
    if kind == "diary" or alert.navigator_result_id:
        until = (dt.date.fromisoformat(rest) if kind == "diary"
                 else timezone.localdate(alert.navigator_result.created_at))
        entries = list(DiaryEntry.objects.current().filter(
            patient_id=alert.patient_id, date__range=(until - dt.timedelta(days=TREND_DAYS - 1), until)))
        if kind == "diary":
            episodes = list(Episode.objects.current().filter(patient_id=alert.patient_id, occurred_at__date=until)
                            .order_by("occurred_at"))
            facts = diary_facts(next((e for e in entries if e.date == until), None), episodes)
        else:
            facts = symptom_check_facts(alert.navigator_result)
        return Reported(until, facts, diary_trends(entries, until), [])
    if alert.lab_result_id:
        result = alert.lab_result
        earlier = [r for r in LabResult.objects.current().filter(
            patient_id=alert.patient_id, taken_on__lte=result.taken_on, unit=result.unit, test=result.test,
            test_name=result.test_name).exclude(pk=result.pk).order_by("-taken_on", "-created_at")
            [:EARLIER_LAB_RESULTS]]
        return Reported(result.taken_on, lab_facts(result), [], earlier)
    return Reported(None, [], [], [])
