"""Search the guide in the words patients use.

BM25 over passages (a paragraph or list item with its heading), English
Snowball stemming, and a reviewed table of lay phrases (`lay_terms.py`) that
adds the guide's own words to a question: "face goes red after wine" also
searches for flushing and alcohol. A page ranks by its best passage plus a
smaller weight for its title and summary, so the answer shown is the passage
that matched best. No Django import.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from netcompanion.guide.lay_terms import LAY_TERMS, STOPWORDS
from netcompanion.guide.pages import Page, Passage

MAX_QUERY_TOKENS = 64
K1 = 1.2
B = 0.5
TITLE_WEIGHT = 0.5
# A heading names what its section answers, so its words count this many times.
HEADING_WEIGHT = 3
EXPANSION_WEIGHT = 0.8
# Pages scoring below this share of the best page are noise, not answers.
MIN_SHARE_OF_BEST = 0.3
# The glossary defines every term, so it would answer every question a little;
# it should only win when nothing else answers.
PAGE_PRIOR = {"glossary": 0.6}

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_stem = cache(snowballstemmer.stemmer("english").stemWord)  # a guide repeats its words; stem each once


def tokens(text: str) -> list[str]:
    """Stemmed content words. "5-HIAA" and "5 HIAA" both give "5hiaa"; "can't" is dropped."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if "'" in word:
            word = word.split("'")[0]
        parts = word.split("-")
        if len(parts) > 1:
            joined = "".join(parts)
            out.extend(p for p in parts if p not in STOPWORDS and not p.isdigit())
            out.append(joined)
        elif word not in STOPWORDS:
            out.append(word)
    return [_stem(word) for word in out]


def _compile_lay_terms() -> list[tuple[frozenset[str], tuple[str, ...]]]:
    table = []
    for phrase, guide_words in LAY_TERMS:
        key = frozenset(tokens(phrase))
        if not key:
            raise ValueError(f"lay phrase {phrase!r} has only stop words")
        table.append((key, tuple(tokens(guide_words))))
    return table


_LAY = _compile_lay_terms()


def expand(query_tokens: list[str]) -> dict[str, float]:
    """Query term weights: the person's own words at 1, lay-phrase expansions a little lower."""
    weights: dict[str, float] = dict.fromkeys(query_tokens, 1.0)
    present = set(query_tokens)
    for key, added in _LAY:
        if key <= present:
            for term in added:
                weights.setdefault(term, EXPANSION_WEIGHT)
    return weights


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    score: float
    passage: str
    heading: str
    anchor: str

    def as_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "title": self.title, "score": round(self.score, 3),
                "passage": self.passage, "heading": self.heading, "anchor": self.anchor}


class _Bm25:
    """A BM25 index over a list of token lists."""

    def __init__(self, docs: list[list[str]]) -> None:
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                self.postings[term].append((i, tf))
        self.idf = {
            t: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()
        }

    def scores(self, weights: dict[str, float]) -> dict[int, float]:
        acc: dict[int, float] = defaultdict(float)
        for term, w in weights.items():
            for i, tf in self.postings.get(term, ()):
                norm = tf + K1 * (1 - B + B * self.lengths[i] / self.avg)
                acc[i] += w * self.idf[term] * tf * (K1 + 1) / norm
        return acc


class GuideIndex:
    """Ranks pages by their best section; shows the page's best-matching passage.

    Sections (a heading and everything under it) carry enough context to rank
    pages well; single passages are too short and reward a passing mention.
    The passage index only picks which paragraph of the page to show.
    """

    def __init__(self, pages: Iterable[Page]) -> None:
        self.pages = list(pages)
        self._passages: list[Passage] = []
        self._section_of_passage: list[int] = []
        self._section_owner: list[int] = []
        section_docs: list[list[str]] = []
        passage_docs: list[list[str]] = []
        for p_index, page in enumerate(self.pages):
            previous_heading = None
            for passage in page.passages:
                if passage.heading != previous_heading or not section_docs:
                    previous_heading = passage.heading
                    self._section_owner.append(p_index)
                    section_docs.append(tokens(passage.heading))
                words = tokens(passage.text)
                section_docs[-1].extend(words)
                passage_docs.append(words)
                self._passages.append(passage)
                self._section_of_passage.append(len(section_docs) - 1)
        self._sections = _Bm25(section_docs)
        self._body = _Bm25(passage_docs)
        self._titles = _Bm25(
            [tokens(f"{p.title} {p.summary} {' '.join(p.keywords)}") for p in self.pages]
        )

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        weights = expand(tokens(query)[:MAX_QUERY_TOKENS])
        if not weights:
            return []
        best_section: dict[int, tuple[float, int]] = {}
        for section, score in self._sections.scores(weights).items():
            owner = self._section_owner[section]
            if owner not in best_section or score > best_section[owner][0]:
                best_section[owner] = (score, section)
        best_passage: dict[int, tuple[float, int]] = {}
        for i, score in self._body.scores(weights).items():
            owner = self._section_owner[self._section_of_passage[i]]
            if owner not in best_passage or score > best_passage[owner][0]:
                best_passage[owner] = (score, i)
        title_scores = self._titles.scores(weights)
        ranked = []
        for owner, (score, section) in best_section.items():
            page = self.pages[owner]
            total = (score + TITLE_WEIGHT * title_scores.get(owner, 0.0)) * PAGE_PRIOR.get(page.slug, 1.0)
            passage = self._passages[best_passage.get(owner, (0.0, self._first_passage(section)))[1]]
            ranked.append(Hit(page.slug, page.title, total, passage.text, passage.heading, passage.anchor))
        ranked.sort(key=lambda h: (-h.score, h.slug))
        floor = ranked[0].score * MIN_SHARE_OF_BEST if ranked else 0.0
        return [h for h in ranked if h.score >= floor][:limit]

    def _first_passage(self, section: int) -> int:
        return self._section_of_passage.index(section)
