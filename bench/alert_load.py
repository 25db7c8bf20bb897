"""Alert load (issue 15): how many alerts the real rules send the care team, per patient per week.

A stable patient should not raise more than about one alert a week. Two years of diaries are counted:

  demo year  `netcompanion demo` in a new SQLite file in a temporary directory (never var/db.sqlite3), then the
             whole year put to the diary's own action (diary.actions.assess_days, which writes the alerts) and the
             alerts it and the demo's lab results (labs.actions.record_result) raised, read back from the alerts
             table. The demo logs each day on its own evening (diary/demo.py), so no day counts as late.
  centre     the 10,000-patient centre of bench/centre_seed.py, counted by bench/centre_scale.py with
             `centre_load` below. The seed writes its alerts in bulk from its own copy of a few thresholds, so
             they are not counted: for a sample of patients spread over the centre, every diary day, lab result
             and symptom check is put to the same evaluation the actions run, without writing (diary days: the
             diary's selector and alertrules.assess_day, each day seeing only the days before it, as
             alerts.services.evaluate_diary_days does; labs: labs.selectors.lab_reading and evaluate_lab; symptom
             checks: the navigator's assessment of the stored case and evaluate_navigator). The seed's days are
             logged on their own evening, so none is late. Stable patients are those the seed gave no bad spell
             (centre_seed.Centre.stable).

One alert per patient, source and day, holding every rule that fired (its level the highest), as raising writes
it. A day's week counts from the first diary day. Injection reminders (AL-INJECTION-OVERDUE) cannot fire in
either year: every injection is given within two days of its plan, and the rule needs more than seven.

    python bench/alert_load.py          # the demo year (about half a minute)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import percentile  # noqa: E402

ABOUT_ONE_A_WEEK = 1.0
LEVELS = ("soon", "urgent", "emergency")


@dataclass(frozen=True)
class Raised:
    """One alert: whose, the day of its source, what raised it, its level and every rule in it with its level."""

    patient: int
    day: dt.date
    source: str
    level: str
    rules: tuple[tuple[str, str], ...]


@dataclass
class Load:
    """The alerts of some patients over the same days, and the figures the issue asks for."""

    label: str
    patients: list[int]
    start: dt.date
    days: int
    alerts: list[Raised] = field(default_factory=list)

    @property
    def weeks(self) -> float:
        return self.days / 7

    def add(self, raised: Raised) -> None:
        if self.start <= raised.day < self.start + dt.timedelta(days=self.days):
            self.alerts.append(raised)

    def only(self, label: str, patients: Iterable[int]) -> Load:
        keep = set(patients)
        return Load(label, [p for p in self.patients if p in keep], self.start, self.days,
                    [a for a in self.alerts if a.patient in keep])

    def rates(self) -> list[float]:
        """Alerts per week of each patient."""
        per_patient = Counter(a.patient for a in self.alerts)
        return [per_patient[p] / self.weeks for p in self.patients]

    def summary(self) -> str:
        rates = self.rates()
        if not rates:
            return "no patients"
        above = sum(r > ABOUT_ONE_A_WEEK for r in rates)
        return (f"mean {len(self.alerts) / (len(rates) * self.weeks):.2f}, p50 {percentile(rates, 50):.2f}, "
                f"p95 {percentile(rates, 95):.2f}, max {max(rates):.2f}; above {ABOUT_ONE_A_WEEK:g}/week "
                f"{100 * above / len(rates):.1f} % of {len(rates)}")

    def report(self) -> list[str]:
        n, weeks = len(self.patients), self.weeks
        if not n:
            return [f"  {self.label}: no patients"]
        rates = self.rates()
        above = sum(r > ABOUT_ONE_A_WEEK for r in rates)
        full_weeks = self.days // 7
        in_week = Counter((a.patient, (a.day - self.start).days // 7) for a in self.alerts
                          if (a.day - self.start).days < 7 * full_weeks)
        week_counts = [in_week[(p, w)] for p in self.patients for w in range(full_weeks)]
        per_week = len(self.alerts) / (n * weeks)
        lines = [
            f"  {self.label}: {n:,} patient{'s' * (n != 1)} x {weeks:.1f} weeks, {len(self.alerts):,} alerts, "
            f"{per_week:.2f} per patient per week",
            f"    alerts per patient per week  mean {per_week:.2f}  p50 {percentile(rates, 50):.2f}  "
            f"p95 {percentile(rates, 95):.2f}  max {max(rates):.2f};  patients above {ABOUT_ONE_A_WEEK:g} a week: "
            f"{100 * above / n:.1f} % ({above} of {n})",
            f"    alerts in one week of one patient  p50 {percentile(week_counts, 50)}  "
            f"p95 {percentile(week_counts, 95)}  max {max(week_counts, default=0)};  weeks with more than one: "
            f"{100 * sum(c > 1 for c in week_counts) / max(1, len(week_counts)):.1f} %",
            "    by level (the alert's):   " + "   ".join(
                f"{level} {self._rate(a for a in self.alerts if a.level == level)}" for level in LEVELS),
            "    by source:                " + "   ".join(
                f"{source} {self._rate(a for a in self.alerts if a.source == source)}"
                for source in sorted({a.source for a in self.alerts})),
            "    by rule and level (each rule in an alert; an alert may hold several):",
        ]
        firings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for a in self.alerts:
            for rule in a.rules:
                firings[rule].append(a.patient)
        for (rule_id, level), who in sorted(firings.items(), key=lambda kv: -len(kv[1])):
            share = 100 * len(set(who)) / n
            lines.append(f"      {rule_id:<22} {level:<10} {len(who):>8,}  {len(who) / (n * weeks):6.3f} per patient "
                         f"per week;  in {share:5.1f} % of patients")
        return lines

    def _rate(self, alerts: Iterable[Raised]) -> str:
        count = sum(1 for _ in alerts)
        return f"{count / (len(self.patients) * self.weeks):.3f} ({count:,})"


def rules_of(firings: Iterable) -> tuple[tuple[str, str], ...]:
    """(rule id, level) of each firing: alertrules Firings, or the met firings an alert row holds."""
    out = []
    for f in firings:
        if isinstance(f, dict):
            if f.get("met", True):
                out.append((f["rule_id"], f["level"]))
        else:
            out.append((f.rule_id, f.level))
    return tuple(out)


def top_level(rules: tuple[tuple[str, str], ...]) -> str:
    return max((level for _, level in rules), key=LEVELS.index)


# --- the centre: the actions' own evaluation, without the writes ------------------------------------------------

def centre_load(patient_ids: list[int], start: dt.date, days: int) -> Load:
    """Every diary day, lab result and symptom check of the patients, as their actions would have assessed them
    when saved; nothing is written."""
    from netcompanion.alertrules import assess_day, evaluate_lab, evaluate_navigator
    from netcompanion.diary import selectors as diary
    from netcompanion.diary.models import DiaryEntry
    from netcompanion.labs import selectors as labs
    from netcompanion.labs.models import LabResult
    from netcompanion.medicines import selectors as medicines
    from netcompanion.navigator.models import NavigatorResult
    from netcompanion.triage import assess

    load = Load("centre", list(patient_ids), start, days)
    for pid in patient_ids:
        dates = list(DiaryEntry.objects.current().filter(patient_id=pid).order_by("date")
                     .values_list("date", flat=True))
        if dates:
            for _recorded, observation in diary.diary_days(pid, dates, medicines.on_injections(pid)).observed():
                if firings := assess_day(observation).firings:
                    rules = rules_of(firings)
                    load.add(Raised(pid, observation.date, "diary", top_level(rules), rules))
        for result in LabResult.objects.current().filter(patient_id=pid).order_by("taken_on", "pk"):
            if firings := evaluate_lab(labs.lab_reading(result).check):
                rules = rules_of(firings)
                load.add(Raised(pid, result.taken_on, "lab", top_level(rules), rules))
        for check in NavigatorResult.objects.filter(patient_id=pid).order_by("created_at"):
            if firings := evaluate_navigator(assess(check.case)):
                rules = rules_of(firings)
                load.add(Raised(pid, check.created_at.date(), "symptom check", top_level(rules), rules))
    return load


# --- the demo year: the real actions, then the alerts table ----------------------------------------------------

def alerts_raised(patient_id: int) -> Iterable[Raised]:
    """The patient's alerts as the alerts table holds them, each on the day of its source."""
    from netcompanion.alerts.models import Alert

    for alert in Alert.objects.filter(patient_id=patient_id).select_related("lab_result", "navigator_result"):
        rules = rules_of(alert.firings)
        if not rules:
            continue
        if alert.lab_result_id:
            day, source = alert.lab_result.taken_on, "lab"
        elif alert.navigator_result_id:
            day, source = alert.navigator_result.created_at.date(), "symptom check"
        elif alert.source_key.startswith("diary:"):
            day, source = dt.date.fromisoformat(alert.source_key.removeprefix("diary:")), "diary"
        else:
            day, source = alert.raised_at.date(), alert.source_key.split(":")[0]
        yield Raised(patient_id, day, source, top_level(rules), rules)


def demo_year() -> Load:
    """The demo, as `make run` loads it, with its whole diary year put to the diary's action."""
    from django.core.management import call_command
    from django.utils import timezone

    from netcompanion.accounts.models import User
    from netcompanion.diary.actions import assess_days
    from netcompanion.diary.models import DiaryEntry

    call_command("migrate", verbosity=0, interactive=False)
    call_command("demo", allow_production=True, stdout=io.StringIO())
    patient = User.objects.get(username="patient")
    dates = list(DiaryEntry.objects.current().filter(patient=patient).order_by("date").values_list("date", flat=True))
    assess_days(patient.pk, dates)
    today = timezone.localdate()
    days = (today - dates[0]).days
    load = Load("demo year", [patient.pk], dates[0], days)
    for raised in alerts_raised(patient.pk):
        load.add(raised)
    return load


def main() -> None:
    started = time.perf_counter()
    tmp = tempfile.mkdtemp(prefix="alert_load.")
    try:
        os.environ["DJANGO_SETTINGS_MODULE"] = "netcompanion.settings_test"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/demo.sqlite3"
        os.environ["DEBUG"] = "false"
        os.environ["NETCOMPANION_VAR_DIR"] = tmp
        os.environ.setdefault("LOG_LEVEL", "WARNING")
        import django

        django.setup()
        from netcompanion.alertrules import ALERT_RULESET_VERSION

        print(f"alert load: the demo year through the actions, alert rule set {ALERT_RULESET_VERSION}; "
              f"load average {os.getloadavg()[0]:.1f}")
        load = demo_year()
        print("\n".join(load.report()))
        print(f"  ({time.perf_counter() - started:.0f} s; the centre's figures are in bench/centre_scale.py's output)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
