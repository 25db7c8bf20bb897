"""The follow-up rules: the checks (ITEMS) and when each schedule applies (SCHEDULES), one row each.

SCHEDULES are tried in order and the first row whose conditions all hold decides the schedule. Rows for
one site and situation (no follow-up at all, the CommNETS pancreas and Czech appendix schedules, NCCN for
the lung) come before the general ESMO rows, and lighter rows before heavier ones. A condition answers
True, False, or None when it needs a fact that is missing. A row that fails only on missing facts is
skipped, so a heavier row further down applies, and a note names the facts that could change the
schedule: a missing fact never gives a lighter schedule.

NOTES add a sentence when their condition holds. Choices where the sources leave a gap are stated in the
row that makes them. Any change here bumps RULESET_VERSION (a test holds the fingerprint of these tables)
and needs clinical sign-off.

Every row cites bibliography ids (netcompanion/bibliography/sources.toml): first the guideline whose
schedule or statement it applies, then those it takes the content of its checks from. Left out: ESMO's
"every 3-6 months during treatment" and the ENETS site-by-site intervals (not found in a primary source),
and the pivotal trials' scan schedules, which are not guideline advice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from netcompanion.followup.case import DISTANT_SPREAD, NODES_POSITIVE, FollowUpCase
from netcompanion.translatable import gettext_noop

RULESET_VERSION = "2026.12.3"

Kind = Literal["imaging", "blood", "urine", "visit"]

ESMO = "ESMO 2020"
COMMNETS = "CommNETS/NANETS 2018"
NCCN = "NCCN 2026 (secondary)"
CZECH = "Czech national guideline (ENETS-based)"
AJCC9 = "AJCC version 9 (2024)"

# ESMO 2020 (Pavel et al.), with Neuroendocrine Cancer UK's summary of its follow-up advice.
S_ESMO = ("esmo-gep-nen-2020", "ncuk-follow-up-investigations")
S_COMMNETS = ("commnets-nanets-2018-follow-up",)
# NCCN Neuroendocrine and Adrenal Tumors, NET-8 (surveillance after resection); its version could not be
# checked against NCCN's own copy, hence the "(secondary)" in NCCN above.
S_NCCN = ("nccn-neuroendocrine-adrenal",)
S_CZECH = ("cos-modra-kniha-net",)
S_AJCC9 = ("ajcc-v9-gep-net-2024",)
# What the checks are made of is the same for every schedule: ESMO's list (symptoms, blood or urine
# markers, CT or MRI), a scan of the abdomen as NCCN describes it for a digestive NET, and hormone markers
# only for a tumour that makes hormones (NCCN).
S_WHAT = ("esmo-gep-nen-2020",)
S_SCAN = S_MARKERS = S_NCCN

VISIT = gettext_noop("Check-up with your NET care team: how you feel, any symptoms, and an examination")
SCAN = gettext_noop("CT or MRI scan of the tummy (abdomen)")
MARKERS = gettext_noop("Blood test (sometimes a urine test) for the hormones your tumour makes")
LUNG_SCAN = gettext_noop("CT scan of the chest, and a CT or MRI scan of the tummy (abdomen)")


@dataclass(frozen=True)
class Item:
    """One recurring check. Months count from the start (the operation, or the diagnosis if there was none);
    the check runs from `first_after_months` every `every_months` until `for_years` (None: for life)."""

    id: str
    check: str
    kind: Kind
    every_months: tuple[int, int]
    first_after_months: int
    for_years: int | None
    guideline: str
    sources: tuple[str, ...]
    note: str | None = None
    only_if_functioning: bool = False


def _items(*items: Item) -> dict[str, Item]:
    return {item.id: item for item in items}


ITEMS: dict[str, Item] = _items(
    # ESMO gives no time for the first check: it falls one (shortest) interval after the start.
    # id                           check      kind     every     first  years  guideline  source
    Item("ESMO-G12-VISIT", VISIT, "visit", (6, 12), 6, 5, ESMO, S_ESMO),
    Item("ESMO-G12-SCAN", SCAN, "imaging", (6, 12), 6, 5, ESMO, (*S_ESMO, *S_SCAN)),
    Item("ESMO-G12-MARKERS", MARKERS, "blood", (6, 12), 6, 5, ESMO, (*S_ESMO, *S_MARKERS),
         only_if_functioning=True),
    Item("ESMO-G12-VISIT-AFTER-5Y", VISIT, "visit", (12, 24), 72, None, ESMO, S_ESMO,
         note=gettext_noop("ESMO allows longer gaps after 5 years; the care team may keep the shorter ones.")),
    Item("ESMO-G12-SCAN-AFTER-5Y", SCAN, "imaging", (12, 24), 72, None, ESMO, (*S_ESMO, *S_SCAN),
         note=gettext_noop("ESMO allows longer gaps after 5 years; the care team may keep the shorter ones.")),
    Item("ESMO-G12-MARKERS-AFTER-5Y", MARKERS, "blood", (12, 24), 72, None, ESMO, (*S_ESMO, *S_MARKERS),
         only_if_functioning=True),
    Item("ESMO-ADV-G12-VISIT", VISIT, "visit", (6, 12), 6, None, ESMO, S_ESMO),
    Item("ESMO-ADV-G12-SCAN", SCAN, "imaging", (6, 12), 6, None, ESMO, (*S_ESMO, *S_SCAN)),
    Item("ESMO-ADV-G12-MARKERS", MARKERS, "blood", (6, 12), 6, None, ESMO, (*S_ESMO, *S_MARKERS),
         only_if_functioning=True),
    Item("ESMO-G3-VISIT", VISIT, "visit", (2, 3), 2, None, ESMO, S_ESMO),
    Item("ESMO-G3-SCAN", SCAN, "imaging", (2, 3), 2, None, ESMO, (*S_ESMO, *S_SCAN)),
    Item("ESMO-G3-MARKERS", MARKERS, "blood", (2, 3), 2, None, ESMO, (*S_ESMO, *S_MARKERS),
         only_if_functioning=True),

    # CommNETS: "follow-up consultation with CT or MRI" every year for 3 years, then every 1-2 years to 10.
    Item("CN-PANC-VISIT-Y1-3", VISIT, "visit", (12, 12), 12, 3, COMMNETS, S_COMMNETS),
    Item("CN-PANC-SCAN-Y1-3", SCAN, "imaging", (12, 12), 12, 3, COMMNETS, (*S_COMMNETS, *S_SCAN)),
    Item("CN-PANC-MARKERS-Y1-3", MARKERS, "blood", (12, 12), 12, 3, COMMNETS,
         (*S_COMMNETS, *S_WHAT, *S_MARKERS), only_if_functioning=True),
    Item("CN-PANC-VISIT-Y4-10", VISIT, "visit", (12, 24), 48, 10, COMMNETS, S_COMMNETS),
    Item("CN-PANC-SCAN-Y4-10", SCAN, "imaging", (12, 24), 48, 10, COMMNETS, (*S_COMMNETS, *S_SCAN)),
    Item("CN-PANC-MARKERS-Y4-10", MARKERS, "blood", (12, 24), 48, 10, COMMNETS,
         (*S_COMMNETS, *S_WHAT, *S_MARKERS), only_if_functioning=True),

    # Czech: "twice in the first year after resection, then yearly"; it names no end and no tests, so the
    # checks are ESMO's and the yearly ones run for life as ESMO advises.
    Item("CZ-APPX-VISIT-Y1", VISIT, "visit", (6, 6), 6, 1, CZECH, (*S_CZECH, *S_WHAT)),
    Item("CZ-APPX-SCAN-Y1", SCAN, "imaging", (6, 6), 6, 1, CZECH, (*S_CZECH, *S_WHAT, *S_SCAN)),
    Item("CZ-APPX-MARKERS-Y1", MARKERS, "blood", (6, 6), 6, 1, CZECH, (*S_CZECH, *S_WHAT, *S_MARKERS),
         only_if_functioning=True),
    Item("CZ-APPX-VISIT-YEARLY", VISIT, "visit", (12, 12), 24, None, CZECH, (*S_CZECH, *S_WHAT)),
    Item("CZ-APPX-SCAN-YEARLY", SCAN, "imaging", (12, 12), 24, None, CZECH, (*S_CZECH, *S_WHAT, *S_SCAN)),
    Item("CZ-APPX-MARKERS-YEARLY", MARKERS, "blood", (12, 12), 24, None, CZECH,
         (*S_CZECH, *S_WHAT, *S_MARKERS), only_if_functioning=True),

    # NCCN: first at 12 weeks to 12 months (the sooner end, 3 months), then every 12-24 months to 10 years.
    Item("NCCN-LUNG-VISIT", gettext_noop(
        "Check-up with your care team: history and examination"), "visit", (12, 24), 3, 10,
         NCCN, S_NCCN, note=gettext_noop(
             "NCCN: the first check 12 weeks to 12 months after surgery, sooner with symptoms.")),
    Item("NCCN-LUNG-SCAN", LUNG_SCAN, "imaging", (12, 24), 3, 10, NCCN, S_NCCN,
         note=gettext_noop("NCCN: if the first scans are clear, later scans may be less frequent.")),
    Item("NCCN-LUNG-MARKERS", MARKERS, "blood", (12, 24), 3, 10, NCCN, S_NCCN, only_if_functioning=True),
)


@dataclass(frozen=True)
class Condition:
    """A test on the case: True, False, or None when it needs one of `facts` and that fact is missing."""

    label: str
    facts: tuple[str, ...]
    test: Callable[[FollowUpCase], bool | None]


def _grade_in(c: FollowUpCase, grades: set[str]) -> bool | None:
    if c.category == "NEC":
        return False
    return None if c.grade is None else c.grade in grades


def _ki67_at_most_5(c: FollowUpCase) -> bool | None:
    if c.ki67_percent is not None:
        return c.ki67_percent <= 5
    return True if c.grade == "G1" else None  # G1 means a Ki-67 below 3 % (WHO 2019)


def _size(c: FollowUpCase, test: Callable[[float], bool]) -> bool | None:
    return None if c.size_cm is None else test(c.size_cm)


def _nodes_negative(c: FollowUpCase) -> bool | None:
    """N0, or an AJCC 8th stage I or II of a digestive site (both need N0); NX tells nothing."""
    if c.N in NODES_POSITIVE:
        return False
    if c.N == "N0" or (c.N is None and not c.lung and c.stage in {"I", "II", "IIA", "IIB"}):
        return True
    return False if not c.lung and c.stage == "IIIB" else None


def _no_distant_spread(c: FollowUpCase) -> bool | None:
    if c.M is not None:
        return c.M not in DISTANT_SPREAD
    return None if c.stage is None else c.stage != "IV"


def _margin_in(c: FollowUpCase, margins: set[str]) -> bool | None:
    if not c.resected:
        return False
    return None if c.margin is None else c.margin in margins


def _appendix_or_rectum(c: FollowUpCase) -> bool | None:
    return True if c.site == "appendix" else c.rectum if c.site == "colon_rectum" else False


def _lung_carcinoid(c: FollowUpCase) -> bool | None:
    if c.category is None:
        return None
    return c.category in {"typical_carcinoid", "atypical_carcinoid"}


DIGESTIVE = Condition("site is digestive (not lung)", (), lambda c: not c.lung)
LUNG = Condition("site is lung", (), lambda c: c.lung)
APPENDIX = Condition("site is appendix", (), lambda c: c.site == "appendix")
PANCREAS = Condition("site is pancreas", (), lambda c: c.site == "pancreas")
APPENDIX_OR_RECTUM = Condition("appendix, or colon_rectum in the rectum", ("rectum",), _appendix_or_rectum)
LUNG_CARCINOID = Condition("typical or atypical carcinoid", ("category",), _lung_carcinoid)
G1 = Condition("grade G1", ("grade",), lambda c: _grade_in(c, {"G1"}))
G1_G2 = Condition("grade G1 or G2", ("grade",), lambda c: _grade_in(c, {"G1", "G2"}))
G3_OR_NEC = Condition("grade G3 or category NEC", (), lambda c: c.grade == "G3" or c.category == "NEC")
GRADE_UNKNOWN = Condition("no grade, not NEC", (), lambda c: c.grade is None and c.category != "NEC")
KI67_AT_MOST_5 = Condition("Ki-67 at most 5 %", ("ki67_percent",), _ki67_at_most_5)
UNDER_1CM = Condition("size under 1 cm", ("size_cm",), lambda c: _size(c, lambda cm: cm < 1))
UNDER_2CM = Condition("size under 2 cm", ("size_cm",), lambda c: _size(c, lambda cm: cm < 2))
FROM_1_TO_2CM = Condition("size 1 to 2 cm", ("size_cm",), lambda c: _size(c, lambda cm: 1 <= cm <= 2))
OVER_2CM = Condition("size over 2 cm", ("size_cm",), lambda c: _size(c, lambda cm: cm > 2))
NODES_NEGATIVE = Condition("no affected lymph nodes", ("N",), _nodes_negative)
NO_DISTANT_SPREAD = Condition("no distant spread", ("M",), _no_distant_spread)
RESECTED = Condition("removed", (), lambda c: c.resected)
R0 = Condition("removed with margin R0", ("margin",), lambda c: _margin_in(c, {"R0"}))
R0_R1 = Condition("removed with margin R0 or R1", ("margin",), lambda c: _margin_in(c, {"R0", "R1"}))
# Distant spread, or not knowing, counts as disease left behind: the margin is the primary tumour's.
NOT_ALL_REMOVED = Condition("not removed, margin R2 or unknown, or distant spread (or not known)", (),
                            lambda c: not c.resected or c.margin not in {"R0", "R1"}
                            or _no_distant_spread(c) is not True)
NO_R2 = Condition("not left with visible tumour (R2)", (), lambda c: c.margin != "R2")
NO_ADVERSE = Condition("no adverse histological features", ("adverse_features",),
                       lambda c: None if c.adverse_features is None else not c.adverse_features)


@dataclass(frozen=True)
class ScheduleRule:
    """When a schedule applies (`when`), its checks, and in plain words what it suggests (`summary`, quoted
    when a missing fact keeps it from applying) and why (`note`, added when it applies)."""

    id: str
    when: tuple[Condition, ...]
    items: tuple[str, ...]
    no_routine_follow_up: bool
    summary: str
    note: str
    guideline: str
    sources: tuple[str, ...]


G12_ITEMS = ("ESMO-G12-VISIT", "ESMO-G12-SCAN", "ESMO-G12-MARKERS", "ESMO-G12-VISIT-AFTER-5Y",
             "ESMO-G12-SCAN-AFTER-5Y", "ESMO-G12-MARKERS-AFTER-5Y")
ADVANCED_G12_ITEMS = ("ESMO-ADV-G12-VISIT", "ESMO-ADV-G12-SCAN", "ESMO-ADV-G12-MARKERS")
G3_ITEMS = ("ESMO-G3-VISIT", "ESMO-G3-SCAN", "ESMO-G3-MARKERS")
PANCREAS_ITEMS = ("CN-PANC-VISIT-Y1-3", "CN-PANC-SCAN-Y1-3", "CN-PANC-MARKERS-Y1-3", "CN-PANC-VISIT-Y4-10",
                  "CN-PANC-SCAN-Y4-10", "CN-PANC-MARKERS-Y4-10")
APPENDIX_ITEMS = ("CZ-APPX-VISIT-Y1", "CZ-APPX-SCAN-Y1", "CZ-APPX-MARKERS-Y1", "CZ-APPX-VISIT-YEARLY",
                  "CZ-APPX-SCAN-YEARLY", "CZ-APPX-MARKERS-YEARLY")
LUNG_ITEMS = ("NCCN-LUNG-VISIT", "NCCN-LUNG-SCAN", "NCCN-LUNG-MARKERS")
NO_CHECKS = ()
APPENDIX_SUMMARY = (gettext_noop(
    "check-ups twice in the first year, then yearly (Czech guideline: an appendix NET G1 or G2 "
                    "removed with clear edges)."))

SCHEDULES: tuple[ScheduleRule, ...] = (
    ScheduleRule("FU-ESMO-NO-FU-APPENDIX-RECTUM",
        (APPENDIX_OR_RECTUM, G1, UNDER_1CM, NODES_NEGATIVE, NO_DISTANT_SPREAD, RESECTED, R0, NO_ADVERSE),
        NO_CHECKS, True,
        gettext_noop(
            "no routine follow-up (ESMO 2020: a G1 NET under 1 cm of the appendix or rectum, removed completely, "
        "with no adverse features)."),
        gettext_noop("No routine follow-up checks are needed after complete removal of a small G1 NET of the appendix "
        "or rectum. If new symptoms appear, contact your care team."),
        ESMO, S_ESMO),
    ScheduleRule("FU-CN-PANC-NO-FU",
        (PANCREAS, G1, UNDER_2CM, NODES_NEGATIVE, NO_DISTANT_SPREAD, RESECTED, R0),
        NO_CHECKS, True,
        gettext_noop("no follow-up (CommNETS/NANETS 2018: a G1 pancreatic NET under 2 cm with no affected lymph nodes, "
        "removed completely)."),
        gettext_noop("No routine follow-up checks are needed after complete removal of a small G1 NET of the pancreas "
        "(under 2 cm) with no affected lymph nodes. If new symptoms appear, contact your care team."),
        COMMNETS, S_COMMNETS),
    # Czech appendix rows: under 1 cm with R0 no routine checks, 1-2 cm with R0 "consider follow-up",
    # over 2 cm checks twice in the first year, then yearly. That timing lies within ESMO's 6-12 months and
    # is used for every appendix NET G1/G2 removed with R0 that ESMO's no-follow-up row does not cover: under
    # 1 cm (ESMO asks for G1 and no adverse features) and 1-2 cm (no Czech schedule). R1 gets ESMO's closer
    # checks at any size, so a larger tumour never gets fewer checks than a smaller one.
    ScheduleRule("FU-CZ-APPENDIX-UNDER-1CM",
        (APPENDIX, G1_G2, UNDER_1CM, NO_DISTANT_SPREAD, RESECTED, R0),
        APPENDIX_ITEMS, False,
        APPENDIX_SUMMARY,
        gettext_noop(
            "The Czech guideline sees no need for routine checks after complete (R0) removal of an appendix NET "
        "under 1 cm, but ESMO limits this to G1 without adverse features. The Czech timing for larger "
        "appendix NETs is suggested until your care team decides."),
        CZECH, S_CZECH),
    ScheduleRule("FU-CZ-APPENDIX-1-2CM",
        (APPENDIX, G1_G2, FROM_1_TO_2CM, NO_DISTANT_SPREAD, RESECTED, R0),
        APPENDIX_ITEMS, False,
        APPENDIX_SUMMARY,
        gettext_noop("For an appendix NET of 1-2 cm removed with clear edges, the Czech guideline says follow-up is "
        "worth considering, without a schedule. The schedule for larger appendix NETs is suggested; your "
        "care team may decide that fewer checks are enough."),
        CZECH, S_CZECH),
    ScheduleRule("FU-CZ-APPENDIX-OVER-2CM",
        (APPENDIX, G1_G2, OVER_2CM, NO_DISTANT_SPREAD, RESECTED, R0),
        APPENDIX_ITEMS, False,
        APPENDIX_SUMMARY,
        gettext_noop("For an appendix NET over 2 cm the Czech guideline advises checks twice in the first year, then "
        "once a year. It sets no end; ESMO advises follow-up for life."),
        CZECH, S_CZECH),
    # CommNETS wants more frequent checks with an affected node or a Ki-67 above 5 %, without saying how
    # often: those cases fall through to ESMO's interval (FU-NOTE-CN-PANC-HIGHER-RISK says so).
    ScheduleRule("FU-CN-PANC-RESECTED",
        (PANCREAS, G1_G2, KI67_AT_MOST_5, NODES_NEGATIVE, NO_DISTANT_SPREAD, RESECTED, R0),
        PANCREAS_ITEMS, False,
        gettext_noop("a check-up with a CT or MRI scan every year for 3 years, then every 1-2 years up to 10 years "
        "(CommNETS/NANETS 2018)."),
        gettext_noop("After complete removal of a pancreatic NET, CommNETS/NANETS advise a check-up with a scan every "
        "year for 3 years, then every 1-2 years, for 10 years in all."),
        COMMNETS, S_COMMNETS),
    ScheduleRule("FU-NCCN-LUNG-RESECTED",
        (LUNG, LUNG_CARCINOID, RESECTED, NO_R2),
        LUNG_ITEMS, False,
        gettext_noop("NCCN's checks after surgery for a lung carcinoid: the first at 3-12 months, then every 1-2 years "
        "up to 10 years."),
        gettext_noop("After 10 years, NCCN suggests more checks only when there is a medical reason for them."),
        NCCN, S_NCCN),
    ScheduleRule("FU-LUNG-NO-SCHEDULE",
        (LUNG,),
        NO_CHECKS, False,
        gettext_noop("no suggested schedule."),
        gettext_noop("The guidelines this tool follows give no follow-up schedule for this lung tumour (one that is "
        "high grade, was not removed, or whose type is not known). Your care team will plan your checks."),
        # NCCN's lung schedule is the only one here, and it covers removed carcinoids only.
        "none (no source covers it)", S_NCCN),
    ScheduleRule("FU-ESMO-RESECTED-G1G2",
        (DIGESTIVE, G1_G2, R0_R1, NO_DISTANT_SPREAD),
        G12_ITEMS, False,
        gettext_noop("checks every 6-12 months, and every 1-2 years after 5 years (ESMO 2020: a G1 or G2 NET removed "
        "with margin R0 or R1, without distant spread)."),
        gettext_noop("ESMO advises follow-up for life after removal of a G1 or G2 NET: every 6-12 months, and after 5 "
        "years every 1-2 years."),
        ESMO, S_ESMO),
    # ESMO: "similar re-staging/assessment intervals" for advanced or inoperable disease. Mapped to the
    # same 6-12 months, without the lengthening after 5 years that ESMO describes for follow-up after surgery.
    ScheduleRule("FU-ESMO-ADVANCED-G1G2",
        (DIGESTIVE, G1_G2, NOT_ALL_REMOVED),
        ADVANCED_G12_ITEMS, False,
        gettext_noop("checks every 6-12 months for life (ESMO 2020: a G1 or G2 NET)."),
        gettext_noop("For a tumour that was not removed, not completely removed, whose margin is not known, or that "
        "has spread further (or where that is not known), ESMO advises the same gaps between checks as after "
        "surgery. This schedule uses 6-12 months for life "
        "and does not lengthen them after 5 years."),
        ESMO, S_ESMO),
    ScheduleRule("FU-ESMO-G3-NEC",
        (DIGESTIVE, G3_OR_NEC),
        G3_ITEMS, False,
        gettext_noop("checks every 2-3 months for life (ESMO 2020: G3 or NEC)."),
        gettext_noop("For a high-grade tumour (G3 or NEC) ESMO advises checks every 2-3 months for life, after surgery "
        "and for advanced disease alike. The gaps stay short because it can come back even years later."),
        ESMO, S_ESMO),
    ScheduleRule("FU-ESMO-GRADE-UNKNOWN",
        (DIGESTIVE, GRADE_UNKNOWN),
        G3_ITEMS, False,
        gettext_noop("checks every 2-3 months for life (ESMO 2020)."),
        gettext_noop(
            "The grade is not known, so ESMO's shortest gap between checks (the one for G3) is suggested until "
        "it is known."),
        ESMO, S_ESMO),
)

# Plain names of the facts a note asks for when a lighter schedule needs them.
FACT_NAMES = {
    "grade": gettext_noop("the grade (G1, G2 or G3)"),
    "category": gettext_noop("the type of lung tumour (typical or atypical carcinoid, or high grade)"),
    "ki67_percent": gettext_noop("the Ki-67 index"),
    "size_cm": gettext_noop("the size of the tumour"),
    "N": gettext_noop("whether lymph nodes were affected (N)"),
    "M": gettext_noop("whether it had spread to distant organs (M)"),
    "margin": gettext_noop("whether the edges of the removed tissue were clear (margin R0, R1 or R2)"),
    "adverse_features": gettext_noop("whether the pathology report names adverse features"),
    "rectum": gettext_noop("whether the tumour is in the rectum or the colon"),
}


@dataclass(frozen=True)
class NoteRule:
    """A sentence added when `when(case, schedule id, item ids)` holds."""

    id: str
    when: Callable[[FollowUpCase, str, frozenset[str]], bool]
    text: str
    guideline: str
    sources: tuple[str, ...]


G12_SCHEDULES = frozenset({"FU-ESMO-RESECTED-G1G2", "FU-ESMO-ADVANCED-G1G2"})
HIGH_OR_UNKNOWN_GRADE = frozenset({"FU-ESMO-G3-NEC", "FU-ESMO-GRADE-UNKNOWN"})


def _has(items: frozenset[str], kind: str) -> bool:
    return any(ITEMS[i].kind == kind for i in items)


NOTES: tuple[NoteRule, ...] = (
    # NCCN says this of well-differentiated G1/G2 NETs (NET-8), so not for G3, NEC or an unknown grade.
    NoteRule("FU-NOTE-NO-SSTR-FDG",
        lambda c, s, items: c.resected and s not in HIGH_OR_UNKNOWN_GRADE and _has(items, "imaging"),
        gettext_noop(
            "Scans that show hormone receptors (SSTR PET, such as gallium-68 DOTATATE PET) and FDG-PET scans are "
        "not used for routine checks after surgery. Your care team may still use them to answer a specific "
        "question."), NCCN, S_NCCN),
    NoteRule("FU-NOTE-NO-CGA", lambda c, s, items: not c.lung and _has(items, "blood"),
        gettext_noop(
            "Chromogranin A (CgA) is not suggested as a follow-up blood test: AJCC version 9 advises against it "
        "for NETs of the gut and pancreas."), AJCC9, S_AJCC9),
    NoteRule("FU-NOTE-FUNCTIONING-UNKNOWN", lambda c, s, items: c.functioning is None and _has(items, "blood"),
        gettext_noop(
            "Hormone tests are listed because it is not known whether the tumour makes hormones. If it does not, "
        "they can be left out."), ESMO, (*S_ESMO, *S_MARKERS)),
    NoteRule("FU-NOTE-ESMO-G2", lambda c, s, items: s in G12_SCHEDULES and c.grade == "G2",
        gettext_noop(
            "ESMO gives 6-12 months for a G1 or G2 NET with a low Ki-67. With a higher Ki-67 your care team may "
        "choose shorter gaps."), ESMO, S_ESMO),
    NoteRule("FU-NOTE-ESMO-NET-G3", lambda c, s, items: s == "FU-ESMO-G3-NEC" and c.category == "NET",
        gettext_noop(
            "ESMO sets 2-3 months for G3 NEC and 6-12 months for G1 or G2 NET; a NET G3 lies between. The shorter "
        "gap is suggested until your care team decides."), ESMO, S_ESMO),
    NoteRule("FU-NOTE-CN-PANC-HIGHER-RISK",
        lambda c, s, items: s in G12_SCHEDULES and c.site == "pancreas" and c.resected and (
            c.N in NODES_POSITIVE or (c.ki67_percent is not None and c.ki67_percent > 5)),
        gettext_noop(
            "CommNETS/NANETS advise closer checks, for at least 10 years, after a pancreatic NET with an affected "
        "lymph node or a Ki-67 above 5 %. They set no interval, so ESMO's is used."), COMMNETS, S_COMMNETS),
)
