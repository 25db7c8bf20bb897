"""The guide says the same as the navigator about the signs the navigator treats as an emergency."""

from netcompanion.guide.pages import load_guide


def test_black_tarry_stools_are_an_emergency_on_every_page_that_names_them():
    named = set()
    for page in load_guide().values():
        for passage in page.passages:
            said = f"{passage.heading} {passage.text}".lower()  # a list under "When is it an emergency?"
            if "tarry" in said:
                named.add(page.slug)
                assert "emergency" in said, (page.slug, passage.heading, passage.text)
    assert named >= {"glossary", "symptoms", "when-to-seek-care"}
