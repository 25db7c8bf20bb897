"""The guide says the same as the navigator about the signs the navigator treats as an emergency, in every
language it is written in."""

import itertools

from netcompanion.guide.pages import load_guide, load_pages


def test_black_tarry_stools_are_an_emergency_on_every_page_that_names_them():
    named = set()
    for page in load_guide().values():
        for passage in page.passages:
            said = f"{passage.heading} {passage.text}".lower()  # a list under "When is it an emergency?"
            if "tarry" in said:
                named.add(page.slug)
                assert "emergency" in said, (page.slug, passage.heading, passage.text)
    assert named >= {"glossary", "symptoms", "when-to-seek-care"}


def test_black_tarry_stools_are_an_emergency_on_every_swedish_page_that_names_them():
    named = set()
    for page in load_pages("sv").values():
        for passage in page.passages:
            said = f"{passage.heading} {passage.text}".lower()  # a list under "När är det akut?"
            if "tjär" in said and ("bajs" in said or "avföring" in said):  # not the tar in tobacco smoke
                named.add(page.slug)
                assert "akut" in said or "112" in said, (page.slug, passage.heading, passage.text)
    assert named >= {"symptoms", "when-to-seek-care"}


def sections(page):
    """The page's passages grouped by the heading they sit under, in order."""
    return [(heading, [p.text for p in group]) for heading, group in itertools.groupby(page.passages,
                                                                                      key=lambda p: p.heading)]


def test_the_swedish_when_to_seek_care_says_call_112_and_never_invites_waiting():
    page = load_pages("sv")["when-to-seek-care"]
    emergency, same_day = (texts for heading, texts in sections(page)
                           if heading in {"När är det akut?", "Vad behöver hjälp direkt, fast det inte känns akut?"})
    assert emergency[0].startswith("Ring 112, eller åk direkt till en akutmottagning")
    assert "samma dag" in same_day[0] and "akutmottagning" in same_day[0]
    assert "Vänta inte" in same_day[1] and "vänta inte" in same_day[2]
    text = " ".join(p.text for p in page.passages)
    assert "Om du blir mycket sämre innan du får hjälp, ring 112." in text
    assert "Om det är akut, ring 112. Kör inte själv." in text
    assert "1177" in text and "vårdcentral" in text and "jourcentral" in text
    assert "vänta och se" not in text.lower()
