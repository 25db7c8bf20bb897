"""explain(grade, stage, followup) -> Explanation: a pathology result in plain words, for the patient.

Which texts are shown is decided here from the engines' results; what they say lives in texts.py.
The engines' own warnings are kept word for word in `engine_notes` for the care team; where a
warning follows from the result itself (only one index given, a NEC with low counts) the patient
reads it in plain words from texts.py, and any other note becomes a question for the team.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Literal

from netcompanion.explainer import texts as tx
from netcompanion.explainer.contract import (
    DISTANT,
    FollowUpInput,
    FollowUpItem,
    GradeInput,
    StageInput,
    parse_inputs,
)
from netcompanion.explainer.texts import Text


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    paragraphs: tuple[str, ...]
    sources: tuple[str, ...]  # bibliography ids, in the order the section first cites them

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "heading": self.heading, "paragraphs": list(self.paragraphs),
                "sources": list(self.sources)}


@dataclass(frozen=True)
class EngineNote:
    engine: Literal["grade", "stage", "followup"]
    text: str


@dataclass(frozen=True)
class Explanation:
    sections: tuple[Section, ...]
    guide_url: str
    reminder: str
    engine_notes: tuple[EngineNote, ...]
    text_ids: tuple[str, ...]
    sources: tuple[str, ...]  # bibliography ids; the one cited as [n] is the nth

    def as_dict(self) -> dict[str, Any]:
        return {"sections": [s.as_dict() for s in self.sections], "guide_url": self.guide_url,
                "reminder": self.reminder,
                "engine_notes": [{"engine": n.engine, "text": n.text} for n in self.engine_notes],
                "text_ids": list(self.text_ids), "sources": list(self.sources)}


class Numbering:
    """Numbers sources in the order an explanation first cites them, as a guide page numbers its list."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def number(self, source_id: str) -> int:
        if source_id not in self.ids:
            self.ids.append(source_id)
        return self.ids.index(source_id) + 1


def _same(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


@dataclass(frozen=True)
class Words:
    """How an explanation is said: in English unless the page that shows it passes Django's gettext and ngettext,
    which say every text (marked in texts.py) and every span of time in the reader's language."""

    gettext: Callable[[str], str] = _same
    ngettext: Callable[[str, str, int], str] = _english_plural

    def months(self, n: float) -> str:
        return self.ngettext("%(n)s month", "%(n)s months", 1 if n == 1 else 2) % {"n": f"{n:g}"}

    def years(self, n: float) -> str:
        return self.ngettext("%(n)s year", "%(n)s years", 1 if n == 1 else 2) % {"n": f"{n:g}"}


ENGLISH = Words()


def render(text: Text, numbering: Numbering | None = None, words: Words = ENGLISH, **values: Any) -> str:
    """The text as shown: translated, placeholders filled, and its sources cited by number after the last
    sentence, as on the guide. Without a numbering, the text's own sources count from 1."""
    body = words.gettext(text.text).format(**values)
    if not text.sources:
        return body
    numbering = numbering or Numbering()
    return f"{body} [{', '.join(map(str, sorted(numbering.number(s) for s in text.sources)))}]."


class _Builder:
    """Collects the texts of one section, keeping the ids shown and the sources they rest on."""

    def __init__(self, used: list[str], numbering: Numbering, words: Words) -> None:
        self.used = used
        self.numbering = numbering
        self.words = words
        self.paragraphs: list[str] = []
        self.sources: list[str] = []

    def add(self, text: Text, **values: Any) -> None:
        self.add_joined([(text, values)])

    def add_joined(self, parts: list[tuple[Text, dict[str, Any]]]) -> None:
        """One paragraph from several texts, e.g. a follow-up check with its timing and guideline."""
        self.used.extend(text.id for text, _ in parts)
        self.paragraphs.append(" ".join(render(text, self.numbering, self.words, **values) for text, values in parts))
        for text, _ in parts:
            self.sources.extend(text.sources)

    def section(self, key: str) -> Section:
        return Section(key, self.words.gettext(tx.HEADINGS[key]), tuple(self.paragraphs),
                       tuple(dict.fromkeys(self.sources)))


def _every(span: list[float], words: Words) -> str:
    low, high = span
    if low == high:
        return words.months(low)
    return words.gettext("%(low)s to %(high)s months") % {"low": f"{low:g}", "high": f"{high:g}"}


def _after(months: float, words: Words) -> str:
    """72 months reads better as 6 years."""
    if months >= 24 and months % 12 == 0:
        return words.years(months / 12)
    return words.months(months)


def _t(s: StageInput) -> str:
    """T1a and T1b (colon and rectum) are T1 for everything but their own glossary line."""
    return "T1" if s.T in ("T1a", "T1b") else s.T


def _site_line(site: str, b: _Builder) -> None:
    b.add(tx.SITE_LINE, site=b.words.gettext(tx.SITES[site].text))
    b.used.append(tx.SITES[site].id)


def _one_index_only(g: GradeInput) -> bool:
    """A NET graded below G3 from one index: the other could still raise the grade."""
    return g.category == "NET" and g.grade != "G3" and (g.by_ki67 is None) != (g.by_mitoses is None)


def _grade_section(g: GradeInput, b: _Builder) -> None:
    if g.category == "NET":
        b.add(tx.GRADE_NOTES["well_differentiated"])
    b.add(tx.GRADES[g.grade or g.category])
    if g.category == "NET" and g.by_ki67 and g.by_mitoses and g.by_ki67 != g.by_mitoses:
        b.add(tx.GRADE_NOTES["disagree"], grade=g.grade)
    if _one_index_only(g):
        b.add(tx.GRADE_NOTES["only_ki67" if g.by_mitoses is None else "only_mitoses"])
    low = ("G1", "G2", "typical_carcinoid", "atypical_carcinoid")
    if g.decided_by == "differentiation" and (g.by_ki67 in low or g.by_mitoses in low):
        b.add(tx.GRADE_NOTES["poor_but_low"])
    if g.lung:
        b.add(tx.GRADE_NOTES["lung_ki67"])
    if g.category == "NEC":
        b.add(tx.GRADE_NOTES["net_or_nec"])


def _stage_section(s: StageInput, g: GradeInput | None, b: _Builder) -> None:
    if s.stage is None:
        b.add(tx.STAGE_MISSING)
    elif s.site == "pancreas" and s.stage != "IV":
        b.add(tx.STAGE_GENERAL, stage=s.stage)
    else:
        b.add(tx.STAGES[s.stage])
    b.add(tx.T_UNKNOWN if s.T == "TX" else tx.T_TEXTS[(tx.T_FAMILY[s.site], _t(s))])
    b.add(tx.N_TEXTS[s.N])
    if s.N == "N1" and s.site == "jejunum_ileum":
        b.add(tx.N1_SMALL_BOWEL)
    b.add(tx.M_TEXTS[s.M])
    if g and g.category == "NEC":
        b.add(tx.STAGE_NOTES["nec"])
    if s.M in DISTANT:
        b.add(tx.STAGE_NOTES["spread_one_person" if g and g.high_grade else "living_with_spread"])
        b.add(tx.STAGE_NOTES["ask_team"])


def _followup_item(item: FollowUpItem, b: _Builder) -> None:
    words = b.words
    every, check = _every(item.every_months, words), words.gettext(item.check)
    if item.for_years is None:
        parts = [(tx.NEXT["followup_item_open"], {"check": check, "every": every})]
    else:
        parts = [(tx.NEXT["followup_item_years"], {"check": check, "every": every,
                                                    "years": words.years(item.for_years)})]
    if item.first_after_months is not None:
        parts.append((tx.NEXT["followup_first"], {"first": _after(item.first_after_months, words)}))
    # The guideline sentence cites the sources the follow-up rule rests on.
    parts.append((replace(tx.NEXT["followup_guideline"], sources=tuple(item.sources)), {"guideline": item.guideline}))
    if item.overridden_by_clinic:
        parts.append((tx.NEXT["followup_clinic"], {}))
    b.add_joined(parts)


def _next_section(g: GradeInput | None, s: StageInput | None, f: FollowUpInput | None, b: _Builder) -> None:
    b.add(tx.NEXT["plan"])
    nec = g is not None and g.category == "NEC"
    if nec:
        b.add(tx.NEXT["nec"])
    if s and s.M in DISTANT and not nec:
        b.add(tx.NEXT["spread"])
    elif s and s.M == "M0" and not nec:
        b.add(tx.NEXT["not_spread"])
    if f is None:
        b.add(tx.NEXT["followup_ask"])
    elif f.no_routine_follow_up:
        b.add(tx.NEXT["followup_none"])
    else:
        b.add(tx.NEXT["followup_intro"])
        for item in f.items:
            _followup_item(item, b)
    b.add(tx.NEXT["guide"])


def _questions(g: GradeInput | None, s: StageInput | None, f: FollowUpInput | None, has_notes: bool,
               b: _Builder) -> None:
    q = tx.QUESTIONS
    b.add(q["intro"])
    if g is None:
        b.add(q["grade_unknown"])
    if g is None or g.category in ("NEC", "high_grade"):
        b.add(q["net_or_nec"])
    if g and _one_index_only(g):
        b.add(q["missing_mitoses" if g.by_mitoses is None else "missing_ki67"])
    if s is None:
        b.add(q["stage_unknown"])
    else:
        b.add(q["stage_parts"])
        if s.stage is None or "X" in (s.T + s.N):
            b.add(q["stage_missing"])
        if s.M in DISTANT:
            b.add(q["spread"])
        b.add(q["margins"])
    b.add(q["treatment"])
    if f is not None:
        b.add(q["followup_fit"])
    if has_notes:
        b.add(q["engine_notes"])
    b.add(q["copy"])
    b.add(q["bring_someone"])


def _glossary(g: GradeInput | None, s: StageInput | None, b: _Builder) -> None:
    gl = tx.GLOSSARY
    if g and g.category != "high_grade":
        b.add(gl["NEC" if g.category == "NEC" else "NET"])
    if g:
        if g.lung and g.category != "high_grade":
            b.add(gl["carcinoid"])
        if g.grade:
            b.add(gl[g.grade])
        if g.by_ki67:
            b.add(gl["ki67"])
        if g.by_mitoses:
            b.add(gl["mitoses"])
        if g.lung:
            b.add(gl["necrosis"])
    if s:
        b.add(gl["p"])
        if s.T in ("T1a", "T1b"):
            b.add(gl["T1_part"])
        for code in (_t(s), s.N, s.M):
            b.add(gl[code])


def _engine_notes(g: GradeInput | None, s: StageInput | None, f: FollowUpInput | None) -> tuple[EngineNote, ...]:
    """The engines' own words, each once: warnings, why a stage group is missing, follow-up notes."""
    notes = [EngineNote("grade", w) for w in (g.warnings if g else [])]
    notes += [EngineNote("stage", w) for w in (s.warnings if s else [])]
    notes += [EngineNote("stage", s.stage_reason)] if s and s.stage_reason else []
    if f:
        notes += [EngineNote("followup", n) for n in f.notes]
        notes += [EngineNote("followup", n) for item in f.items for n in (item.note, item.clinic_note) if n]
    return tuple(dict.fromkeys(notes))


def explain(grade: dict | None, stage: dict | None, followup: dict | None, words: Words = ENGLISH) -> Explanation:
    """The plain-language explanation of any of the three results, or InvalidInput naming each bad field; in
    English, or in the reader's language with ``words`` holding Django's gettext and ngettext."""
    g, s, f = parse_inputs(grade, stage, followup)
    notes = _engine_notes(g, s, f)
    used: list[str] = []
    numbering = Numbering()
    sections = []
    if g:
        b = _Builder(used, numbering, words)
        _site_line(g.site, b)
        _grade_section(g, b)
        sections.append(b.section("grade"))
    if s:
        b = _Builder(used, numbering, words)
        if not g:
            _site_line(s.site, b)
        _stage_section(s, g, b)
        sections.append(b.section("stage"))
    b = _Builder(used, numbering, words)
    _next_section(g, s, f, b)
    sections.append(b.section("next"))
    b = _Builder(used, numbering, words)
    _questions(g, s, f, bool(notes), b)
    sections.append(b.section("questions"))
    if g or s:
        b = _Builder(used, numbering, words)
        _glossary(g, s, b)
        sections.append(b.section("glossary"))
    used.append(tx.REMINDER.id)
    return Explanation(tuple(sections), tx.GUIDE_URL, render(tx.REMINDER, words=words), notes, tuple(used),
                       tuple(numbering.ids))
