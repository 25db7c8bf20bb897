"""Search the guide in the words people use, in English and Swedish, and say when it has no good answer.

BM25 over sections (a heading and everything under it) with Snowball stemming per language, mended where it
splits one word's forms ("diagnosis"/"diagnosed", "diagnos"/"diagnosen"), and a reviewed table of lay phrases per
language (`lay_terms.py`, `lay_terms_sv.py`) that adds the guide's own words to a question: "face goes red after
wine" also searches for flushing and alcohol, "bajsar hela tiden" for diarré. Before that, each word the guide
does not know is mended: joined to the next word ("neuro endocrine"), split into the guide's words where it is a
Swedish compound ("magsmärtor"), or read as a typo of a guide word one or two letters away ("diarea"), each at a
lower weight.

One common word must not decide: every distinct meaningful word of the question is a concept weighted by
its rarity (IDF), and a page's score is scaled by the share of that weight its words cover. Everyday words
(EVERYDAY_WORDS in the lay tables) rank at EVERYDAY_WEIGHT and a number of one or two digits at COUNT_WEIGHT,
so "8 times a day" no longer finds NET Cancer *Day* or "Ki-67 8 %".

When the guide has no good answer (the rule a reviewer checks): the answer's confidence is the best page's
score as a share of the most the question could score, that is, every one of its words found at its full
rarity in a section about it (a long question counts as at most ENOUGH_EVIDENCE rare words, so it need not
be answered word for word). A page scores low when it leaves part of the question out, when it mentions the
question's words only in passing, or when the question's words are ones the guide never uses ("gout").
Only the words that say what the question is about count: everyday words and bare numbers are left out of the
confidence, so a real question padded with them does not look like one the guide does not cover. Words people
use that the guide does not ("rounds", "boss", "hjärndimma") are read through SPOKEN_TERMS in the lay tables, so
they do not count against a question either; and a topic the guide does not cover, named in words it uses for
others ("life insurance", "give blood", "livförsäkring"), is read through OFF_TOPIC as one word the guide does
not have, so those words no longer find pages about something else. Below ANSWER_THRESHOLD the caller says the
guide does not cover the question and points to the care team, instead of listing unrelated pages. The
threshold is the one that answers the fewest unanswerable questions of the tuned, development and two
calibration sets while keeping the right page in the top three for at least 90 % of the answerable ones, less
one standard error, in every one of those sets in each language (`bench/search_quality.py --curve`, `pick`):
hiding a right page costs more than listing pages for a question the guide does not cover. On the seventh
kept-aside set, written blind and measured once before and once after the off-topic tables, the right page is in
the top three after the gate for 98 % (en) and 97 % (sv), and 26 % and 23 % of the questions the guide does not
cover still get pages, down from 34 % and 29 % (hazard log H-176).
Fail safe: a question with a danger sign in it always gets an answer with the page on when to seek care,
whatever its confidence, and the danger sign is looked for in the question read without off-topic phrases.
No Django import.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cache

import snowballstemmer

from netcompanion.guide import lay_terms, lay_terms_sv
from netcompanion.guide.pages import Page, Passage

MAX_QUERY_WORDS = 64
K1 = 1.2
B = 0.5
TITLE_WEIGHT = 0.5
# A heading names what its section answers, so its words count this many times.
HEADING_WEIGHT = 2
EXPANSION_WEIGHT = 0.8
# A concept's terms beyond its best match add this share of their score.
OTHER_TERMS_SHARE = 0.25
# A mended word is a guess, so it counts for less than a word the guide knows.
COMPOUND_WEIGHT = 0.9
TYPO_WEIGHT = {1: 0.8, 2: 0.6}
# Shortest words mended at one and at two edits: shorter ones have too many neighbours to guess from.
TYPO_MIN_LENGTH = {1: 6, 2: 9}
COMPOUND_MIN_PART = 3
# A number of one or two digits says how many or how often ("8 times a day"), so it must not rank a page for
# the same number in another sense ("Ki-67 8 %"); longer ones name things (1177, 999, lutetium-177).
COUNT_WEIGHT = 0.3
# An everyday word ("day", "times", "om dagen") ranks pages at this share of its weight: it can tell two pages
# apart, but must not carry one by itself ("8 times a day" is not NET Cancer *Day*).
EVERYDAY_WEIGHT = 0.6
# Longer "words" are pasted text or nonsense, and mending them costs time with the square of their length.
MAX_MENDED_LENGTH = 40
# How hard a page is pulled down for leaving part of the question unanswered.
COVERAGE_POWER = 1.0
# A word the page has, but not in the section that answers best, counts this much towards its coverage.
ELSEWHERE_CREDIT = 0.5
# Pages scoring below this share of the best page are noise, not answers.
MIN_SHARE_OF_BEST = 0.3
# Below this confidence (see `GuideIndex.confidence`) the guide has no good answer; chosen by the rule in
# bench/search_quality.py (`pick`), and a test fails when the search changes and the rule picks another.
ANSWER_THRESHOLD = 0.12
# A long question need not have every word answered: it weighs at most this many of the guide's rarest
# words when its confidence is worked out.
ENOUGH_EVIDENCE = 3.0
# The glossary defines every term, so it would answer every question a little;
# it should only win when nothing else answers.
PAGE_PRIOR = {"glossary": 0.6}
SEEK_CARE = "when-to-seek-care"
# The most words a list of results shows of a passage.
EXCERPT_WORDS = 60

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_INITIALISM = re.compile(r"\b(\w)\s?&\s?(\w)\b")  # "A&E" and "a & e" read as "ae"
_FOLD = str.maketrans({"é": "e", "è": "e", "’": "'", "`": "'"})
# People often type Swedish without its dots and rings ("lange" for "länge").
_UNDOTTED = str.maketrans("åäö", "aao")
# Letters after which Swedish Snowball takes a final "s" off (see `_swedish_stems`).
_SWEDISH_S_ENDING = frozenset("bcdfghjklmnoprtvy")

Stemmer = Callable[[str], str]


def _english_stems(snowball: Stemmer) -> Stemmer:
    """Snowball keeps Greek nouns in -sis apart from their verbs ("diagnosis" gives diagnosi, "diagnosed"
    diagnos), so "my husband was diagnosed" missed every page that says "diagnosis". Read the noun as its verb."""
    def stem(word: str) -> str:
        return snowball(word[:-3] + "se" if len(word) >= 7 and word.endswith("sis") else word)
    return stem


def _swedish_stems(snowball: Stemmer) -> Stemmer:
    """Snowball takes the final s off a bare noun ("diagnos" gives diagno) but leaves it when it takes the
    ending off the definite form ("diagnosen" gives diagnos), so the two forms of one word never met. Take
    the s off there too."""
    def stem(word: str) -> str:
        stemmed = snowball(word)
        if len(stemmed) >= 5 and stemmed[-1] == "s" and stemmed[-2] in _SWEDISH_S_ENDING:
            return stemmed[:-1]
        return stemmed
    return stem


@dataclass(frozen=True)
class Language:
    """What the search needs to know about one language."""

    code: str
    stemmer: str
    # Mends what Snowball gets wrong for the language's words.
    stems: Callable[[Stemmer], Stemmer]
    stopwords: frozenset[str]
    lay_terms: tuple[tuple[str, str], ...]
    urgent: tuple[str, ...]
    # Split compounds the guide does not know into words it does, in questions and in the guide itself
    # (Swedish writes "dygnsurinprov" as one word).
    decompound: bool
    rewrites: tuple[tuple[str, str], ...] = ()
    weak: frozenset[str] = frozenset()
    # Words of everyday speech that say nothing of what a question is about; the no-answer gate leaves them
    # out (see `GuideIndex.answer`). As typed, with Swedish letters or without.
    everyday: frozenset[str] = frozenset()
    # Topics the guide does not cover, named in words it uses for others ("life insurance", "livförsäkring"):
    # each is read as one word, which the guide does not have (see `Analyzer.groups`).
    off_topic: tuple[str, ...] = ()
    # Endings an off-topic phrase's last word may take ("kidney stones", "livförsäkringen").
    endings: tuple[str, ...] = ()

    def is_everyday(self, word: str) -> bool:
        return word.translate(_UNDOTTED) in _undotted(self.everyday)


LANGUAGES = {
    "en": Language("en", "english", _english_stems, lay_terms.STOPWORDS, lay_terms.LAY_TERMS, lay_terms.URGENT,
                   False, lay_terms.REWRITES, lay_terms.WEAK_WORDS, lay_terms.EVERYDAY_WORDS, lay_terms.OFF_TOPIC,
                   ("s", "es")),
    "sv": Language("sv", "swedish", _swedish_stems, lay_terms_sv.STOPWORDS, lay_terms_sv.LAY_TERMS,
                   lay_terms_sv.URGENT, True, lay_terms_sv.REWRITES, lay_terms_sv.WEAK_WORDS,
                   lay_terms_sv.EVERYDAY_WORDS, lay_terms_sv.OFF_TOPIC,
                   ("arna", "erna", "orna", "ens", "ets", "en", "et", "ar", "er", "or", "na", "ns", "n", "t", "s")),
}


@cache
def _undotted(words: frozenset[str]) -> frozenset[str]:
    return frozenset(word.translate(_UNDOTTED) for word in words)


class Analyzer:
    """Words to stems for one language; the stop list is applied to words before stemming."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._rewrites = dict(language.rewrites)
        phrases = "|".join(map(re.escape, self._rewrites))
        self._rewrite = re.compile(rf"\b(?:{phrases})\b") if phrases else None
        # Each off-topic phrase, and its form typed without å, ä, ö, as its words written together; its last
        # word may take one of the language's endings.
        self._off_topic = {variant: _joined(phrase) for phrase in language.off_topic
                           for variant in (phrase, phrase.translate(_UNDOTTED))}
        self.off_topic = frozenset(self._off_topic.values())
        # An off-topic word is not stemmed, so "pets" cannot become the "pet" of a PET scan.
        stem = language.stems(snowballstemmer.stemmer(language.stemmer).stemWord)
        self.stem = cache(lambda word: word if word in self.off_topic else stem(word))
        topics = "|".join(map(re.escape, sorted(self._off_topic, key=len, reverse=True)))
        endings = "|".join(language.endings)
        self._topic = re.compile(rf"\b({topics})(?:{endings})?\b") if topics else None

    def groups(self, text: str, off_topic: bool = True) -> list[tuple[str, ...]]:
        """Content words as typed, lower case, one group per word: "5-HIAA" gives (hiaa, 5hiaa), a word with
        no hyphen a group of one; "can't" gives nothing. An off-topic phrase is one word ("lifeinsurance")
        unless `off_topic` is false."""
        text = _INITIALISM.sub(r"\1\2", text.lower().translate(_FOLD))
        if self._rewrite:
            text = self._rewrite.sub(lambda m: self._rewrites[m.group()], text)
        if off_topic and self._topic:
            text = self._topic.sub(lambda m: self._off_topic[m.group(1)], text)
        out: list[tuple[str, ...]] = []
        for word in _WORD.findall(text):
            if "'" in word:
                word = word.split("'")[0]
            parts = word.split("-")
            if len(parts) > 1:
                out.append((*(p for p in parts if p not in self.language.stopwords and not p.isdigit()),
                            "".join(parts)))
            elif word not in self.language.stopwords:
                out.append((word,))
        return out

    def words(self, text: str) -> list[str]:
        """Content words as typed, lower case. "5-HIAA" gives hiaa and 5hiaa."""
        return [word for group in self.groups(text) for word in group]

    def tokens(self, text: str) -> list[str]:
        return [self.stem(word) for word in self.words(text)]


def _joined(phrase: str) -> str:
    return re.sub(r"\W+", "", phrase)


@cache
def analyzer(lang: str) -> Analyzer:
    return Analyzer(LANGUAGES[lang])


def tokens(text: str, lang: str = "en") -> list[str]:
    """Stemmed content words of a text in a language."""
    return analyzer(lang).tokens(text)


def _compile_phrases(lang: str, phrases: Iterable[str]) -> list[frozenset[str]]:
    keys = []
    for phrase in phrases:
        key = frozenset(tokens(phrase, lang))
        if not key:
            raise ValueError(f"{lang} phrase {phrase!r} has only stop words")
        keys.append(key)
    return keys


@cache
def _lay_table(lang: str) -> list[tuple[frozenset[str], tuple[str, ...]]]:
    rows = LANGUAGES[lang].lay_terms
    keys = _compile_phrases(lang, (phrase for phrase, _ in rows))
    return [(key, tuple(tokens(guide_words, lang))) for key, (_, guide_words) in zip(keys, rows, strict=True)]


@cache
def _urgent_keys(lang: str) -> list[frozenset[str]]:
    return _compile_phrases(lang, LANGUAGES[lang].urgent)


def expand(query_tokens: list[str], lang: str = "en") -> dict[str, float]:
    """Query term weights: the person's own words at 1, lay-phrase expansions a little lower."""
    weights: dict[str, float] = dict.fromkeys(query_tokens, 1.0)
    present = set(query_tokens)
    for key, added in _lay_table(lang):
        if key <= present:
            for term in added:
                weights.setdefault(term, EXPANSION_WEIGHT)
    return weights


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent swaps counted as one edit (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str) -> set[str]:
    """The word and every form of it with one letter left out: two words share one when they are one edit
    apart, and often when they are two (one letter added and another dropped)."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass
class Concept:
    """One meaningful word of a question: its terms (own stem and lay expansions) and how much it matters to
    whether a page covers the question (its rarity; nothing for a weak word such as "after")."""

    word: str
    terms: dict[str, float] = field(default_factory=dict)
    certainty: float = 1.0
    idf: float = 0.0
    # An everyday word ("nobody", "funkar") that no lay phrase reads as part of something the guide is about.
    everyday: bool = False


@dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    score: float
    passage: str
    heading: str
    anchor: str
    lang: str = "en"
    # The part of the passage a list of results shows (see `GuideIndex.excerpt`).
    excerpt: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"slug": self.slug, "title": self.title, "score": round(self.score, 3),
                "passage": self.passage, "heading": self.heading, "anchor": self.anchor, "lang": self.lang}


@dataclass(frozen=True)
class Answer:
    """The search's reply: pages best first, or none when the guide does not cover the question.

    `confidence` is how sure the search is that the best page answers (0 to 1, see `GuideIndex.confidence`);
    `urgent` says the question names a danger sign, so the page on when to seek care comes first whatever the
    confidence.
    """

    hits: tuple[Hit, ...]
    confidence: float
    urgent: bool

    @property
    def covered(self) -> bool:
        return bool(self.hits)

    def as_dict(self) -> dict[str, object]:
        return {"covered": self.covered, "confidence": self.confidence, "urgent": self.urgent,
                "results": [hit.as_dict() for hit in self.hits]}


class _Bm25:
    """A BM25 index over a list of token lists, scored concept by concept.

    A concept adds its best-matching term and only a share of its others, so a word with three lay
    expansions cannot count three times ("back" must not outweigh the rest of "back on my feet after the
    op"), while a section with the word and its synonyms still beats one with the word alone.
    """

    def __init__(self, docs: list[list[str]]) -> None:
        n = len(docs)
        average = (sum(len(d) for d in docs) / n) if n else 0.0
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            for term, tf in Counter(doc).items():
                postings[term].append((i, tf))
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
        # Each term's BM25 score in each document that has it, worked out once.
        self.impacts: dict[str, list[tuple[int, float]]] = {
            term: [(i, self.idf[term] * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(docs[i]) / average)))
                   for i, tf in plist]
            for term, plist in postings.items()
        }

    def scores(self, concepts: list[Concept]) -> dict[int, tuple[float, int]]:
        """Per document: the score, and a bit mask of the concepts (by position) it matched."""
        acc: dict[int, tuple[float, int]] = {}
        for position, concept in enumerate(concepts):
            best: dict[int, float] = {}
            total: dict[int, float] = {}
            for term, w in concept.terms.items():
                weight = w * concept.certainty
                for i, impact in self.impacts.get(term, ()):
                    value = weight * impact
                    if value > best.get(i, 0.0):
                        best[i] = value
                    total[i] = total.get(i, 0.0) + value
            bit = 1 << position
            for i, value in best.items():
                score, mask = acc.get(i, (0.0, 0))
                acc[i] = (score + value + OTHER_TERMS_SHARE * (total[i] - value), mask | bit)
        return acc


class GuideIndex:
    """Ranks pages of one language by their best section; shows the page's best-matching passage.

    Sections carry enough context to rank pages well; single passages are too short and reward a
    passing mention. The passage index only picks which paragraph of the page to show.
    """

    def __init__(self, pages: Iterable[Page], lang: str = "en") -> None:
        self.pages = list(pages)
        self.lang = lang
        self._analyzer = analyzer(lang)
        self._passages: list[Passage] = []
        self._section_of_passage: list[int] = []
        self._section_owner: list[int] = []
        section_words: list[list[str]] = []
        passage_words: list[list[str]] = []
        title_words = [self._analyzer.words(" ".join([p.title, p.summary, *map(str, p.keywords)])) for p in self.pages]
        for p_index, page in enumerate(self.pages):
            previous_heading = None
            for passage in page.passages:
                if passage.heading != previous_heading or not section_words:
                    previous_heading = passage.heading
                    self._section_owner.append(p_index)
                    heading = self._analyzer.words(passage.heading)
                    section_words.append(heading * HEADING_WEIGHT)
                words = self._analyzer.words(passage.text)
                section_words[-1].extend(words)
                passage_words.append(heading + words)  # a paragraph means what its heading asks
                self._passages.append(passage)
                self._section_of_passage.append(len(section_words) - 1)
        self._build_vocabulary(section_words + title_words)
        self._sections = _Bm25([self._index_terms(w) for w in section_words])
        self._body = _Bm25([self._index_terms(w) for w in passage_words])
        self._titles = _Bm25([self._index_terms(w) for w in title_words])
        self._max_idf = max(self._sections.idf.values(), default=1.0)

    # Vocabulary: what the guide and the lay table know, for mending words the guide does not know.

    def _build_vocabulary(self, docs: list[list[str]]) -> None:
        stem = self._analyzer.stem
        counts = Counter(word for doc in docs for word in doc)
        self._stems = {stem(word) for word in counts}
        lay_words = [w for phrase, _ in self._analyzer.language.lay_terms for w in self._analyzer.words(phrase)]
        self._known = self._stems | {stem(w) for w in lay_words}
        counts.update(lay_words)
        self._frequency = counts
        self._near: dict[str, list[str]] = defaultdict(list)
        for word in counts:
            if len(word) >= TYPO_MIN_LENGTH[1]:
                for variant in _deletions(word):
                    self._near[variant].append(word)
        self._compound_cache: dict[tuple[str, bool], tuple[str, ...]] = {}

    def _index_terms(self, words: list[str]) -> list[str]:
        """A section's stems; in Swedish each compound also gives its parts ("dygnsurin": dygn, urin)."""
        terms = [self._analyzer.stem(w) for w in words]
        if self._analyzer.language.decompound:
            for word in words:
                parts = self._split(word, self._stems)
                if len(parts) > 1:
                    terms.extend(parts)
        return terms

    def _split(self, word: str, known: set[str]) -> tuple[str, ...]:
        """The stems of a compound's parts, each a word the guide knows; the word's own stem if it is none.

        Tries every split point, with and without a linking "s" ("blodprovssvar"), and keeps the most
        even split ("specialist|centrum", not "specialistcent|rum"); where no two parts are known, the
        first part may split again, so three-part compounds work too.
        """
        key = (word, known is self._stems)
        cached = self._compound_cache.get(key)
        if cached is not None:
            return cached
        if len(word) > MAX_MENDED_LENGTH:
            return (self._analyzer.stem(word),)
        stem = self._analyzer.stem
        stopwords = self._analyzer.language.stopwords
        splits: list[tuple[int, tuple[str, ...]]] = []
        longer: list[tuple[str, str]] = []
        for i in range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1):
            head = word[i:]
            # A stem is the start of its word, so a head none of whose starts is known needs no stemming.
            if head in stopwords or not any(head[:k] in known for k in range(COMPOUND_MIN_PART, len(head) + 1)):
                continue
            head_stem = stem(head)
            if head_stem not in known:
                continue
            for modifier in (word[:i], word[:i - 1] if word[i - 1] == "s" else ""):
                if len(modifier) < COMPOUND_MIN_PART or modifier in stopwords:
                    continue
                if modifier in known or stem(modifier) in known:
                    splits.append((min(len(modifier), len(word) - i), (stem(modifier), head_stem)))
                elif len(modifier) >= 2 * COMPOUND_MIN_PART:
                    longer.append((modifier, head_stem))
        best: tuple[str, ...] = max(splits)[1] if splits else (stem(word),)
        if not splits:
            for modifier, head_stem in longer:
                if len(inner := self._split(modifier, known)) > 1:
                    best = (*inner, head_stem)
                    break
        self._compound_cache[key] = best
        return best

    def _correct(self, word: str) -> tuple[str, int] | None:
        """The likeliest guide word one or two edits away, with the same first letter, and its distance."""
        if not TYPO_MIN_LENGTH[1] <= len(word) <= MAX_MENDED_LENGTH or word.isdigit():
            return None
        allowed = 2 if len(word) >= TYPO_MIN_LENGTH[2] else 1
        candidates = {c for variant in _deletions(word) for c in self._near.get(variant, ())}
        scored = [
            (distance, -self._frequency[c], c)
            for c in candidates
            if c[0] == word[0] and (distance := edit_distance(word, c)) <= allowed
        ]
        if not scored:
            return None
        distance, _, best = min(scored)
        return best, distance

    # Questions

    def concepts(self, query: str, off_topic: bool = True) -> list[Concept]:
        """The question's meaningful words, each mended if need be, with its lay expansions and rarity."""
        stem = self._analyzer.stem
        groups = self._analyzer.groups(query, off_topic)[:MAX_QUERY_WORDS]
        words = [group[0] for group in groups]
        concepts: list[Concept] = []
        skip = False
        for i, word in enumerate(words):
            if skip:
                skip = False
                continue
            joined = word + words[i + 1] if i + 1 < len(words) and len(groups[i + 1]) == 1 else ""
            if word in self._analyzer.off_topic:  # a topic the guide does not cover, never mended into one it does
                concepts.append(Concept(word, {stem(word): 1.0}))
            elif len(groups[i]) > 1:  # "24-hour" is one word of the question, however it is written
                concepts.append(Concept(groups[i][-1], {stem(w): 1.0 for w in groups[i]}))
            elif joined and stem(word) not in self._stems and stem(joined) in self._stems:
                concepts.append(Concept(joined, {stem(joined): 1.0}))
                skip = True
            elif word.isdigit():
                concepts.append(Concept(word, {stem(word): 1.0}, COUNT_WEIGHT if len(word) <= 2 else 1.0))
            elif (own := stem(word)) in self._known:
                concepts.append(Concept(word, {own: 1.0}))
            elif self._analyzer.language.decompound and len(parts := self._split(word, self._known)) > 1:
                concepts.extend(Concept(word, {part: 1.0}, COMPOUND_WEIGHT) for part in parts)
            elif mended := self._correct(word):
                guess, distance = mended
                concepts.append(Concept(word, {stem(guess): 1.0}, TYPO_WEIGHT[distance]))
            else:
                concepts.append(Concept(word, {own: 1.0}))
        concepts = [c for c in concepts if not (c.word.isdigit() and not set(c.terms) & self._stems)]
        self._add_lay_words(concepts)
        language = self._analyzer.language
        for concept in concepts:
            rarity = [self._sections.idf[t] for t in concept.terms if t in self._sections.idf]
            concept.idf = 0.0 if concept.word in language.weak else max(rarity, default=self._max_idf)
            # One term: its own stem, so no lay phrase gave it guide words ("bring someone": relative, visit). A
            # number says how many or how much ("8 times a day"), not what the question is about.
            everyday = language.is_everyday(concept.word) or concept.word.isdigit()
            concept.everyday = everyday and len(concept.terms) == 1
            if concept.everyday:
                concept.certainty *= EVERYDAY_WEIGHT
        return concepts

    def _add_lay_words(self, concepts: list[Concept]) -> None:
        present = {term for c in concepts for term in c.terms}
        for key, added in _lay_table(self.lang):
            if key <= present:
                for concept in concepts:
                    if key & concept.terms.keys():
                        for term in added:
                            concept.terms.setdefault(term, EXPANSION_WEIGHT)

    @staticmethod
    def _coverage(mask: int, elsewhere: int, concepts: list[Concept]) -> float:
        """The share of the question's weight that the concepts matched (bit masks by position) carry:
        in full for those in `mask`, at ELSEWHERE_CREDIT for those only in `elsewhere`."""
        total = sum(c.idf for c in concepts)
        covered = 0.0
        for i, concept in enumerate(concepts):
            if mask >> i & 1:
                covered += concept.idf * concept.certainty
            elif elsewhere >> i & 1:
                covered += concept.idf * concept.certainty * ELSEWHERE_CREDIT
        return covered / total if total else 0.0

    def confidence(self, score: float, concepts: list[Concept]) -> float:
        """How sure the search is that the best page answers the question, from 0 to 1.

        The best page's score as a share of the most its question could score: each of the question's words
        found at its full rarity in a section that says much about it. The score already counts only the
        share of the question the page covers, so a page that covers all of it but mentions its words only
        in passing is less sure than one about them. The question weighs at most ENOUGH_EVIDENCE of the
        guide's rarest words.
        """
        weight = min(sum(c.idf for c in concepts), ENOUGH_EVIDENCE * self._max_idf)
        return min(1.0, score / (weight * (K1 + 1))) if weight else 0.0

    def _is_urgent(self, concepts: list[Concept]) -> bool:
        present = {term for c in concepts for term in c.terms if c.terms[term] == 1.0}
        return any(key <= present for key in _urgent_keys(self.lang))

    def _rank(self, concepts: list[Concept]) -> list[tuple[Hit, float]]:
        """Pages best first, each with its coverage: the share of the question its best section and its
        title, summary and keywords answer together (and, for less, the rest of the page)."""
        best_section: dict[int, tuple[float, int, int]] = {}
        page_mask: dict[int, int] = defaultdict(int)
        section_scores = self._sections.scores(concepts)
        for section, (score, mask) in section_scores.items():
            owner = self._section_owner[section]
            page_mask[owner] |= mask
            if owner not in best_section or score > best_section[owner][0]:
                best_section[owner] = (score, mask, section)
        # The passage shown is the page's best by its own words and its section's together: the answer
        # itself, in the part of the page that is about the question.
        best_passage: dict[int, tuple[float, int]] = {}
        for i, (score, _) in self._body.scores(concepts).items():
            section = self._section_of_passage[i]
            owner = self._section_owner[section]
            score += section_scores[section][0]
            if score > best_passage.get(owner, (0.0, 0))[0]:
                best_passage[owner] = (score, i)
        title_scores = self._titles.scores(concepts)
        ranked = []
        for owner, (score, mask, section) in best_section.items():
            page = self.pages[owner]
            title_score, title_mask = title_scores.get(owner, (0.0, 0))
            coverage = self._coverage(mask | title_mask, page_mask[owner], concepts)
            total = (score + TITLE_WEIGHT * title_score) * PAGE_PRIOR.get(page.slug, 1.0) * coverage ** COVERAGE_POWER
            shown = best_passage[owner][1] if owner in best_passage else self._first_passage(section)
            passage = self._passages[shown]
            hit = Hit(page.slug, page.title, total, passage.text, passage.heading, passage.anchor, page.lang)
            ranked.append((hit, coverage))
        ranked.sort(key=lambda pair: (-pair[0].score, pair[0].slug))
        if ranked:
            floor = ranked[0][0].score * MIN_SHARE_OF_BEST
            ranked = [pair for pair in ranked if pair[0].score >= floor]
        return ranked

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        """The pages that answer best, best first, however weak the best is (see `answer`)."""
        concepts = self.concepts(query)
        return self._with_excerpts([hit for hit, _ in self._rank(concepts)][:limit], concepts)

    def answer(self, query: str, limit: int = 5) -> Answer:
        """The pages that answer the question, or none when the guide does not cover it.

        The confidence is worked out on the words that say what the question is about, its everyday words
        left out (all of them if that leaves none), so "nobody ever gave me a care plan" is judged as "care
        plan"; the pages listed are still ranked on every word. A danger sign in the question always answers,
        with the page on when to seek care first (at its best-matching passage when it ranks): missing or
        unsure never hides where to get help.
        """
        concepts = self.concepts(query)
        ranked = self._rank(concepts)
        topic = [c for c in concepts if not c.everyday] or concepts
        judged = ranked if len(topic) == len(concepts) else self._rank(topic)
        confidence = self.confidence(judged[0][0].score, topic) if judged else 0.0
        # Read without off-topic phrases, so that "scarlet fever" still names a fever: an off-topic reading
        # never makes a question less urgent.
        read_off_topic = any(c.word in self._analyzer.off_topic for c in concepts)
        urgent = self._is_urgent(self.concepts(query, off_topic=False) if read_off_topic else concepts)
        hits = [hit for hit, _ in ranked][:limit]
        if urgent:
            ranked_seek_care = [h for h in hits if h.slug == SEEK_CARE]
            seek_care = ranked_seek_care or [hit for hit in [self._seek_care_hit()] if hit]
            hits = (seek_care + [h for h in hits if h.slug != SEEK_CARE])[:limit]
        elif confidence < ANSWER_THRESHOLD:
            hits = []
        return Answer(tuple(self._with_excerpts(hits, concepts)), round(confidence, 3), urgent)

    def _seek_care_hit(self) -> Hit | None:
        """The page on when to seek care, opened at its top; None while this language has no such page."""
        page = next((p for p in self.pages if p.slug == SEEK_CARE), None)
        if page is None:
            return None
        first = page.passages[0]
        return Hit(page.slug, page.title, 0.0, first.text, first.heading, first.anchor, page.lang)

    def _with_excerpts(self, hits: list[Hit], concepts: list[Concept]) -> list[Hit]:
        """The hits a list will show, each with its excerpt: worked out for those only, not every page ranked."""
        return [replace(hit, excerpt=self.excerpt(hit.passage, concepts)) for hit in hits]

    def excerpt(self, text: str, concepts: list[Concept]) -> str:
        """At most EXCERPT_WORDS words of a passage: the sentence that has most of the question's weight, with as
        many of its neighbours as fit, the one after it first; "…" marks what is left out.

        Cutting a passage at its first sixty words hid the answer when it came late: "can I drink coffee" showed
        the food triggers up to "So can …", the sentence on caffeine cut off.
        """
        sentences = _SENTENCE_END.split(text.strip())
        lengths = [len(sentence.split()) for sentence in sentences]

        def weight(sentence: str) -> float:
            terms = set(self._index_terms(self._analyzer.words(sentence)))
            return sum(max(c.idf, 0.1) * c.certainty * max((w for t, w in c.terms.items() if t in terms), default=0.0)
                       for c in concepts)

        best = max(range(len(sentences)), key=lambda i: (weight(sentences[i]), -i))
        first = last = best
        while True:
            room = EXCERPT_WORDS - sum(lengths[first:last + 1])
            if last + 1 < len(sentences) and lengths[last + 1] <= room:
                last += 1
            elif first > 0 and lengths[first - 1] <= room:
                first -= 1
            else:
                break
        words = " ".join(sentences[first:last + 1]).split()
        shown = " ".join(words[:EXCERPT_WORDS])
        cut_after = last + 1 < len(sentences) or len(words) > EXCERPT_WORDS
        return ("… " if first else "") + shown + (" …" if cut_after else "")

    def _first_passage(self, section: int) -> int:
        return self._section_of_passage.index(section)
