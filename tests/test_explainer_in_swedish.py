"""The report explainer (an engine, no Django) said in Swedish by the page that shows it: every text has a Swedish
translation with the same placeholders, a cited text still ends where the citation's full stop goes, and a whole
explanation reads in Swedish with Swedish spans of time; English stays as it was."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from netcompanion.explainer import Words, explain
from netcompanion.explainer.tests.test_with_engines import issue_example
from netcompanion.explainer.texts import HEADINGS, all_texts

SWEDISH = Words(gettext, ngettext)


@pytest.mark.parametrize("text", list(all_texts()), ids=lambda t: t.id)
def test_every_text_has_a_swedish_translation_that_keeps_its_placeholders(text):
    with translation.override("sv"):
        swedish = gettext(text.text)
    assert swedish != text.text
    assert sorted(re.findall(r"\{\w+\}", swedish)) == sorted(re.findall(r"\{\w+\}", text.text))
    assert swedish.endswith(".") == text.text.endswith("."), "a cited text ends where the citation's stop goes"


def test_an_explanation_reads_in_swedish():
    with translation.override("sv"):
        result = explain(*issue_example(), SWEDISH)
        assert [s.heading for s in result.sections] == [gettext(HEADINGS[s.id]) for s in result.sections]
    text = " ".join(p for s in result.sections for p in s.paragraphs)
    assert result.sections[0].heading == "Vad din grad betyder"
    assert "Ditt PAD-svar gäller en tumör som började i tunntarmen (jejunum och ileum)." in text
    assert "Din NET är grad 2 (G2), den mittersta av tre grader." in text
    assert "Tumören har spridit sig till levern" in text and "Stadium IV betyder" in text
    assert re.search(r"Var \d+ (månad|månader|till \d+ månader)", text), text
    assert result.reminder.startswith("Den här sidan förklarar ditt PAD-svar i allmänna ordalag.")


def test_the_english_explanation_is_unchanged_by_the_words_it_is_given():
    grade, stage, plan = issue_example()
    with translation.override("en-gb"):
        assert explain(grade, stage, plan, SWEDISH) == explain(grade, stage, plan)
