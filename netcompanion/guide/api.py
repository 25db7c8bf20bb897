from typing import Annotated

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from pydantic import StringConstraints

from netcompanion.guide.search import LANGUAGES
from netcompanion.guide.services import MAX_QUESTION_LENGTH, answer_as_dict, guide_index, search_language

router = Router(tags=["guide"])

Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUESTION_LENGTH)]
# A language the search speaks, with or without a region ("sv", "sv-SE", "en-GB").
Language = Annotated[str, StringConstraints(pattern=rf"^({'|'.join(LANGUAGES)})(-[A-Za-z]{{2,8}})?$")]
NOT_COVERED = _("The guide does not answer this question. Ask your care team, for example your contact nurse.")
# Said in Swedish, where people know 1177 (health care advice by phone, day and night).
NOT_COVERED_SWEDEN = _("You can also call 1177 for health care advice, day and night.")


class SearchParams(Schema):
    q: Question
    limit: Annotated[int, Query(ge=1, le=20)] = 5
    lang: Language | None = None


class SearchHit(Schema):
    slug: str
    title: str
    score: float
    passage: str
    heading: str
    anchor: str
    lang: str = "en"
    url: str = ""


class SearchResult(Schema):
    query: str
    results: list[SearchHit]
    lang: str = "en"
    covered: bool = True
    confidence: float = 1.0
    urgent: bool = False
    message: str = ""


@router.get("/search", response=SearchResult, summary="Find the guide pages that answer a question")
def search(request, params: Query[SearchParams]):
    """Searches the pages written in `lang` (else the request's language). Each result names its page by the
    English slug, with the title in that language and a link. When the guide does not answer the question,
    `covered` is false, `results` is empty and `message` says where to ask instead, in that language; a question
    with a danger sign (`urgent`) always gets the page on when to seek care."""
    lang = search_language(params.lang or translation.get_language())
    answer = guide_index(lang).answer(params.q, limit=params.limit)
    message = ""
    if not answer.covered:
        with translation.override(lang):
            message = " ".join(str(m) for m in (NOT_COVERED, *([NOT_COVERED_SWEDEN] if lang == "sv" else [])))
    return {**answer_as_dict(params.q, lang, answer), "message": message}
