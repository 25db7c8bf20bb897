"""The guide in other languages: every translation loads, cites as the English page does, follows the English
page's current revision, and reads easily (LIX); the loader refuses a broken translation."""

import re
from html.parser import HTMLParser

import pytest

from netcompanion.guide.pages import (
    TEXT_BLOCKS,
    GuideContentError,
    content_language,
    get_page,
    load_guide,
    load_pages,
    parse_translation,
    source_revision,
)
from netcompanion.guide.readability import MAX_LIX, lix, page_lix

ENGLISH = load_guide()
SWEDISH = load_pages("sv")


def test_english_stays_the_default():
    assert load_pages() is ENGLISH and load_pages("en-gb") is ENGLISH
    assert content_language("sv-SE") == "sv" and content_language("en-us") == "en"
    assert get_page("symptoms").lang == "en"


def test_get_page_gives_the_translation_or_else_the_english_page():
    assert get_page("surgery", "sv").lang == "sv"
    assert get_page("surgery", "sv-se") is SWEDISH["surgery"]
    assert get_page("surgery", "fi") is ENGLISH["surgery"]
    with pytest.raises(KeyError):
        get_page("no-such-page", "sv")


def test_every_english_page_has_a_swedish_page():
    missing = sorted(set(ENGLISH) - set(SWEDISH))
    assert not missing, f"No Swedish page yet for: {', '.join(missing)} (write content/sv/<slug>.md)"


@pytest.mark.parametrize("slug", sorted(SWEDISH))
def test_a_swedish_page_follows_the_current_english_page(slug):
    current = source_revision(slug)
    assert SWEDISH[slug].translated_from == current, (
        f"content/{slug}.md has changed since content/sv/{slug}.md was translated from it: bring the Swedish page "
        f"up to date with the English one, then set translated_from: {current}")


@pytest.mark.parametrize("slug", sorted(SWEDISH))
def test_a_swedish_page_cites_the_same_sources_as_the_english_page(slug):
    page, english = SWEDISH[slug], ENGLISH[slug]
    assert page.sources == english.sources
    assert page.cited_numbers == english.cited_numbers, (
        f"sv/{slug}: cites {sorted(page.cited_numbers)}, the English page {sorted(english.cited_numbers)}")
    assert len(page.toc) >= 2 and "<script" not in page.html and "<h1" not in page.html


class _Cited(HTMLParser):
    """Per section (h2/h3), per paragraph or list item, the source numbers its citation links point to."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[list[list[int]]] = [[]]

    def handle_starttag(self, tag, attrs):
        if tag in {"h2", "h3"}:
            self.sections.append([])
        elif tag in TEXT_BLOCKS:
            self.sections[-1].append([])
        elif tag == "a" and (href := dict(attrs).get("href") or "").startswith("#source-"):
            self.sections[-1][-1].append(int(href.removeprefix("#source-")))


def _sections(page):
    parser = _Cited()
    parser.feed(page.html)
    return [[sorted(block) for block in section] for section in parser.sections]


@pytest.mark.parametrize("slug", sorted(SWEDISH))
def test_a_swedish_page_keeps_every_paragraph_and_list_item_with_its_citations(slug):
    """Section by section, as many paragraphs and list items as the English page, each citing at least the sources
    the English one cites: no sign, step or figure is dropped in translation and no claim loses the source behind
    it (a sentence added for Swedish readers may cite one more). The glossary is sorted by the Swedish terms, so
    there only the entries and the citations as a whole must match."""
    swedish, english = _sections(SWEDISH[slug]), _sections(ENGLISH[slug])
    if slug == "glossary":
        assert sorted(n for s in swedish for n in s) == sorted(n for s in english for n in s)
    else:
        assert [len(s) for s in swedish] == [len(s) for s in english], f"sv/{slug}: paragraphs per section differ"
        pairs = zip((b for sec in english for b in sec), (b for sec in swedish for b in sec), strict=True)
        dropped = [(number, sorted(set(e) - set(s))) for number, (e, s) in enumerate(pairs) if not set(e) <= set(s)]
        assert not dropped, f"sv/{slug}: paragraphs (counted from the top) that lost a citation: {dropped}"


@pytest.mark.parametrize("slug", sorted(SWEDISH))
def test_a_swedish_page_links_only_to_guide_pages_that_exist(slug):
    linked = set(re.findall(r'href="/guide/([^/"#]+)/', SWEDISH[slug].html))
    assert linked <= set(ENGLISH), f"sv/{slug} links to {sorted(linked - set(ENGLISH))}"


@pytest.mark.parametrize("slug", sorted(SWEDISH))
def test_every_swedish_page_has_a_lix_of_40_or_below(slug):
    score = page_lix(SWEDISH[slug])
    print(f"LIX {score:4.1f}  sv/{slug}")
    assert score <= MAX_LIX, f"sv/{slug} has LIX {score:.1f}; use shorter sentences and shorter words"


def test_lix_counts_words_per_sentence_and_long_words():
    # 7 words, 2 sentences, 2 words longer than six letters (neuroendokrin, Tumörer; "vävnad" has six).
    assert lix("Det finns neuroendokrin vävnad. Tumörer växer ofta.") == pytest.approx(7 / 2 + 100 * 2 / 7)
    assert lix("Vad är NET? Det är en tumör: ofta liten.") == pytest.approx(9 / 3)
    assert lix("") == 0


def test_lix_fails_specialist_swedish():
    """Without this, a broken measure would let every page pass."""
    hard = ("Gastroenteropankreatiska neuroendokrina neoplasier uppvisar betydande heterogenitet avseende "
            "proliferationskarakteristika, vilket nödvändiggör individualiserad multidisciplinär terapeutisk "
            "stratifiering inkluderande funktionell somatostatinreceptoravbildning.")
    assert lix(hard) > MAX_LIX


def write(folder, text):
    path = folder / "symptoms.md"
    path.write_text(text, encoding="utf-8")
    return path


FRONT = "---\ntitle: Symtom\nslug: symptoms\nsummary: S.\nreviewed: 2026-12-07\n"


@pytest.mark.parametrize(("front", "body", "message"), [
    ("translated_from: 0123456789ab\nsources:\n  - nhs-inform-net\n", "Text [1].", "remove its sources list"),
    ("translated_from: 0123456789ab\n", "Text [99].", r"sv/symptoms.md: cites sources \[99\]"),
    ("", "Text [1].", "missing front matter translated_from"),
    ("translated_from: last week\n", "Text [1].", "12 hex digits"),
])
def test_a_broken_translation_does_not_load(tmp_path, front, body, message):
    path = write(tmp_path, f"{FRONT}{front}---\n{body}\n")
    with pytest.raises(GuideContentError, match=message):
        parse_translation(path, "sv", ENGLISH)


def test_a_translation_of_a_page_the_guide_lacks_does_not_load(tmp_path):
    path = tmp_path / "no-such-page.md"
    path.write_text("---\ntitle: T\nslug: no-such-page\nsummary: S.\nreviewed: 2026-12-07\n"
                    "translated_from: 0123456789ab\n---\nText.\n", encoding="utf-8")
    with pytest.raises(GuideContentError, match="no English page no-such-page.md"):
        parse_translation(path, "sv", ENGLISH)
