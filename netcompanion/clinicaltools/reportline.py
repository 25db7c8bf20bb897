"""Reads the summary line of a pathology report as printed: "NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a".

No Django, so it is tested on its own. It reads; it never guesses. Each value it returns carries the exact piece
of the line it came from, for the person to check against their report. Anything it cannot read is handed back
as printed; anything ambiguous (two different T values, a Ki-67 given as a range, mitoses per 10 high-power
fields) is left empty, with a message that says why. A stated grade that the WHO 2019 bands of the Ki-67 index or
the mitotic count contradict is kept and flagged, citing the grading engine's own rows: the report stays the
pathologist's, and the person and their care team decide. Whether a category exists for a site (N2 for the
pancreas, say) is the staging engine's question, as with ``tnm``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from netcompanion.grading.rules import LADDERS, RULES, WHO2019_NEC
from netcompanion.translatable import gettext_noop

# The longest line read; a report's summary line is far shorter, and this bounds the work on pasted junk.
MAX_LENGTH = 400

_NUMBER = r"\d{1,3}(?:[.,]\d{1,2})?"
# "Ki-67 8 %", "Ki67: 8,5%", "Ki-67 index 8 %", "Ki-67 labelling index of 8 %", "MIB-1 8 %".
_KI67 = re.compile(rf"(?<![a-z0-9])(?:ki[\s-]?67|mib[\s-]?1)(?:\s+(?:labell?ing\s+)?index|\s+li)?\s*(?:[:=]\s*|of\s+)?"
                   rf"(?P<bound>[<>≤≥~]|ca\.?\s*|about\s+|approx\.?\s*)?(?P<number>{_NUMBER})"
                   rf"(?P<range>\s*(?:-|–|to)\s*{_NUMBER})?\s*(?P<percent>%)?", re.IGNORECASE)
_KI67_WORD = re.compile(r"(?<![a-z0-9])(?:ki[\s-]?67|mib[\s-]?1)(?:\s+(?:labell?ing\s+)?index)?", re.IGNORECASE)


def _area(name: str) -> str:
    return rf"(?P<{name}>2\s*mm(?:2|²|\^2)|10\s*hpf|10\s*high[\s-]power\s+fields?)"


# "mitoses 3/2 mm2", "mitotic count: 3 per 2 mm²", "3 mitoses/10 HPF".
_MITOSES = re.compile(rf"(?<![a-z])(?:mitos[ie]s|mitotic\s+(?:count|index|rate))\s*[:=]?\s*(?P<number>{_NUMBER})"
                      rf"\s*(?:/|per)\s*{_area('area')}"
                      rf"|(?<![a-z0-9.,])(?P<number2>{_NUMBER})\s*mitos[ie]s\s*(?:/|per)\s*{_area('area2')}",
                      re.IGNORECASE)
_MITOSES_WORD = re.compile(r"(?<![a-z])(?:mitos[ie]s|mitotic\s+(?:count|index|rate))", re.IGNORECASE)
_T = re.compile(r"(?<![a-z0-9])[ry]?[pc]?T(?:X|is|[0-4][abcd]?)(?:\s*\((?:m|\d{1,2})\))?", re.IGNORECASE)
_N = re.compile(r"(?<![a-z])[ry]?[pc]?N(?:X|[0-3][ab]?)(?P<nodes>\s*\(?\s*(?P<positive>\d{1,4})\s*(?:/|of)\s*"
                r"(?P<examined>\d{1,4})\s*\)?)?", re.IGNORECASE)
_M = re.compile(r"(?<![a-z])[ry]?[pc]?M(?:X|[01][abc]?)(?![a-z])", re.IGNORECASE)
_MARGIN = re.compile(r"(?<![a-z0-9])R[012](?![a-z0-9])", re.IGNORECASE)
# Lymphatic, venous and perineural invasion: read, named back, and not used by the tools. Case matters here: "Pn0"
# is perineural, "pN0" lymph nodes (read before N, so it is never taken for one).
_LVPN = re.compile(r"(?<![A-Za-z0-9])(?:[LlVv][012Xx]|Pn[012X])(?![A-Za-z0-9])")
_CATEGORY = re.compile(r"(?<![a-z])(?:NET|NEC|neuroendocrine\s+tumou?r|neuroendocrine\s+carcinoma)(?![a-z])",
                       re.IGNORECASE)
_GRADE = re.compile(r"(?<![a-z0-9])(?:G\s?|grade\s+)(?P<grade>[123])(?![0-9])", re.IGNORECASE)
_DIFFERENTIATION = re.compile(r"(?<![a-z])(?P<how>well|poorly)[\s-]+differentiated(?![a-z])", re.IGNORECASE)
_FILLER = re.compile(r"^(?:[\s,;:.()/+&-]|and|with|who|tnm)*$", re.IGNORECASE)

NOT_READ = "We could not read “{printed}”. Check it against your report and fill in the box it belongs to, if any."


@dataclass(frozen=True)
class Found:
    """One box filled: the form field, the text for the box, and the exact piece of the line it came from."""

    field: str
    value: str
    printed: str


@dataclass(frozen=True)
class Problem:
    """Something left empty or worth a second look, in plain words; sources when it rests on a rule.

    ``text`` is a sentence marked for translation with named places ("{printed}") that ``params`` fill: what the
    report printed stays as printed, and the params named in ``ours`` are our own words, translated too.
    """

    text: str
    params: dict[str, str] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    ours: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """In English."""
        return self.in_language(lambda text: text)

    def in_language(self, gettext: Callable[[str], str]) -> str:
        """In the language ``gettext`` translates to."""
        return gettext(self.text).format(**{k: gettext(v) if k in self.ours else v for k, v in self.params.items()})


@dataclass(frozen=True)
class ReadLine:
    found: tuple[Found, ...]
    unread: tuple[str, ...]
    problems: tuple[Problem, ...]

    def values(self) -> dict[str, str]:
        return {f.field: f.value for f in self.found}


def _number(printed: str) -> str:
    """"8,5" (a Swedish decimal comma) as "8.5"; the digits themselves are kept as printed."""
    return printed.replace(",", ".")


class _Reader:
    def __init__(self, line: str):
        self.line = line
        self.taken = [False] * len(line)
        self.found: dict[str, Found] = {}
        self.refused: set[str] = set()
        self.problems: list[Problem] = []

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """Matches over text not read yet, each marked as read."""
        hits = [m for m in pattern.finditer(self.line) if not any(self.taken[m.start():m.end()])]
        for m in hits:
            self.taken[m.start():m.end()] = [True] * (m.end() - m.start())
        return hits

    def put(self, field: str, values: list[tuple[str, str]], name: str) -> None:
        """One value for ``field``, or none when the line gives it twice differently (refused, never guessed)."""
        if not values or field in self.refused:
            return
        distinct = {value.lower() for value, _ in values}
        if len(distinct) > 1:
            printed = ", ".join(f"“{p}”" for _, p in values)
            self.problems.append(Problem(gettext_noop("The line gives {name} twice, differently: {printed}. We left "
                                                      "it empty: copy the right one from your report."),
                                         {"name": name, "printed": printed}, ours=("name",)))
            self.refused.add(field)
            return
        value, printed = values[0]
        self.found[field] = Found(field, value, printed)

    def problem(self, text: str, sources: tuple[str, ...] = (), **params: str) -> None:
        self.problems.append(Problem(text, params, sources))

    def unread(self) -> tuple[str, ...]:
        pieces = re.split(r"[,;]", "".join(c if not t else "," for c, t in zip(self.line, self.taken, strict=True)))
        return tuple(p.strip(" \t\n:.") for p in pieces if not _FILLER.match(p))


def _ki67(reader: _Reader) -> None:
    values = []
    for m in reader.matches(_KI67):
        if m["bound"] or m["range"]:
            reader.problem(gettext_noop("The report gives the Ki-67 index as “{printed}”, not one number. We left "
                                        "it empty: enter a single number only if the report gives one."),
                           printed=m[0].strip())
            continue
        values.append((_number(m["number"]), m[0].strip()))
    reader.put("ki67_percent", values, gettext_noop("the Ki-67 index"))
    for m in reader.matches(_KI67_WORD):
        reader.problem(gettext_noop("We found “{printed}” but no number after it, so we left the Ki-67 index empty."),
                       printed=m[0])


def _mitoses(reader: _Reader) -> None:
    values = []
    for m in reader.matches(_MITOSES):
        area = (m["area"] or m["area2"]).lower()
        if not area.startswith("2"):
            reader.problem(gettext_noop("The mitotic count “{printed}” is per 10 high-power fields. The grade counts "
                                        "per 2 mm², and how the two compare depends on the microscope, so we left it "
                                        "empty. Enter the count per 2 mm² if the report gives it."),
                           printed=m[0].strip())
            continue
        values.append((_number(m["number"] or m["number2"]), m[0].strip()))
    reader.put("mitoses_per_2mm2", values, gettext_noop("the mitotic count"))
    for m in reader.matches(_MITOSES_WORD):
        reader.problem(gettext_noop("We found “{printed}” but not a count per 2 mm² after it, so we left the mitotic "
                                    "count empty."), printed=m[0])


def _tnm(reader: _Reader) -> None:
    if lvpn := reader.matches(_LVPN):
        reader.problem(gettext_noop("“{printed}” says whether tumour cells were seen in lymph vessels (L), veins (V) "
                                    "or around nerves (Pn). These tools do not use it."),
                       printed=" ".join(m[0] for m in lvpn))
    reader.put("t", [(re.sub(r"\s+", " ", m[0]), m[0]) for m in reader.matches(_T)], "T")
    n_hits = reader.matches(_N)
    reader.put("n", [(re.sub(r"\s+", " ", m[0].strip()), m[0].strip()) for m in n_hits], "N")
    reader.put("m", [(m[0], m[0]) for m in reader.matches(_M)], "M")
    reader.put("margin", [(m[0].upper(), m[0]) for m in reader.matches(_MARGIN)], gettext_noop("the margin (R)"))
    n = reader.found.get("n")
    hit = next((m for m in n_hits if n and m[0].strip() == n.printed and m["nodes"]), None)
    if n is None or hit is None:
        return
    positive, examined = int(hit["positive"]), int(hit["examined"])
    if positive > examined:
        reader.problem(gettext_noop("“{printed}” counts more lymph nodes with tumour cells than were examined. We left "
                                    "N empty: check it against your report."), printed=n.printed)
        del reader.found["n"]
        reader.refused.add("n")
    elif (positive == 0) != n.value.upper().lstrip("YPC").startswith("N0"):
        reader.problem(gettext_noop("“{printed}”: N0 means no lymph nodes with tumour cells, N1 or more means some, so "
                                    "N and the count disagree. We left N empty: check it against your report."),
                       printed=n.printed)
        del reader.found["n"]
        reader.refused.add("n")


def _grade(reader: _Reader) -> None:
    categories = [("NEC" if m[0].upper() == "NEC" or "carcinoma" in m[0].lower() else "NET", m[0])
                  for m in reader.matches(_CATEGORY)]
    grades = [(f"G{m['grade']}", m[0]) for m in reader.matches(_GRADE)]
    ways = [("well" if m["how"].lower() == "well" else "poor", m[0]) for m in reader.matches(_DIFFERENTIATION)]
    # A NET is well differentiated and a NEC poorly, by the WHO definition the grading engine rests on.
    ways += [("well" if category == "NET" else "poor", printed) for category, printed in categories]
    reader.put("differentiation", ways,
               gettext_noop("whether the tumour is a NET or a NEC (well or poorly differentiated)"))
    reader.put("stated_grade", grades, gettext_noop("the grade"))
    stated, way = reader.found.get("stated_grade"), reader.found.get("differentiation")
    if stated and way and way.value == "poor" and stated.value != "G3":
        reader.problem(gettext_noop("“{way}” and “{stated}” disagree: a neuroendocrine carcinoma (NEC) is high grade "
                                    "by definition. Ask your care team which is right."), WHO2019_NEC,
                       way=way.printed, stated=stated.printed)


def _grade_from_indices(reader: _Reader) -> None:
    """Flags a stated grade that the WHO 2019 digestive bands of the numbers on the same line contradict.

    The bands are the grading engine's own rows, and the highest grade any of them gives decides, as there.
    """
    stated = reader.found.get("stated_grade")
    if stated is None:
        return
    ladder = LADDERS["digestive"]
    given = [(rule, found) for field in ("ki67_percent", "mitoses_per_2mm2") if (found := reader.found.get(field))
             for rule in RULES
             if rule.scheme == "digestive" and rule.reads == field and rule.matches(float(found.value))]
    if not given:
        return
    rule, found = max(given, key=lambda pair: ladder.index(pair[0].result))
    if rule.result == stated.value:
        return
    higher = ladder.index(rule.result) > ladder.index(stated.value)
    text = HIGHER_GRADE_FROM_NUMBERS if higher else LOWER_GRADE_FROM_NUMBERS
    reader.problem(text, tuple(dict.fromkeys(s for r, _ in given for s in r.sources)), stated=stated.printed,
                   printed=found.printed, grade=rule.result, rule=rule.id)


HIGHER_GRADE_FROM_NUMBERS = gettext_noop(
    "The report says {stated}, but “{printed}” gives {grade} by the WHO 2019 grading (rule {rule}). The higher grade "
    "counts. Ask your care team which grade is right; the explanation works from the numbers.")
LOWER_GRADE_FROM_NUMBERS = gettext_noop(
    "The report says {stated}, but “{printed}” gives {grade} by the WHO 2019 grading (rule {rule}). The grade may "
    "rest on something this line does not show. Ask your care team which grade is right; the explanation works from "
    "the numbers.")


def read_line(line: str, lung: bool = False) -> ReadLine:
    """What the line says, box by box; what could not be read; and what needs a second look. Never raises.

    A lung tumour is graded by the WHO thoracic rules, where Ki-67 is no criterion, so its stated grade is not
    checked against the digestive bands.
    """
    if len(line) > MAX_LENGTH:
        return ReadLine((), (), (Problem(gettext_noop("This is longer than a report's summary line ({limit} characters "
                                                      "at most). Copy only the line with the grade and the TNM code."),
                                         {"limit": str(MAX_LENGTH)}),))
    reader = _Reader(line)
    for step in (_ki67, _mitoses, _tnm, _grade) if lung else (_ki67, _mitoses, _tnm, _grade, _grade_from_indices):
        step(reader)
    unread = reader.unread()
    if not reader.found and not unread and not reader.problems:
        reader.problem(gettext_noop("There was nothing to read. Copy the line from your report, for example "
                                    "“NET G2, Ki-67 8 %, pT3 pN1 (3/14) M1a”."))
    order = ("differentiation", "stated_grade", "ki67_percent", "mitoses_per_2mm2", "t", "n", "m", "margin")
    return ReadLine(tuple(reader.found[f] for f in order if f in reader.found), unread, tuple(reader.problems))
