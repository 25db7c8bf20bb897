"""stage(data) -> StageResult: the AJCC 8th T, N and M categories and the stage group of a NET.

A missing fact never lowers a category unless a warning says so. Where size or depth is missing,
every value it could take is tried: T is given only when they all agree, otherwise the missing
field is asked for (with neither, T is TX). Lymph nodes work the same way, except that no node count
at all means NX, and that a count without the size of a mesenteric mass (jejunum and ileum) is read
as no mass over 2 cm, as no places of spread are read as M0: pathology reports often leave the mass
out when there is none, and a warning names the assumption.
A T, N or M given directly must fit the facts given with it. When T is TX or N is NX, the stage
group is given only if every possible T (or N) leads to the same group.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from netcompanion.contract import FieldError
from netcompanion.staging.inputs import InvalidInput, StagingInput, parse_input
from netcompanion.staging.tables import (
    EDITION,
    M_GIVEN,
    N_GIVEN,
    N_ORDER,
    NX,
    PARENT,
    SITES,
    T_GIVEN,
    T_ORDER,
    TABLES_VERSION,
    TX,
    WARNINGS,
    MRow,
    NRow,
    Row,
    SiteTable,
    StageRow,
    TRow,
)
from netcompanion.translatable import Wording, gettext_noop

AnyRow = TRow | NRow | MRow | StageRow | Row


class StageResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    site: str
    edition: str
    tables_version: str
    T: str
    N: str
    M: str
    stage: str | None
    stage_reason: str | None
    stage_reason_wording: Wording | None = None  # stage_reason as a template and its values, to translate
    rules: list[str]
    sources: list[str]
    warnings: list[str]

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


class _Refused(Exception):
    def __init__(self, field: str, text: str, **params: str | Wording) -> None:
        wording = Wording(text=text, params=params)
        self.error = FieldError(field, wording.in_language(), wording=wording)


def _either(values: list[str]) -> str | Wording:
    """One category, or a choice said with a translated "or"."""
    if len(values) == 1:
        return values[0]
    return Wording(text=gettext_noop("%(some)s or %(last)s"), params={"some": ", ".join(values[:-1]),
                                                                        "last": values[-1]})


def _size_candidates(limits: tuple[float, ...]) -> tuple[float, ...]:
    """Sizes at, between and beyond the table's limits: conditions only compare with the limits."""
    between = [(a + b) / 2 for a, b in zip(limits, limits[1:], strict=False)]
    return tuple(sorted({limits[0] / 2, *limits, *between, limits[-1] + 1}))


def _highest(rows: list[Any], category: str, order: tuple[str, ...]) -> list[Any]:
    """The matching rows that give the highest category: the AJCC "or" reads as "the highest wins"."""
    top = max(order.index(getattr(r, category)) for r in rows)
    return [r for r in rows if order.index(getattr(r, category)) == top]


def _possible(cases: Iterable[list[Any]], category: str, order: tuple[str, ...]) -> dict[str, list[Any]]:
    """Each category that one of the cases gives, with the rows that gave it, lowest first."""
    found: dict[str, dict[Any, None]] = {}
    for rows in cases:
        found.setdefault(getattr(rows[0], category), {}).update(dict.fromkeys(rows))
    return {value: list(found[value]) for value in order if value in found}


def _t_rows(table: SiteTable, size: float, level: str) -> list[TRow]:
    rows = [r for r in table.t_rows if level in r.invasion and (r.size is None or size in r.size)]
    return _highest(rows, "T", T_ORDER)


def _possible_t(table: SiteTable, facts: StagingInput) -> dict[str, list[TRow]]:
    sizes = (facts.size_cm,) if facts.size_cm is not None else _size_candidates(table.size_limits)
    levels = (facts.invasion,) if facts.invasion is not None else table.invasion
    return _possible((_t_rows(table, size, level) for size in sizes for level in levels), "T", T_ORDER)


def _t(table: SiteTable, facts: StagingInput) -> tuple[str, list[AnyRow]]:
    if facts.size_cm is None and facts.invasion is None:
        return (facts.T, [T_GIVEN]) if facts.T else ("TX", [TX])
    possible = _possible_t(table, facts)
    options = _either(list(possible))
    if facts.T is None:
        if len(possible) == 1:
            [(t, rows)] = possible.items()
            return t, list(rows)
        if facts.size_cm is None:
            raise _Refused("size_cm", gettext_noop("give the size: without it this tumour could be %(options)s "
                                                   "(or give T directly)"), options=options)
        raise _Refused("invasion", gettext_noop("give how deep the tumour grows: without it this tumour could be "
                                                "%(options)s (or give T directly)"), options=options)
    if facts.T == "TX":
        if len(possible) == 1:
            raise _Refused("T", gettext_noop("TX means the tumour cannot be assessed, but the size and depth "
                                             "given make it %(options)s"), options=options)
        return "TX", [T_GIVEN]
    parent = PARENT.get(facts.T, facts.T)
    if parent not in possible:
        raise _Refused("T", gettext_noop("%(given)s does not fit the size and depth given, which make it "
                                         "%(options)s"), given=facts.T, options=options)
    sub = next((r for r in table.t_subcategories if r.T == facts.T), None)
    if sub and sub.size and facts.size_cm is not None and facts.size_cm not in sub.size:
        raise _Refused("T", gettext_noop("%(given)s does not fit a size of %(cm)s cm"), given=facts.T,
                       cm=f"{facts.size_cm:g}")
    return facts.T, [T_GIVEN, *([sub] if sub else []), *possible[parent]]


def _n_rows(table: SiteTable, nodes: int, mass: float) -> list[NRow]:
    rows = [r for r in table.n_rows
            if (r.nodes_from is None or r.nodes_from <= nodes)
            and (r.nodes_to is None or nodes <= r.nodes_to)
            and (r.mass_over_cm is None or mass > r.mass_over_cm)]
    return _highest(rows, "N", N_ORDER)


def _possible_n(table: SiteTable, facts: StagingInput) -> dict[str, list[NRow]]:
    """Like T: counts and masses at the table's limits stand for every value a missing one could take."""
    counts = {end for r in table.n_rows for end in (r.nodes_from, r.nodes_to) if end is not None}
    masses = {m for r in table.n_rows if r.mass_over_cm is not None for m in (r.mass_over_cm, r.mass_over_cm + 1)}
    nodes = (facts.nodes_positive,) if facts.nodes_positive is not None else tuple(sorted(counts))
    mass = (facts.mesenteric_mass_cm,) if facts.mesenteric_mass_cm is not None else (0.0, *sorted(masses))
    return _possible((_n_rows(table, count, cm) for count in nodes for cm in mass), "N", N_ORDER)


def _n(table: SiteTable, facts: StagingInput) -> tuple[str, list[AnyRow]]:
    if facts.nodes_positive is None and (facts.mesenteric_mass_cm is None or not table.reads_mesenteric_mass):
        return (facts.N, [N_GIVEN]) if facts.N else ("NX", [NX])
    possible = _possible_n(table, facts)
    options = _either(list(possible))
    settled = len(possible) == 1
    if facts.N is None:
        if settled:
            [(n, rows)] = possible.items()
            return n, list(rows)
        # Only a mass with no count gets here: a count with no mass was given none over 2 cm (_mass_assumed).
        return "NX", [NX]
    if facts.N == "NX":
        if settled or facts.nodes_positive is not None:
            raise _Refused("N", gettext_noop("NX means the lymph nodes cannot be assessed, but the facts given "
                                             "make it %(options)s"), options=options)
        return "NX", [N_GIVEN]
    if facts.N not in possible:
        raise _Refused("N", gettext_noop("%(given)s does not fit the lymph nodes and mesenteric mass given, "
                                         "which make it %(options)s"), given=facts.N, options=options)
    return facts.N, [N_GIVEN, *possible[facts.N]]


def _mass_assumed(table: SiteTable, facts: StagingInput) -> bool:
    """Whether N would rest on a mesenteric mass that was not given: nodes counted, no N, and the mass could
    change N. Not when the count settles N without it (12 or more positive nodes are N2 whatever the mass)."""
    return (facts.N is None and facts.nodes_positive is not None and facts.mesenteric_mass_cm is None
            and len(_possible_n(table, facts)) > 1)


def _m(table: SiteTable, facts: StagingInput) -> tuple[str, list[AnyRow]]:
    if facts.metastases is None and facts.M:
        return facts.M, [M_GIVEN]
    places = facts.metastases or []
    liver, elsewhere = "liver" in places, any(p != "liver" for p in places)
    row = next(r for r in table.m_rows if (r.liver, r.elsewhere) == (liver, elsewhere))
    if facts.M is None:
        return row.M, [row]
    if facts.M not in (row.M, PARENT.get(row.M)):
        raise _Refused("M", gettext_noop("%(given)s does not fit the metastases listed, which make it %(m)s"),
                       given=facts.M, m=row.M)
    return row.M, [M_GIVEN, row]


def _group_row(table: SiteTable, t: str, n: str, m: str) -> StageRow:
    return next(r for r in table.stage_rows if t in r.T and n in r.N and m in r.M)


MISSING_BOTH = gettext_noop("The stage depends on the size and depth of the tumour (TX) and on the lymph nodes (NX), "
                            "which were not given: it could be %(groups)s.")
MISSING_T = gettext_noop("The stage depends on the size and depth of the tumour, which were not given (TX): it could "
                         "be %(groups)s.")
MISSING_N = gettext_noop("The stage depends on whether lymph nodes have cancer in them, which was not given (NX): it "
                         "could be %(groups)s.")


def _group(table: SiteTable, t: str, n: str, m: str) -> tuple[str | None, Wording | None, list[StageRow]]:
    ts = [v for v in T_ORDER if v in table.t_values] if t == "TX" else [PARENT.get(t, t)]
    ns = list(table.n_values[1:]) if n == "NX" else [n]
    order = tuple(dict.fromkeys(r.stage for r in table.stage_rows))
    found = _possible(([_group_row(table, tt, nn, PARENT.get(m, m))] for tt in ts for nn in ns), "stage", order)
    if len(found) == 1:
        [(group, rows)] = found.items()
        return group, None, rows
    text = MISSING_BOTH if t == "TX" and n == "NX" else MISSING_T if t == "TX" else MISSING_N
    return None, Wording(text=text, params={"groups": _either(list(found))}), []


def _warnings(table: SiteTable, facts: StagingInput, t: str, n: str, m: str, stage: str | None,
              mass_assumed: bool) -> list[str]:
    keys = ["scope"]
    if n == "N2":
        keys.append("n2")
    if m == "M1" and "M1a" not in table.m_values:
        keys.append("m_not_split")
    if facts.site == "pancreas" and t == "T2" and facts.size_cm == 2:
        keys.append("pancreas_2cm")
    if stage is not None:
        keys += [key for key, x in (("tx_settled", t == "TX"), ("nx_settled", n == "NX")) if x]
    # With distant spread the stage is IV whatever the mass: only the N shown could differ, so it is left unsaid.
    if mass_assumed and PARENT.get(m, m) != "M1":
        keys.append("mass_assumed")
    if facts.M is None and facts.metastases is None:
        keys.append("m0_assumed")
    return [WARNINGS[key][0] for key in keys]


def stage(data: Any) -> StageResult:
    """The TNM categories and stage group from decoded JSON, or InvalidInput naming every bad field."""
    facts = parse_input(data)
    table = SITES[facts.site]
    mass_assumed = _mass_assumed(table, facts)
    if mass_assumed:
        facts = facts.model_copy(update={"mesenteric_mass_cm": 0.0})
    results, errors = [], []
    for axis in (_t, _n, _m):
        try:
            results.append(axis(table, facts))
        except _Refused as refused:
            errors.append(refused.error)
    if errors:
        raise InvalidInput(errors)
    (t, t_rows), (n, n_rows), (m, m_rows) = results
    group, reason, group_rows = _group(table, t, n, m)
    rows: list[AnyRow] = list(dict.fromkeys([*t_rows, *n_rows, *m_rows, *group_rows]))
    return StageResult(
        site=facts.site, edition=EDITION, tables_version=TABLES_VERSION, T=t, N=n, M=m, stage=group,
        stage_reason=reason and reason.in_language(), stage_reason_wording=reason, rules=[r.id for r in rows],
        sources=list(dict.fromkeys(source for r in rows for source in r.sources)),
        warnings=_warnings(table, facts, t, n, m, group, mass_assumed),
    )
