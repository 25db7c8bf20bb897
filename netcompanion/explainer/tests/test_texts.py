"""The texts: each one shown somewhere, cited like the guide, readable, and never a promise or a number."""

import re
from collections import Counter

import pytest
import textstat

from netcompanion.explainer import explain
from netcompanion.explainer import texts as tx
from netcompanion.explainer.explain import render
from netcompanion.explainer.tests.cases import SCENARIOS
from netcompanion.guide.pages import load_guide
from netcompanion.guide.readability import MAX_GRADE

TEXTS = list(tx.all_texts())
CITATION = re.compile(r"\s*\[\d+(?:, \d+)*\]")
SAMPLE = {"site": "small intestine (jejunum and ileum)", "grade": "G2", "stage": "II", "every": "6 to 12 months",
          "check": "CT or MRI scan of the tummy (abdomen)", "years": "10 years", "first": "12",
          "guideline": "ESMO 2020"}
# Texts that claim nothing medical, so cite nothing: where the tumour is, the plan's own words,
# questions, pointers to the team and the guide.
UNCITED = {
    "REMINDER", "SITE-LINE", "STAGE-ASK-TEAM", "NEXT-FU-INTRO", "NEXT-FU-ITEM-YEARS", "NEXT-FU-ITEM-OPEN",
    "NEXT-FU-FIRST", "NEXT-FU-GUIDELINE", "NEXT-FU-CLINIC", "NEXT-FU-NONE", "NEXT-FU-ASK", "NEXT-GUIDE",
    *(t.id for t in tx.SITES.values()), *(t.id for key, t in tx.QUESTIONS.items() if key != "intro"),
}
NO_PROMISE_OR_NUMBER = re.compile(r"\bcur(e|es|ed|able|ative)\b|\d+\s*%|surviv|life expectancy|prognos|"
                                  r"\boutlook\b|\bterminal\b", re.IGNORECASE)


def shown(text: tx.Text) -> str:
    """A text as a patient reads it, without citation marks; a site name inside its sentence."""
    as_shown = render(tx.SITE_LINE, site=text.text) if text in tx.SITES.values() else render(text, **SAMPLE)
    return CITATION.sub("", as_shown)


def all_results() -> list[dict]:
    return [explain(*inputs).as_dict() for inputs in SCENARIOS]


def test_every_text_is_reachable_from_some_result():
    reached = {text_id for inputs in SCENARIOS for text_id in explain(*inputs).text_ids}
    assert {t.id for t in TEXTS} - reached == set()


def test_text_ids_are_unique():
    assert [text_id for text_id, n in Counter(t.id for t in TEXTS).items() if n > 1] == []


def test_sources_are_sources_of_the_guide_page():
    listed = {source.id for source in load_guide()[tx.GUIDE_PAGE].sources}
    assert {(t.id, s) for t in TEXTS for s in t.sources if s not in listed} == set()


def test_only_texts_without_a_medical_claim_go_uncited():
    assert {t.id for t in TEXTS if not t.sources} == UNCITED


def test_a_cited_text_leaves_its_last_full_stop_to_the_citation():
    assert [t.id for t in TEXTS if t.sources and t.text[-1] in ".?!"] == []


@pytest.mark.parametrize("text", TEXTS, ids=lambda t: t.id)
def test_every_text_reads_at_grade_9_or_below(text):
    score = textstat.flesch_kincaid_grade(shown(text))
    assert score <= MAX_GRADE, f"{text.id} reads at grade {score:.1f}: {shown(text)}"


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_every_section_reads_at_grade_9_or_below_and_has_a_source(index):
    for section in explain(*SCENARIOS[index]).as_dict()["sections"]:
        body = CITATION.sub("", "\n".join(section["paragraphs"]))
        assert textstat.flesch_kincaid_grade(body) <= MAX_GRADE, section["id"]
        assert section["sources"], f"{section['id']} cites nothing"


def test_no_text_promises_a_cure_or_gives_an_outlook_number():
    said = [shown(t) for t in TEXTS] + [
        p for result in all_results() for s in result["sections"] for p in s["paragraphs"]]
    assert [s for s in said if NO_PROMISE_OR_NUMBER.search(s)] == []


def test_the_check_for_promises_and_numbers_would_catch_them():
    for bad in ("Surgery can cure it.", "5-year survival is 60 %.", "Your prognosis is good."):
        assert NO_PROMISE_OR_NUMBER.search(bad)


def test_a_section_cites_exactly_the_sources_of_its_paragraphs_numbered_across_the_explanation():
    for result in all_results():
        numbers = {source_id: n for n, source_id in enumerate(result["sources"], start=1)}
        assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
        for section in result["sections"]:
            cited = {int(n) for p in section["paragraphs"] for n in re.findall(r"\d+", "".join(
                re.findall(r"\[[\d, ]+\]", p)))}
            assert {numbers[s] for s in section["sources"]} == cited
