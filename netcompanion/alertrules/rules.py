"""The care-team alert rules: one row per rule, reviewable line by line.

Each row names what it reads (a diary "day", a "navigator" result, an "injection" due date or a
"lab" result), the level of the alert, its condition, the reason shown to staff and where the rule
comes from. The condition is data, not code: tests from the navigator's vocabulary
(triage/conditions.py), each a field, a comparison and a threshold, that must all hold; so a
clinician reads every threshold in the row (`netcompanion alert-check --rules` prints them). The
levels are a proposed design that a clinician signs off; any change bumps ALERT_RULESET_VERSION
(a test holds the fingerprint of this table).

The fields a "day" row reads are the day's answers raised by its single episodes (stools, diarrhoeas,
flushes, pain), its baseline (the mean stools of the previous four weeks, once there are
BASELINE_MIN_DAYS answers), weight_loss_percent (below the highest weight of the previous four
weeks), on_injections, the navigator's level for the day and whether the day was logged late (more than
LATE_AFTER_HOURS after it ended; engine.py works them out). A "lab" row reads the result (value, unit, upper_limit,
test_key), whether the test was above its limit before (earlier_above), and the previous result of the same test:
previous_above (above its own report's limit) and rise_percent (over it, only in the same unit; observation.py).

Where the navigator already has the rule (flushing with wheezing or dizziness, ten or more loose
stools), the diary day is put to the navigator instead of repeating it here: AL-DIARY-NAVIGATOR.
Reasons are format strings filled from what the rule read, marked for translation: the engine fills them in English
(Firing.reason) and keeps the template and its values (Firing.text, Firing.params), so a page shows them in the
reader's language (alertrules.wording).
"""

from __future__ import annotations

from dataclasses import dataclass

from netcompanion.labs.catalogue import KNOWN_TESTS
from netcompanion.translatable import gettext_noop
from netcompanion.triage.conditions import Answer, Op, Test
from netcompanion.triage.rules import Level

ALERT_RULESET_VERSION = "2026.12.9"

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
LAB = ("nci-pdq-gi-net-hp",)  # design: chromogranin A and urine 5-HIAA are the NET markers; above range first, or again
# The monitoring criterion of the FDA-cleared B·R·A·H·M·S CgA II KRYPTOR assay, as the laboratories running it state it:
# a rise of more than 50 % between consecutive results to above 100 ng/mL is a positive result, a higher probability
# that the tumour has progressed. Reports from other assays give other limits, so the rule reads the report's own
# upper limit in place of 100 ng/mL. A prospective study found a change in CgA only weakly associated with
# progression (a 25 % change: sensitivity 36 %, positive predictive value 32 %; many things besides the tumour raise
# CgA), so the rise is for the team to review ("soon") and is never put to the patient as alarming.
CGA_RISE = ("aruplab-cga-kryptor", "fda-k222251-cga-kryptor", "neuroendocrinology-2020-cga-progression")

# A stool counts as diarrhoea from Bristol type 6; an unanswered type counts too (fail safe).
DIARRHOEA_BRISTOL = 6
# The own baseline needs this many answered days of the previous 28 before it is trusted.
BASELINE_MIN_DAYS = 7
# design: a day first logged more than 48 hours after it ended is late; what it reports is past, so its alert asks
# the team to check how the patient is now, at urgent (a call the same day), not emergency.
LATE_AFTER_HOURS = 48

S, U = Level.SOON, Level.URGENT
AS_NAVIGATOR = None  # the level the navigator gave: soon, urgent or emergency
URGENT_OR_EMERGENCY = frozenset({Level.URGENT, Level.EMERGENCY})
# A symptom check whose advice is to contact the care team within days (soon) or sooner is for the team to see.
SOON_OR_HIGHER = frozenset({Level.SOON, Level.URGENT, Level.EMERGENCY})


@dataclass(frozen=True)
class AlertRule:
    id: str
    reads: str
    level: Level | None
    when: tuple[Test, ...]
    reason: str
    sources: tuple[str, ...]
    values: tuple[tuple[str, float], ...] = ()  # the rule's own numbers its reason names, by name


@dataclass(frozen=True)
class LabRise:
    """A rise of one test that is clinically relevant by its source: more than ``more_than_percent`` over the
    previous result, which was above its report's upper limit too, to a value above the upper limit. Only the tests
    in LAB_RISES have one; a test without a checkable source for a relevant rise has none (see review_sheet)."""

    test_key: str  # the lab catalogue's key (netcompanion/labs/catalogue.py)
    more_than_percent: float
    sources: tuple[str, ...]

    @property
    def test_name(self) -> str:
        return KNOWN_TESTS[self.test_key].name

    @property
    def rule(self) -> AlertRule:
        return AlertRule(
            f"AL-LAB-RISE-{self.test_key.upper()}", "lab", S,
            (Test("test_key", Op.ONE_OF, frozenset({self.test_key})), Test("previous_above", Op.CLEARLY_YES),
             Test("value", Op.ABOVE, Answer("upper_limit")), Test("rise_percent", Op.ABOVE, self.more_than_percent)),
            gettext_noop("{test} rose {rise_percent:.1f} %, from {previous_value:g} {unit} on {previous_taken_on} to "
                         "{value:g} {unit} on {taken_on}, each above its report's upper limit (now {upper_limit:g} "
                         "{unit}): more than the {more_than_percent:g} % rise between two results that the test's "
                         "monitoring criterion counts. For review with the patient's other results."), self.sources,
            (("more_than_percent", self.more_than_percent),))


LAB_RISES: tuple[LabRise, ...] = (
    LabRise("cga", more_than_percent=50, sources=CGA_RISE),
)

ALERT_RULES: tuple[AlertRule, ...] = (
    # id, reads, level, when (field, comparison, threshold; all must hold), reason, sources
    AlertRule("AL-NAV-RESULT", "navigator", AS_NAVIGATOR,
              (Test("level", Op.ONE_OF, SOON_OR_HIGHER),),
              gettext_noop("A symptom check came out {level}: {reasons}"), NAVIGATOR),
    AlertRule("AL-DIARY-NAVIGATOR", "day", AS_NAVIGATOR,
              (Test("navigator.level", Op.ONE_OF, URGENT_OR_EMERGENCY), Test("late", Op.CLEARLY_NO)),
              gettext_noop("The symptom navigator rates this diary day {level}: {reasons}"),
              NAVIGATOR),
    AlertRule("AL-DIARY-LATE", "day", U,
              (Test("navigator.level", Op.ONE_OF, URGENT_OR_EMERGENCY), Test("late", Op.CLEARLY_YES)),
              gettext_noop("Logged {days_late} days after the day, which the symptom navigator rates {level}: "
                           "{reasons} It is past: check how the patient is now."), NAVIGATOR),
    AlertRule("AL-STOOLS-HIGH", "day", S,
              (Test("stools", Op.AT_LEAST, 7),),
              gettext_noop("{stools} bowel movements in the day."), STOOLS),
    AlertRule("AL-STOOLS-BASELINE", "day", S,
              (Test("stools", Op.AT_LEAST, Answer("baseline", plus=3)),),
              gettext_noop("{stools} bowel movements in the day; the patient's 4-week average is {baseline:.1f}."),
              STOOLS),
    AlertRule("AL-NHV-FLUSH", "day", S,
              (Test("flushes", Op.AT_LEAST, 5), Test("on_injections", Op.NOT_CLEARLY_NO)),
              gettext_noop("{flushes} flushes in the day {injections}."), NHV),
    AlertRule("AL-NHV-DIARRHOEA", "day", S,
              (Test("diarrhoeas", Op.AT_LEAST, 5), Test("on_injections", Op.NOT_CLEARLY_NO)),
              gettext_noop("{diarrhoeas} loose stools in the day {injections}."), NHV),
    AlertRule("AL-PAIN-SEVERE", "day", U,
              (Test("pain", Op.AT_LEAST, 8),),
              gettext_noop("Tummy pain {pain}/10."), PAIN),
    AlertRule("AL-WEIGHT-LOSS", "day", S,
              (Test("weight_loss_percent", Op.AT_LEAST, 5),),
              gettext_noop("Weight {weight_kg:g} kg: {weight_loss_percent:.1f} % below the highest of the previous 4 "
                           "weeks ({highest_weight_kg:g} kg)."), WEIGHT),
    AlertRule("AL-INJECTION-OVERDUE", "injection", S,
              (Test("days_overdue", Op.ABOVE, 7),),
              gettext_noop("The injection due on {due_on} is {days_overdue} days overdue. {booking_note}"), INJECTION),
    AlertRule("AL-LAB-ABOVE-ULN", "lab", S,
              (Test("value", Op.ABOVE, Answer("upper_limit")), Test("earlier_above", Op.CLEARLY_NO)),
              gettext_noop("{test} {value:g} {unit} is above the report's upper limit of {upper_limit:g} {unit}, the "
                           "first time for this test."), LAB),
    # Above once, back within range, above again: as much a change as the first time (neither the first-time rule
    # nor a rise over a result already above the limit sees it). It needs the previous result's value (a caller of
    # the check that sends only earlier_above gets the first-time rule's reading, as before); a previous result
    # without a range counts as not above (fail safe: not knowing never silences the alert).
    AlertRule("AL-LAB-BACK-ABOVE-ULN", "lab", S,
              (Test("value", Op.ABOVE, Answer("upper_limit")), Test("earlier_above", Op.CLEARLY_YES),
               Test("previous_value", Op.AT_LEAST, 0), Test("previous_above", Op.NOT_CLEARLY_YES)),
              gettext_noop("{test} {value:g} {unit} is above the report's upper limit of {upper_limit:g} {unit} again, "
                           "after the previous result ({previous_value:g} {unit} on {previous_taken_on}) was not "
                           "above its own."), LAB),
    *(rise.rule for rise in LAB_RISES),
)


def review_sheet() -> str:
    """Every alert rule as one line of plain text, for a clinician's sign-off (`netcompanion alert-check --rules`)."""
    lines = [f"Alert rule set {ALERT_RULESET_VERSION}. "
             "Id | reads | level | when (field, comparison, threshold; all must hold) | reason | sources"]
    for rule in ALERT_RULES:
        level = rule.level.value if rule.level else "the navigator's (urgent or emergency)"
        when = " and ".join(map(str, rule.when))
        lines.append(f"{rule.id} | {rule.reads} | {level} | {when} | {rule.reason} | {', '.join(rule.sources)}")
    lines.append(f"A day's stools count as loose when their Bristol type is {DIARRHOEA_BRISTOL} or more, or not given; "
                 f"the baseline needs {BASELINE_MIN_DAYS} answered days of the previous 4 weeks; a day is late when "
                 f"first logged more than {LATE_AFTER_HOURS} hours after it ended.")
    rises = ", ".join(f"{r.test_name} (more than {r.more_than_percent:g} %)" for r in LAB_RISES)
    lines.append(f"A lab rise is compared only for: {rises}; only with the previous result of the same test in the "
                 f"same unit (results in different units are never compared), and only where both reports give an "
                 f"upper limit. No rise threshold for: {'; '.join(tests_without_rise())}. No checkable source gives "
                 f"a clinically relevant rise for them, so they alert only the first time above the upper limit.")
    return "\n".join(lines)


def rise_for(test_key: str) -> LabRise | None:
    """The test's clinically relevant rise, or None when it has none."""
    return next((r for r in LAB_RISES if r.test_key == test_key), None)


def tests_without_rise() -> list[str]:
    """The known lab tests with no rise threshold, and every other test."""
    return [t.name for t in KNOWN_TESTS.values() if rise_for(t.key) is None] + ["any other test"]
