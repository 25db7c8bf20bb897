"""The AJCC 8th-edition TNM tables for well-differentiated NETs, one row per line, per site.

Each row has an id, what it gives (a T, N, M or stage group), its condition written as data (the
invasion levels and size range it covers, a range of positive nodes, where metastases are) and its
sources: the bibliography ids of the tables it comes from. Within a site, the highest T (or N) whose row
matches wins: that is how the AJCC text reads ("T2: invades the muscularis propria OR > 1 cm").

Invasion levels are listed shallow to deep per site, and only the levels that the site's AJCC T
definitions name exist for it ("mucosa" stands for the lamina propria). Any change to a table bumps
TABLES_VERSION (a test holds the fingerprint of every row).
"""

from __future__ import annotations

from dataclasses import dataclass

from netcompanion.translatable import gettext_noop

EDITION = "AJCC 8th"
TABLES_VERSION = "2026.12.2"

# Each row cites bibliography ids (netcompanion/bibliography/sources.toml). The NCI PDQ pages reprint the
# AJCC 8th tables with permission; PathologyOutlines and the other pages cross-check them.
PDQ = "nci-pdq-gi-net-hp"
ST = (PDQ, "pathologyoutlines-stomach-net-staging")
DA = (PDQ,)
# '> 1 cm' as in the table the NCI PDQ reprints (PathologyOutlines writes '≥ 1 cm').
DA_SIZE = (PDQ,)
JI = (PDQ, "wjgs-2023-gi-nen-tables")
# N1 fewer than 12 nodes; N2 12 or more, or a mesenteric mass over 2 cm.
JI_N = ("wjgs-2023-gi-nen-tables", PDQ)
AP = (PDQ, "pathologyoutlines-appendix-net-staging")
CR = (PDQ, "pathologyoutlines-colon-net-staging")
# T1a/T1b: '< 1 cm' (2021 wording) or '≤ 1 cm' (later wording), so exactly 1 cm fits T1a or T1b; the split
# does not change the stage group (stage I is any T1 N0 M0 in the NCI PDQ reprint).
CR_T1_SPLIT = ("pathologyoutlines-colon-net-staging", PDQ)
PA = ("nci-pdq-pnet-hp", "curr-oncol-2023-pannet-staging")
# AJCC 8th wording 'T1 < 2 cm, T2 2–4 cm, T3 > 4 cm'; extension into peripancreatic fat is not a basis for
# staging (nci-pdq-pnet-hp).
PA_SIZE = ("curr-oncol-2023-pannet-staging", "nci-pdq-pnet-hp")
# The common M categories (M1a liver only, M1b outside the liver only, M1c both), confirmed per site.
M_SPLIT = {"ST": ("pathologyoutlines-stomach-net-staging", "cap-stomach-net-checklist"),
           "JI": ("wjgs-2023-gi-nen-tables",), "AP": ("pathologyoutlines-appendix-net-staging",),
           "CR": ("egeus-rectal-net", "pathologyoutlines-colon-net-staging"), "PA": ("nci-pdq-pnet-hp",)}
# The NCI PDQ reprint gives only 'M1 = distant metastases' for this chapter; the M1a/b/c split could not be
# confirmed for it, so M1 is not split.
DA_NO_SPLIT = (PDQ,)
# Well-differentiated NETs only; a NEC or MiNEN is staged as a carcinoma of the organ.
SCOPE = ("pathologyoutlines-stomach-net-staging", "pathologyoutlines-appendix-net-staging",
         "pathologyoutlines-colon-net-staging")
NOT_ASSESSED = (PDQ,)
CATEGORIES = (PDQ,)

METASTASIS_PLACES = ("liver", "lung", "bone", "peritoneum", "distant_nodes", "brain", "other")

T_ORDER = ("T1", "T2", "T3", "T4")
N_ORDER = ("N0", "N1", "N2")
# A subcategory counts as its parent for stage groups and for checks against the facts.
PARENT = {"T1a": "T1", "T1b": "T1", "M1a": "M1", "M1b": "M1", "M1c": "M1"}


@dataclass(frozen=True)
class Size:
    """A size range in cm, each end open or closed as the AJCC text words it; None: no end."""

    low: float | None
    low_closed: bool
    high: float | None
    high_closed: bool

    def __contains__(self, cm: float) -> bool:
        if self.low is not None and (cm < self.low or (cm == self.low and not self.low_closed)):
            return False
        return self.high is None or cm < self.high or (cm == self.high and self.high_closed)


def at_most(cm: float) -> Size:
    return Size(None, False, cm, True)


def under(cm: float) -> Size:
    return Size(None, False, cm, False)


def over(cm: float) -> Size:
    return Size(cm, False, None, False)


def over_at_most(low: float, high: float) -> Size:
    return Size(low, False, high, True)


def from_to(low: float, high: float) -> Size:
    return Size(low, True, high, True)


@dataclass(frozen=True)
class TRow:
    id: str
    T: str
    invasion: tuple[str, ...]
    size: Size | None  # None: any size
    sources: tuple[str, ...]


@dataclass(frozen=True)
class NRow:
    id: str
    N: str
    nodes_from: int | None  # lowest count of positive nodes; None: the count is not read
    nodes_to: int | None  # highest; None: no upper end
    mass_over_cm: float | None  # a mesenteric mass larger than this; None: not read
    sources: tuple[str, ...]


@dataclass(frozen=True)
class MRow:
    id: str
    M: str
    liver: bool
    elsewhere: bool  # any place other than the liver
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StageRow:
    id: str
    T: tuple[str, ...]
    N: tuple[str, ...]
    M: tuple[str, ...]
    stage: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    """A rule about missing or given values rather than a line of an AJCC table."""

    id: str
    rule: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SiteTable:
    name: str
    invasion: tuple[str, ...]
    t_rows: tuple[TRow, ...]
    n_rows: tuple[NRow, ...]
    m_rows: tuple[MRow, ...]
    stage_rows: tuple[StageRow, ...]
    t_subcategories: tuple[TRow, ...] = ()

    @property
    def t_values(self) -> tuple[str, ...]:
        values = ["TX"]
        for t in T_ORDER:
            values.append(t)
            values.extend(r.T for r in self.t_subcategories if PARENT[r.T] == t)
        return tuple(values)

    @property
    def n_values(self) -> tuple[str, ...]:
        return ("NX", *(n for n in N_ORDER if any(r.N == n for r in self.n_rows)))

    @property
    def m_values(self) -> tuple[str, ...]:
        values = list(dict.fromkeys(r.M for r in self.m_rows))
        if any(m in PARENT for m in values):
            values.insert(1, "M1")
        return tuple(values)

    @property
    def reads_mesenteric_mass(self) -> bool:
        return any(r.mass_over_cm is not None for r in self.n_rows)

    @property
    def size_limits(self) -> tuple[float, ...]:
        ends = {end for r in self.t_rows if r.size for end in (r.size.low, r.size.high) if end is not None}
        return tuple(sorted(ends))


WALL = ("mucosa", "submucosa")
# Extension into peripancreatic fat still counts as "limited to the pancreas": T comes from the size.
LIMITED = ("confined_to_pancreas", "peripancreatic")


def _n0_n1(prefix: str, sources: tuple[str, ...]) -> tuple[NRow, ...]:
    return (
        NRow(f"{prefix}-N0", "N0", 0, 0, None, sources),
        NRow(f"{prefix}-N1", "N1", 1, None, None, sources),
    )


def _m_split(prefix: str) -> tuple[MRow, ...]:
    sources = M_SPLIT[prefix]
    return (
        MRow(f"{prefix}-M0", "M0", False, False, sources),
        MRow(f"{prefix}-M1A", "M1a", True, False, sources),
        MRow(f"{prefix}-M1B", "M1b", False, True, sources),
        MRow(f"{prefix}-M1C", "M1c", True, True, sources),
    )


def _i_to_iv(prefix: str, n_nodes: tuple[str, ...], sources: tuple[str, ...]) -> tuple[StageRow, ...]:
    """The grouping that stomach, duodenum/ampulla, jejunum/ileum, appendix and pancreas share."""
    return (
        StageRow(f"{prefix}-I", ("T1",), ("N0",), ("M0",), "I", sources),
        StageRow(f"{prefix}-II", ("T2", "T3"), ("N0",), ("M0",), "II", sources),
        StageRow(f"{prefix}-III-T4", ("T4",), ("N0",), ("M0",), "III", sources),
        StageRow(f"{prefix}-III-N", T_ORDER, n_nodes, ("M0",), "III", sources),
        StageRow(f"{prefix}-IV", T_ORDER, ("N0", *n_nodes), ("M1",), "IV", sources),
    )


DA_N = _n0_n1("DA", DA)
DA_M = (
    MRow("DA-M0", "M0", False, False, DA),
    MRow("DA-M1-LIVER", "M1", True, False, DA_NO_SPLIT),
    MRow("DA-M1-ELSEWHERE", "M1", False, True, DA_NO_SPLIT),
    MRow("DA-M1-BOTH", "M1", True, True, DA_NO_SPLIT),
)
DA_GROUPS = _i_to_iv("DA", ("N1",), DA)

SITES: dict[str, SiteTable] = {
    "stomach": SiteTable(
        name=gettext_noop("stomach"),
        invasion=("mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa", "adjacent_organs"),
        t_rows=(
            TRow("ST-T1", "T1", WALL, at_most(1), ST),
            TRow("ST-T2-DEPTH", "T2", ("muscularis_propria",), None, ST),
            TRow("ST-T2-SIZE", "T2", WALL, over(1), ST),
            TRow("ST-T3", "T3", ("subserosa",), None, ST),
            TRow("ST-T4", "T4", ("serosa", "adjacent_organs"), None, ST),
        ),
        n_rows=_n0_n1("ST", ST),
        m_rows=_m_split("ST"),
        stage_rows=_i_to_iv("ST", ("N1",), ST),
    ),
    "duodenum": SiteTable(
        name=gettext_noop("duodenum"),
        # T3 is "invades the pancreas or peripancreatic adipose tissue": level "peripancreatic".
        invasion=("mucosa", "submucosa", "muscularis_propria", "peripancreatic", "serosa", "adjacent_organs"),
        t_rows=(
            TRow("DU-T1", "T1", WALL, at_most(1), DA),
            TRow("DU-T2-DEPTH", "T2", ("muscularis_propria",), None, DA),
            TRow("DU-T2-SIZE", "T2", WALL, over(1), DA_SIZE),
            TRow("DU-T3", "T3", ("peripancreatic",), None, DA),
            TRow("DU-T4", "T4", ("serosa", "adjacent_organs"), None, DA),
        ),
        n_rows=DA_N,
        m_rows=DA_M,
        stage_rows=DA_GROUPS,
    ),
    "ampulla": SiteTable(
        name=gettext_noop("ampulla of Vater"),
        # "submucosa" and "muscularis_propria" here are the duodenal layers beyond the sphincter of Oddi.
        invasion=("confined_to_sphincter", "submucosa", "muscularis_propria", "peripancreatic", "serosa",
                  "adjacent_organs"),
        t_rows=(
            TRow("AM-T1", "T1", ("confined_to_sphincter",), at_most(1), DA),
            TRow("AM-T2-DEPTH", "T2", ("submucosa", "muscularis_propria"), None, DA),
            TRow("AM-T2-SIZE", "T2", ("confined_to_sphincter",), over(1), DA_SIZE),
            TRow("AM-T3", "T3", ("peripancreatic",), None, DA),
            TRow("AM-T4", "T4", ("serosa", "adjacent_organs"), None, DA),
        ),
        n_rows=DA_N,
        m_rows=DA_M,
        stage_rows=DA_GROUPS,
    ),
    "jejunum_ileum": SiteTable(
        name=gettext_noop("jejunum or ileum"),
        invasion=("mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa", "adjacent_organs"),
        t_rows=(
            TRow("JI-T1", "T1", WALL, at_most(1), JI),
            TRow("JI-T2-DEPTH", "T2", ("muscularis_propria",), None, JI),
            TRow("JI-T2-SIZE", "T2", WALL, over(1), JI),
            TRow("JI-T3", "T3", ("subserosa",), None, JI),
            TRow("JI-T4", "T4", ("serosa", "adjacent_organs"), None, JI),
        ),
        # A mesenteric mass of 2 cm or less does not change N (NCCN, citing AJCC version 9:
        # nccn-neuroendocrine-adrenal).
        n_rows=(
            NRow("JI-N0", "N0", 0, 0, None, JI_N),
            NRow("JI-N1", "N1", 1, 11, None, JI_N),
            NRow("JI-N2-NODES", "N2", 12, None, None, JI_N),
            NRow("JI-N2-MASS", "N2", None, None, 2, JI_N),
        ),
        m_rows=_m_split("JI"),
        stage_rows=_i_to_iv("JI", ("N1", "N2"), JI),
    ),
    "appendix": SiteTable(
        name=gettext_noop("appendix"),
        # "serosa": the tumour perforates the peritoneum (T4).
        invasion=("mucosa", "submucosa", "muscularis_propria", "subserosa", "mesoappendix", "serosa",
                  "adjacent_organs"),
        t_rows=(
            TRow("AP-T1", "T1", (*WALL, "muscularis_propria"), at_most(2), AP),
            TRow("AP-T2", "T2", (*WALL, "muscularis_propria"), over_at_most(2, 4), AP),
            TRow("AP-T3-SIZE", "T3", (*WALL, "muscularis_propria"), over(4), AP),
            TRow("AP-T3-DEPTH", "T3", ("subserosa", "mesoappendix"), None, AP),
            TRow("AP-T4", "T4", ("serosa", "adjacent_organs"), None, AP),
        ),
        n_rows=_n0_n1("AP", AP),
        m_rows=_m_split("AP"),
        stage_rows=_i_to_iv("AP", ("N1",), AP),
    ),
    "colon_rectum": SiteTable(
        name=gettext_noop("colon or rectum"),
        invasion=("mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa", "adjacent_organs"),
        t_rows=(
            TRow("CR-T1", "T1", WALL, at_most(2), CR),
            TRow("CR-T2-DEPTH", "T2", ("muscularis_propria",), None, CR),
            TRow("CR-T2-SIZE", "T2", WALL, over(2), CR),
            TRow("CR-T3", "T3", ("subserosa",), None, CR),
            TRow("CR-T4", "T4", ("serosa", "adjacent_organs"), None, CR),
        ),
        # Given directly only: computed T stays T1, since the sources differ at exactly 1 cm.
        t_subcategories=(
            TRow("CR-T1A", "T1a", WALL, at_most(1), CR_T1_SPLIT),
            TRow("CR-T1B", "T1b", WALL, from_to(1, 2), CR_T1_SPLIT),
        ),
        n_rows=_n0_n1("CR", CR),
        m_rows=_m_split("CR"),
        stage_rows=(
            StageRow("CR-I", ("T1",), ("N0",), ("M0",), "I", CR),
            StageRow("CR-IIA", ("T2",), ("N0",), ("M0",), "IIA", CR),
            StageRow("CR-IIB", ("T3",), ("N0",), ("M0",), "IIB", CR),
            StageRow("CR-IIIA", ("T4",), ("N0",), ("M0",), "IIIA", CR),
            StageRow("CR-IIIB", T_ORDER, ("N1",), ("M0",), "IIIB", CR),
            StageRow("CR-IV", T_ORDER, ("N0", "N1"), ("M1",), "IV", CR),
        ),
    ),
    "pancreas": SiteTable(
        name=gettext_noop("pancreas"),
        invasion=("confined_to_pancreas", "peripancreatic", "duodenum_or_bile_duct", "adjacent_organs",
                  "large_vessels"),
        t_rows=(
            TRow("PA-T1", "T1", LIMITED, under(2), PA_SIZE),
            TRow("PA-T2", "T2", LIMITED, from_to(2, 4), PA_SIZE),
            TRow("PA-T3-SIZE", "T3", LIMITED, over(4), PA_SIZE),
            TRow("PA-T3-DEPTH", "T3", ("duodenum_or_bile_duct",), None, PA),
            TRow("PA-T4-ORGANS", "T4", ("adjacent_organs",), None, PA),
            TRow("PA-T4-VESSELS", "T4", ("large_vessels",), None, PA),
        ),
        n_rows=_n0_n1("PA", PA),
        m_rows=_m_split("PA"),
        stage_rows=_i_to_iv("PA", ("N1",), PA),
    ),
}

TX = Row("TX", "No size and no depth given: T is TX, the primary tumour cannot be assessed.", NOT_ASSESSED)
NX = Row("NX", "No count of lymph nodes with cancer: N is NX, the nodes cannot be assessed.", NOT_ASSESSED)
T_GIVEN = Row("T-GIVEN", "T as given, checked against the size and depth when those are given too.", CATEGORIES)
N_GIVEN = Row("N-GIVEN", "N as given, checked against the node count and mesenteric mass when given too.",
              CATEGORIES)
M_GIVEN = Row("M-GIVEN", "M as given, checked against the places of metastases when those are given too.",
              CATEGORIES)
GENERAL_ROWS = (TX, NX, T_GIVEN, N_GIVEN, M_GIVEN)

# Shown with results, in plain words.
WARNINGS = {
    "scope": (gettext_noop(
        "This staging is for well-differentiated neuroendocrine tumours (NETs), whose cells still look much like "
        "normal cells. A neuroendocrine carcinoma (NEC) or a mixed tumour (MiNEN) is staged in another way."), SCOPE),
    "n2": (gettext_noop(
        "N2 means cancer in 12 or more lymph nodes, or a lump over 2 cm in the mesentery (the tissue that holds the "
        "bowel in place). It still counts as stage III: it does not make the stage higher."), JI_N),
    "m_not_split": (gettext_noop(
        "For the duodenum and ampulla we show M1 without the a, b or c split, because we could not confirm that "
        "split for this part of the AJCC manual."), DA_NO_SPLIT),
    "pancreas_2cm": (gettext_noop(
        "A pancreatic tumour of exactly 2 cm is T2 in the AJCC 8th wording (T1 is under 2 cm). Some other staging "
        "systems count it as T1."), PA_SIZE),
    "tx_settled": (gettext_noop(
        "The size and depth of the tumour were not given (TX), but the stage is the same whatever they are."),
        NOT_ASSESSED),
    "nx_settled": (gettext_noop(
        "The lymph nodes were not assessed (NX), but the stage is the same whatever they show."), NOT_ASSESSED),
    # The contract reads "no places given" as M0 (AJCC 8th has no MX); say so, so no one reads it as a finding.
    "m0_assumed": (gettext_noop(
        "No M and no places of spread were given, so this takes it that the tumour has not spread to distant organs "
        "(M0). Check that against the report and the scans."), CATEGORIES),
    # Reports often leave out a mesenteric mass when there is none; with distant spread it is not said (engine).
    "mass_assumed": (gettext_noop(
        "No size was given for a lump in the mesentery (the tissue that holds the bowel in place), so this takes it "
        "that there is no lump over 2 cm. A lump over 2 cm would make it N2, which is stage III. Check that against "
        "the report and the scans."), JI_N),
}

INVASION_BY_SITE = {site: table.invasion for site, table in SITES.items()}
T_BY_SITE = {site: table.t_values for site, table in SITES.items()}
N_BY_SITE = {site: table.n_values for site, table in SITES.items()}
M_BY_SITE = {site: table.m_values for site, table in SITES.items()}
