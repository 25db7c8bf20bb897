"""The guide and its search index, one per language, each built once per process."""

from functools import cache

from netcompanion.guide.pages import DEFAULT_LANGUAGE, content_language, load_pages
from netcompanion.guide.search import LANGUAGES, Answer, GuideIndex

MAX_QUESTION_LENGTH = 500
# Where netcompanion/urls.py mounts the guide. The engine commands run without settings (netcompanion.cli), so
# without the URL resolver; a test checks that this path and reverse() agree.
GUIDE_PATH = "/guide/"


def search_language(language_code: str | None) -> str:
    """The language to search in for a language code ("sv-se" is Swedish); English where search has no such
    language."""
    lang = content_language(language_code or DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


@cache
def guide_index(lang: str = DEFAULT_LANGUAGE) -> GuideIndex:
    """The search over the pages written in a language (see `search_language`)."""
    return GuideIndex(load_pages(lang).values(), lang)


def page_link(slug: str, anchor: str = "") -> str:
    """The path of a guide page (by its English slug), opened at a section when there is an anchor."""
    return f"{GUIDE_PATH}{slug}/" + (f"#{anchor}" if anchor else "")


def answer_as_dict(question: str, lang: str, answer: Answer) -> dict[str, object]:
    """An answer as the API and the `ask` command give it: each result with the link to its page."""
    results = [{**hit.as_dict(), "url": page_link(hit.slug, hit.anchor)} for hit in answer.hits]
    return {"query": question, "lang": lang, **answer.as_dict(), "results": results}
