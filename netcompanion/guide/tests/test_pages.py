"""The guide's content rules, checked on every page in the repository."""

import pytest

from netcompanion.bibliography import SOURCES
from netcompanion.guide.pages import GuideContentError, load_guide, parse_page

REQUIRED_SLUGS = (
    "what-is-a-net", "symptoms", "when-to-seek-care", "tests-and-diagnosis", "understanding-your-report",
    "surgery", "quitting-smoking", "medicines", "radioligand-therapy", "follow-up", "if-it-comes-back",
    "pregnancy-and-fertility", "getting-the-diagnosis", "your-rights", "care-plan",
    "fatigue-and-daily-life", "for-relatives", "talking-with-children", "support", "net-cancer-day",
    "glossary",
)
GUIDE = load_guide()


def test_it_has_every_required_page():
    assert set(REQUIRED_SLUGS) <= set(GUIDE)


@pytest.mark.parametrize("slug", sorted(GUIDE))
def test_every_source_is_cited_and_every_citation_has_a_source(slug):
    page = GUIDE[slug]
    listed = set(range(1, len(page.sources) + 1))
    assert page.cited_numbers == listed, f"{slug}: uncited sources {sorted(listed - page.cited_numbers)}"


@pytest.mark.parametrize("slug", sorted(GUIDE))
def test_every_source_is_a_bibliography_entry(slug):
    assert all(SOURCES[s.id] is s for s in GUIDE[slug].sources)


def test_a_page_citing_an_id_the_bibliography_lacks_does_not_load(tmp_path):
    page = tmp_path / "a-page.md"
    page.write_text("---\ntitle: A page\nslug: a-page\nsummary: S.\nreviewed: 2026-12-07\n"
                    "sources:\n  - no-such-source\n---\n## One\n\nA claim [1].\n", encoding="utf-8")
    with pytest.raises(GuideContentError, match="a-page.md: no source 'no-such-source'"):
        parse_page(page)


@pytest.mark.parametrize("slug", sorted(GUIDE))
def test_most_paragraphs_carry_a_citation(slug):
    """A rough guard that claims cite: at least half the paragraphs of a page point to a source."""
    page = GUIDE[slug]
    cited = page.html.count('<sup class="cite">')
    assert cited >= len(page.toc), f"{slug}: {cited} citations for {len(page.toc)} sections"
    assert page.reviewed.year >= 2025


@pytest.mark.parametrize("slug", sorted(GUIDE))
def test_it_has_a_table_of_contents_and_no_raw_html(slug):
    page = GUIDE[slug]
    assert len(page.toc) >= 2
    assert "<script" not in page.html and "<h1" not in page.html
