"""The care-team alert rules: one row per rule, reviewable line by line.

Each row names what it reads (a diary "day", a "navigator" result, an "injection" due date or a
"lab" result), the level of the alert, the condition, the reason shown to staff and where the rule
comes from. The levels are a proposed design that a clinician signs off; any change bumps
ALERT_RULESET_VERSION (a test holds the fingerprint of this table).

Where the navigator already has the rule (flushing with wheezing or dizziness, ten or more loose
stools), the diary day is put to the navigator instead of repeating it here: AL-DIARY-NAVIGATOR.
Reasons are format strings filled from what the rule read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from netcompanion.triage.rules import Level

ALERT_RULESET_VERSION = "2026.12.2"

# Each row cites bibliography ids (netcompanion/bibliography/sources.toml). The thresholds marked
# "design" are proposed values awaiting clinical sign-off; each cites the sources it rests on.
# The navigator's urgent and emergency results rest on the symptoms these describe (crisis, blocked bowel,
# bleeding, uncontrolled carcinoid syndrome), as do the navigator's own rows.
NAVIGATOR = ("nci-pdq-gi-net-hp", "ncuk-carcinoid-crisis")
# Socialstyrelsen's national highly specialised care: more than 4 flushes or more than 4 hormone-related
# diarrhoeas a day despite treatment.
NHV = ("nhv-net-sweden",)
STOOLS = NHV  # design: 7 or more a day, or 3 over the patient's own average, lies above that criterion
PAIN = ("hpal-bowel-obstruction", "nci-pdq-gi-net-hp")  # design: severe pain (8/10 or more), as with a blocked bowel
WEIGHT = ("ocp-net-2-1",)  # design: weight loss one cannot explain is a sign to check; 5 % in 4 weeks
INJECTION = ("japo-2019-net-drug-doses", "label-lanreotide", "label-octreotide")  # design: every 4 weeks; a week late
LAB = ("nci-pdq-gi-net-hp",)  # design: chromogranin A and urine 5-HIAA are the NET markers; first time above range

# A stool counts as diarrhoea from Bristol type 6; an unanswered type counts too (fail safe).
DIARRHOEA_BRISTOL = 6
# The own baseline needs this many answered days of the previous 28 before it is trusted.
BASELINE_MIN_DAYS = 7

S, U = Level.SOON, Level.URGENT
AS_NAVIGATOR = None  # the level the navigator gave: urgent or emergency


@dataclass(frozen=True)
class AlertRule:
    id: str
    reads: str
    level: Level | None
    when: Callable[[Any], bool]
    reason: str
    sources: tuple[str, ...]


def _gte(value: float | None, limit: float) -> bool:
    return value is not None and value >= limit


ALERT_RULES: tuple[AlertRule, ...] = (
    # id                   reads        level         condition
    AlertRule("AL-NAV-RESULT", "navigator", AS_NAVIGATOR, lambda n: n.rank >= U.rank,
              "A symptom check came out {level.value}: {reasons}", NAVIGATOR),
    AlertRule("AL-DIARY-NAVIGATOR", "day", AS_NAVIGATOR, lambda d: d.navigator.rank >= U.rank,
              "The symptom navigator rates this diary day {navigator.level.value}: {navigator.reasons}", NAVIGATOR),
    AlertRule("AL-STOOLS-HIGH", "day", S, lambda d: _gte(d.stools, 7),
              "{stools} bowel movements in the day.", STOOLS),
    AlertRule("AL-STOOLS-BASELINE", "day", S, lambda d: d.baseline is not None and _gte(d.stools, d.baseline + 3),
              "{stools} bowel movements in the day; the patient's 4-week average is {baseline:.1f}.", STOOLS),
    AlertRule("AL-NHV-FLUSH", "day", S, lambda d: _gte(d.flushes, 5) and d.on_injections is not False,
              "{flushes} flushes in the day{despite}.", NHV),
    AlertRule("AL-NHV-DIARRHOEA", "day", S, lambda d: _gte(d.diarrhoeas, 5) and d.on_injections is not False,
              "{diarrhoeas} loose stools in the day{despite}.", NHV),
    AlertRule("AL-PAIN-SEVERE", "day", U, lambda d: _gte(d.pain, 8),
              "Tummy pain {pain}/10.", PAIN),
    AlertRule("AL-WEIGHT-LOSS", "day", S, lambda d: _gte(d.weight_loss_percent, 5),
              "Weight {weight_kg:g} kg: {weight_loss_percent:.1f} % below the highest of the previous 4 weeks "
              "({highest_weight_kg:g} kg).", WEIGHT),
    AlertRule("AL-INJECTION-OVERDUE", "injection", S, lambda i: i.days_overdue > 7,
              "The injection due on {due_on} is {days_overdue} days overdue.", INJECTION),
    AlertRule("AL-LAB-ABOVE-ULN", "lab", S,
              lambda x: x.upper_limit is not None and x.value > x.upper_limit and not x.earlier_above,
              "{test} {value:g} {unit} is above the report's upper limit of {upper_limit:g} {unit}, the first "
              "time for this test.", LAB),
)
