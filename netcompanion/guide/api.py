from typing import Annotated

from ninja import Query, Router, Schema
from pydantic import StringConstraints

from netcompanion.guide.services import MAX_QUESTION_LENGTH, guide_index

router = Router(tags=["guide"])

Question = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_QUESTION_LENGTH)]


class SearchParams(Schema):
    q: Question
    limit: Annotated[int, Query(ge=1, le=20)] = 5


class SearchHit(Schema):
    slug: str
    title: str
    score: float
    passage: str
    heading: str
    anchor: str


class SearchResult(Schema):
    query: str
    results: list[SearchHit]


@router.get("/search", response=SearchResult, summary="Find the guide pages that answer a question")
def search(request, params: Query[SearchParams]):
    hits = guide_index().search(params.q, limit=params.limit)
    return {"query": params.q, "results": [h.as_dict() for h in hits]}
