"""Search in people's words, in English and Swedish: the unit rules, quality measured on lay questions, the
answer that says the guide does not cover a question, and the language in the command and the API."""

import json
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from bench.search_quality import Gated, at, choosing_sets, pick
from netcompanion.guide import lay_terms, lay_terms_sv
from netcompanion.guide.pages import load_guide, load_pages
from netcompanion.guide.search import ANSWER_THRESHOLD, EXCERPT_WORDS, GuideIndex, edit_distance, expand, tokens
from netcompanion.guide.services import guide_index, page_link

HERE = Path(__file__).parent


def read_questions(name: str) -> list[tuple[str, set[str]]]:
    """Rows of "question<TAB>slug,slug"; "-" for a question the guide does not answer (an empty set)."""
    return [
        (question, set() if slugs == "-" else set(slugs.split(",")))
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
        for question, slugs in [line.split("\t")]
    ]


QUESTIONS = read_questions("search_questions.tsv")
URGENT = [
    "i have bad stomach pain and the clinic is closed",
    "when should i call an ambulance",
    "my skin and eyes have gone yellow",
    "i have chest pain and can't breathe",
    "i'm vomiting blood",
    "there is a lot of blood in my poo and i feel faint",
]
INDEX = GuideIndex(load_guide().values())


def test_tokens_stem_and_drop_stop_words():
    assert tokens("Flushes and flushing") == tokens("flush flush")
    assert "5hiaa" in tokens("the 5-HIAA test") and "5hiaa" in tokens("5HIAA")
    assert tokens("what is it") == []


def test_lay_words_add_the_guide_words():
    weights = expand(tokens("my face goes red after wine"))
    assert weights[tokens("flushing")[0]] < 1.0
    assert tokens("alcohol")[0] in weights
    assert weights[tokens("wine")[0]] == 1.0


def test_it_ranks_by_score_and_returns_the_best_passage():
    hits = INDEX.search("what foods should I avoid before the 24-hour urine test", limit=5)
    assert hits[0].slug == "tests-and-diagnosis"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert any(w in hits[0].passage.lower() for w in ("banana", "avocado", "tomato", "walnut", "food"))


@pytest.mark.parametrize("query", ["", "   ", "the and of", "x" * 10_000, "ö ü 日本 🙂", "a&e & - '' --", "å" * 600,
                                   "blodprovssvarsblankettsunderskrift" * 20])
@pytest.mark.parametrize("lang", ["en", "sv"])
def test_odd_queries_return_quickly_and_safely(query, lang):
    index = guide_index(lang)
    start = time.perf_counter()
    assert isinstance(index.search(query), list)
    assert isinstance(index.answer(query).covered, bool)
    assert time.perf_counter() - start < 2.0, "a long nonsense word once took 90 s to mend"


def test_at_least_85_percent_of_lay_questions_find_their_page_first():
    misses = [q for q, expected in QUESTIONS if not (hits := INDEX.search(q, 1)) or hits[0].slug not in expected]
    rate = 1 - len(misses) / len(QUESTIONS)
    print(f"top-1: {rate:.0%} of {len(QUESTIONS)}; misses: {misses}")
    assert rate >= 0.85, misses


def test_every_lay_question_finds_its_page_in_the_top_three():
    misses = [q for q, expected in QUESTIONS if not {h.slug for h in INDEX.search(q, 3)} & expected]
    assert not misses


@pytest.mark.parametrize("question", URGENT)
def test_urgent_questions_reach_when_to_seek_care(question):
    assert "when-to-seek-care" in {h.slug for h in INDEX.search(question, 3)}


# Answers, in English and Swedish, on the development questions written before the search was changed.
# The figures they hold are below those the sets reach today, so a change that makes search worse fails.
DEV_TARGETS = {"en": {"top1": 0.75, "top3": 0.9, "wrong": 0.35}, "sv": {"top1": 0.8, "top3": 0.9, "wrong": 0.2}}


@pytest.mark.parametrize("lang", ["en", "sv"])
def test_the_development_questions_find_their_page_and_unanswerable_ones_get_no_pages(lang):
    index = guide_index(lang)
    rows = read_questions(f"search_dev_{lang}.tsv")
    answerable = [(q, expected) for q, expected in rows if expected]
    unanswerable = [q for q, expected in rows if not expected]
    answers = {q: [h.slug for h in index.answer(q, 3).hits] for q, _ in rows}
    top1 = sum(bool(answers[q]) and answers[q][0] in expected for q, expected in answerable) / len(answerable)
    top3 = sum(bool(set(answers[q]) & expected) for q, expected in answerable) / len(answerable)
    wrong = sum(bool(answers[q]) for q in unanswerable) / len(unanswerable)
    target = DEV_TARGETS[lang]
    print(f"{lang}: top-1 {top1:.0%}, top-3 {top3:.0%}, unanswerable answered {wrong:.0%}")
    assert top1 >= target["top1"] and top3 >= target["top3"] and wrong <= target["wrong"]


def test_the_no_answer_threshold_is_the_one_the_curve_picks():
    """ANSWER_THRESHOLD is chosen by a rule, not by hand: on the tuned, development and both calibration sets,
    the threshold that answers the fewest unanswerable questions while keeping the right page in the top three,
    less one standard error, for at least 90 % of answerable ones in every set of each language. A change to the
    search that moves it fails here until the threshold is chosen again (`python bench/search_quality.py
    --curve`). The kept-aside sets never choose it."""
    sets = choosing_sets()
    for lang in ("en", "sv"):
        assert {"dev", "calibration", "calibration 3"} <= set(sets[lang])
        assert not any(name.startswith("kept-aside") for name in sets[lang])
    assert pick(sets) == ANSWER_THRESHOLD


def _questions(right: int, unsure: int, unanswerable_confidence: float, n: int = 100) -> list[Gated]:
    """n answerable questions ranked right: `right` of them with confidence 0.5 and `unsure` at 0.15 (the
    rest are ranked wrong), and ten unanswerable ones at the confidence given."""
    answerable = ([Gated(True, True, 0.5, False)] * right + [Gated(True, True, 0.15, False)] * unsure
                  + [Gated(True, False, 0.5, False)] * (n - right - unsure))
    return answerable + [Gated(False, False, unanswerable_confidence, False)] * 10


def test_the_rule_wants_90_percent_in_every_set_with_a_margin_not_in_the_sets_pooled():
    """A set the search was tuned on (all right) must not carry a set that only reaches 90 % with the gate
    at its highest: the threshold stays low enough for every set to keep 90 % plus one standard error."""
    tuned = _questions(right=100, unsure=0, unanswerable_confidence=0.3)
    calibration = _questions(right=85, unsure=10, unanswerable_confidence=0.3)
    picked = pick({"en": {"tuned": tuned, "calibration": calibration}})
    assert picked is not None and picked <= 0.15, "at 0.16 and above the calibration set falls to 85 %"
    pooled_would_do = pick({"en": {"pooled": tuned + calibration}})
    assert pooled_would_do is not None and pooled_would_do > 0.3


def test_the_rule_never_hides_right_pages_to_turn_away_unanswerable_questions():
    """Hiding a right page costs more than listing pages for a question the guide does not cover: a threshold
    that turns away every unanswerable question is not taken while it pulls a set under 90 % (less one standard
    error), however many unanswerable ones a lower threshold answers."""
    fresh = _questions(right=80, unsure=18, unanswerable_confidence=0.15)
    picked = pick({"en": {"calibration 3": fresh}})
    assert picked is not None and picked <= 0.14, "above 0.15 the set falls to 80 % and no unanswerable one is answered"
    assert at(picked, fresh) == (0.98, 1.0)


def test_the_rule_picks_nothing_when_no_threshold_keeps_90_percent():
    assert pick({"sv": {"calibration": _questions(right=80, unsure=0, unanswerable_confidence=0.1)}}) is None


@pytest.mark.parametrize("lang, padded, plain", [
    ("en", "nobody ever gave me a care plan, should I have one?", "care plan"),
    ("en", "honestly i keep wondering, what does lanreotide actually do", "lanreotide"),
    ("sv", "funkar det att vejpa istället inför op", "vejpa op"),
    ("sv", "preventivmedel efter lutathera hur lange", "preventivmedel efter lutathera"),
])
def test_everyday_words_do_not_make_a_question_look_unanswerable(lang, padded, plain):
    """The gate judges a question by what it is about: everyday words (and "lange", "länge" typed without its
    dots) rank pages but do not count against the answer's confidence."""
    index = guide_index(lang)
    assert any(c.everyday for c in index.concepts(padded))
    assert index.answer(padded).confidence == index.answer(plain).confidence >= ANSWER_THRESHOLD
    assert index.answer(padded).covered


@pytest.mark.parametrize("lang, question, off_topic", [
    ("en", "care plan", "gout"), ("en", "lanreotide", "kenya"), ("sv", "vejpa op", "psoriasis"),
])
def test_a_word_the_guide_never_uses_that_is_not_everyday_still_counts_against(lang, question, off_topic):
    index = guide_index(lang)
    assert index.answer(f"{question} {off_topic}").confidence < index.answer(question).confidence


@pytest.mark.parametrize("lang, question", [("en", "can i bring someone"), ("sv", "ta med någon")])
def test_everyday_words_a_lay_phrase_reads_together_count(lang, question):
    """"bring someone" means a relative at the visit: the lay table gives it guide words, so it is no filler."""
    index = guide_index(lang)
    assert not any(c.everyday for c in index.concepts(question))
    assert index.answer(question).covered


@pytest.mark.parametrize("lang, with_number, without", [
    ("en", "diarrhoea 8 times a day on octreotide", "diarrhoea times a day on octreotide"),
    ("sv", "diarré 8 gånger om dagen med oktreotid", "diarré gånger om dagen med oktreotid"),
])
def test_a_number_says_how_many_not_what_the_question_is_about(lang, with_number, without):
    """"8" is on a page ("8 weeks apart") and rare, so it weighed like a topic the answer had to cover."""
    index = guide_index(lang)
    assert index.answer(with_number).confidence == index.answer(without).confidence >= ANSWER_THRESHOLD


def test_a_question_of_nothing_but_everyday_words_is_judged_on_them_all():
    """With nothing left to judge by, the gate falls back on every word rather than on none."""
    index = guide_index("en")
    concepts = index.concepts("how many people get this")
    assert concepts and all(c.everyday for c in concepts)
    assert index.answer("how many people get this").confidence > 0


@pytest.mark.parametrize("module", [lay_terms, lay_terms_sv])
def test_everyday_words_are_lower_case_single_words_and_no_stop_weak_or_lay_word(module):
    """A stop word never reaches the gate and a weak word already weighs nothing; a word that is a whole lay
    phrase ("worried") names something the guide is about."""
    words = module.EVERYDAY_WORDS
    assert all(w == w.lower() and w.isalpha() for w in words)
    assert not words & module.STOPWORDS and not words & module.WEAK_WORDS
    assert not words & {phrase for phrase, _ in module.LAY_TERMS}


@pytest.mark.parametrize("lang, question", [
    ("en", "how do i file my tax return"), ("en", "what is the weather tomorrow"), ("en", "xylophone quasar"),
    ("sv", "hur förnyar jag mitt pass"), ("sv", "recept på kanelbullar"), ("sv", "hur deklarerar jag"),
])
def test_a_question_the_guide_does_not_cover_gets_no_pages(lang, question):
    answer = guide_index(lang).answer(question)
    assert not answer.covered and answer.hits == ()
    assert answer.confidence < ANSWER_THRESHOLD and not answer.urgent
    assert answer.as_dict()["covered"] is False and answer.as_dict()["results"] == []


@pytest.mark.parametrize("lang, question", [
    ("en", "life insurance"), ("en", "can i get life insurance with a net"), ("en", "i think i have kidney stones"),
    ("en", "can i still donate blood"), ("sv", "livförsäkring"), ("sv", "kan jag få en livförsäkring"),
    ("sv", "kan jag ge blod"),
])
def test_a_topic_the_guide_does_not_cover_is_not_answered_by_pages_that_share_its_words(lang, question):
    """Life insurance once found "daily life" and "travel insurance": an off-topic phrase is one word the
    guide does not have."""
    answer = guide_index(lang).answer(question)
    assert not answer.covered and not answer.urgent


@pytest.mark.parametrize("lang, question, slug", [
    ("en", "do i need travel insurance", "fatigue-and-daily-life"), ("sv", "reseförsäkring", "fatigue-and-daily-life"),
    # The medicines page says what the injections do to blood sugar in diabetes: diabetes is not off the topic.
    ("en", "i have type 2 diabetes, will lanreotide change my blood sugar", "medicines"),
    ("sv", "jag har typ 2-diabetes, påverkar sprutan mitt blodsocker", "medicines"),
    ("en", "is there a walk for net cancer day", "net-cancer-day"), ("sv", "vad är NET-cancerdagen", "net-cancer-day"),
])
def test_what_the_guide_does_cover_is_still_found(lang, question, slug):
    assert guide_index(lang).answer(question, 3).hits[0].slug == slug


@pytest.mark.parametrize("lang, module", [("en", lay_terms), ("sv", lay_terms_sv)])
def test_the_off_topic_tables_name_nothing_the_guide_says(lang, module):
    """A phrase the guide uses is not off its topic; read as one word, no page may have it."""
    index = guide_index(lang)
    assert [phrase for phrase in module.OFF_TOPIC if index.search(phrase)] == []
    assert all(phrase == phrase.lower().strip() for phrase in module.OFF_TOPIC)


@pytest.mark.parametrize("lang, typed, word", [
    ("en", "Life Insurances", "lifeinsurance"), ("en", "pets", "pets"), ("sv", "livförsäkringen", "livförsäkring"),
    ("sv", "livforsakringar", "livförsäkring"),
])
def test_an_off_topic_phrase_is_read_with_its_endings_and_without_its_dots(lang, typed, word):
    assert guide_index(lang).concepts(typed)[0].word == word


@pytest.mark.parametrize("lang, question", [("en", "hay fever"), ("en", "scarlet fever in my grandson")])
def test_an_off_topic_phrase_never_makes_a_question_less_urgent(lang, question):
    """"Scarlet fever" is off the guide's topic, but it still names a fever."""
    answer = guide_index(lang).answer(question, 3)
    assert answer.urgent and answer.hits[0].slug == "when-to-seek-care"


@pytest.mark.parametrize("question", URGENT)
def test_an_urgent_question_is_always_answered_with_when_to_seek_care_first(question):
    answer = INDEX.answer(question)
    assert answer.urgent and answer.covered
    assert answer.hits[0].slug == "when-to-seek-care"


@pytest.mark.parametrize("question", [
    "jag kräks blod", "min man är förvirrad och svettig", "jag kan inte andas", "svart bajs och yr",
])
def test_an_urgent_swedish_question_is_answered_with_when_to_seek_care_first(question):
    answer = guide_index("sv").answer(question)
    assert answer.urgent and answer.covered
    assert answer.hits[0].slug == "when-to-seek-care" and answer.hits[0].lang == "sv"


def test_a_danger_sign_brings_when_to_seek_care_even_if_no_page_ranks_it(monkeypatch):
    """A danger sign puts the page first even where the ranking (here: none) leaves it out."""
    monkeypatch.setattr(INDEX, "_rank", lambda concepts: [])
    answer = INDEX.answer("i have chest pain and can't breathe")
    assert answer.urgent and [h.slug for h in answer.hits] == ["when-to-seek-care"]


def test_swedish_words_are_stemmed_and_stop_words_dropped():
    assert tokens("sprutorna", "sv") == tokens("sprutor", "sv")
    assert tokens("vad är det", "sv") == []
    assert tokens("inte", "sv"), "a negation changes what is asked, so it is no stop word"


@pytest.mark.parametrize("question, slug", [
    ("biverkningar av sprutan", "medicines"),
    ("vad betyder ki-67 i mina provsvar", "understanding-your-report"),
    ("dygnsurin vad får jag inte äta", "tests-and-diagnosis"),
    ("bajsar hela tiden", "symptoms"),
    ("när ska jag ringa 1177", "when-to-seek-care"),
    ("hur berättar jag för barnen", "talking-with-children"),
])
def test_swedish_questions_find_the_swedish_page(question, slug):
    hits = guide_index("sv").answer(question, 3).hits
    assert slug in [h.slug for h in hits]
    assert hits[0].lang == "sv" and hits[0].title == load_pages("sv")[hits[0].slug].title


def test_a_swedish_compound_is_split_into_the_guides_words():
    index = guide_index("sv")
    words = {term for concept in index.concepts("blodprovssvar") for term in concept.terms}
    assert set(tokens("blodprov", "sv")) <= words
    assert "tests-and-diagnosis" in [h.slug for h in index.answer("blodprovssvar", 3).hits]


@pytest.mark.parametrize("lang, typo, word", [
    ("en", "cromogranin", "chromogranin"), ("en", "lanretide", "lanreotide"), ("en", "everolimos", "everolimus"),
    ("sv", "kontaktsjukskoterska", "kontaktsjuksköterska"), ("sv", "biverkingar", "biverkningar"),
])
def test_a_typo_is_read_as_the_guide_word_it_is_one_or_two_letters_from(lang, typo, word):
    concept = guide_index(lang).concepts(typo)[0]
    assert tokens(word, lang)[0] in concept.terms and concept.certainty < 1.0


def test_edit_distance_counts_a_swap_as_one_edit():
    assert edit_distance("diarhoea", "diarrhoea") == 1
    assert edit_distance("lnareotide", "lanreotide") == 1
    assert edit_distance("kat", "dog") == 3


@pytest.mark.parametrize("question, slug", [
    ("who is my key worker", "getting-the-diagnosis"),
    ("should i go to a&e with bad belly pain", "when-to-seek-care"),
    ("do i go to the ER if i cant stop throwing up", "when-to-seek-care"),
    ("side effects of the octreotide shot", "medicines"),
])
def test_uk_and_us_words_find_the_page(question, slug):
    assert slug in [h.slug for h in INDEX.answer(question, 3).hits]


@pytest.mark.parametrize("lang, question, slug", [
    ("en", "how many rounds of lutathera will i need", "radioligand-therapy"),
    ("en", "my poo is oily and floats", "medicines"),
    ("en", "lost my sex drive since the jabs", "fatigue-and-daily-life"),
    ("en", "going to spain in the summer can i go", "fatigue-and-daily-life"),
    ("en", "my boss wants me back at work", "fatigue-and-daily-life"),
    ("en", "brain fog and tired all the time", "fatigue-and-daily-life"),
    ("en", "is this terminal", "if-it-comes-back"),
    ("en", "stitches look red and weepy", "surgery"),
    ("en", "my hubby has a net how can i help", "for-relatives"),
    ("en", "i dont agree with my doctor", "your-rights"),
    ("sv", "hur många omgångar lutathera får man", "radioligand-therapy"),
    ("sv", "ingen sexlust efter sprutorna", "fatigue-and-daily-life"),
    ("sv", "ska åka till spanien i sommar går det", "fatigue-and-daily-life"),
    ("sv", "måste jag berätta för chefen", "fatigue-and-daily-life"),
    ("sv", "hjärndimma och trött", "fatigue-and-daily-life"),
    ("sv", "är det dödligt", "if-it-comes-back"),
    ("sv", "stygnen är röda och vätskar", "surgery"),
    ("sv", "min gubbe har fått net hur kan jag hjälpa", "for-relatives"),
    ("sv", "jag håller inte med läkaren", "your-rights"),
])
def test_everyday_speech_the_guide_words_otherwise_finds_the_page(lang, question, slug):
    """Words people use that the guide does not ("rounds", "boss", "spain", "hjärndimma") are read through the
    SPOKEN_TERMS rows, so the question is answered, not turned away as one the guide does not cover."""
    answer = guide_index(lang).answer(question, 3)
    assert slug in [hit.slug for hit in answer.hits]


@pytest.mark.parametrize("module, lang", [(lay_terms, "en"), (lay_terms_sv, "sv")])
def test_spoken_terms_point_to_words_the_guide_uses(module, lang):
    """A row helps only if its right-hand words are on the guide's pages in that language."""
    guide_words = {
        token
        for page in load_pages(lang).values()
        for text in (page.title, page.summary, *map(str, page.keywords),
                     *(f"{p.heading} {p.text}" for p in page.passages))
        for token in tokens(text, lang)
    }
    missing = {phrase: words for phrase, words in module.SPOKEN_TERMS if not set(tokens(words, lang)) <= guide_words}
    assert not missing


@pytest.mark.parametrize("lang, question", [
    ("en", "can i get a flu jab while on lanreotide"), ("en", "is a covid shot ok"),
    ("sv", "kan jag ta influensasprutan med lanreotid"),
])
def test_a_vaccine_jab_is_not_read_as_the_monthly_injection(lang, question):
    """"Jab", "shot" and "sprutan" stand for the monthly injection, but a flu or covid jab is a vaccine the
    guide says nothing about: it must not borrow the injection's words."""
    concepts = guide_index(lang).concepts(question)
    added = {term for c in concepts for term, weight in c.terms.items() if weight < 1.0}
    assert not added & set(tokens("somatostatin analogue injection injektion somatostatinanalog", lang))


def test_one_common_word_does_not_decide():
    """"Back" once ranked "if it comes back" first for a question about recovering from an operation."""
    hits = INDEX.answer("back on my feet after the op", 3).hits
    assert hits[0].slug != "if-it-comes-back" and "surgery" in [h.slug for h in hits]


def test_coming_back_on_ones_feet_is_recovering_in_swedish_too():
    """"Kommer" once read as a NET that comes back ("kommer tillbaka"), not as getting well."""
    for question in ("kommer jag på fötter efter operationen", "när är man på benen igen efter operationen"):
        hits = guide_index("sv").answer(question, 3).hits
        assert hits[0].slug == "surgery", question


@pytest.mark.parametrize("lang, question, slugs", [
    ("en", "loo 8 times a day", {"symptoms", "fatigue-and-daily-life", "medicines"}),
    ("en", "pooing 8 times a day", {"symptoms", "fatigue-and-daily-life", "medicines"}),
    ("sv", "bajsar 8 gånger om dagen", {"symptoms", "fatigue-and-daily-life", "medicines"}),
])
def test_how_often_is_not_what_a_question_is_about(lang, question, slugs):
    """"8" once found "Ki-67 8 %" and "a day" NET Cancer Day: a small number and an everyday word rank a page
    for less than the word that says what is asked."""
    hits = guide_index(lang).answer(question, 3).hits
    assert hits[0].slug in slugs
    assert not {"understanding-your-report", "net-cancer-day"} & {h.slug for h in hits[:2]}


@pytest.mark.parametrize("lang, question, heading", [
    ("en", "can i drink coffee", "Food, diarrhoea and flushing"),
    ("sv", "kan jag dricka kaffe", "Mat, diarré och flush"),
])
def test_coffee_is_answered_by_the_food_section_not_a_coffee_morning(lang, question, heading):
    """Coffee once found only NET Cancer Day's coffee events. The food section now says that caffeine can set
    off symptoms, from the source it already cited, and the answer opens there."""
    hit = guide_index(lang).answer(question, 3).hits[0]
    assert (hit.slug, hit.heading) == ("fatigue-and-daily-life", heading)
    assert "caffeine" in hit.excerpt or "koffein" in hit.excerpt


def test_a_result_shows_the_sentences_that_answer_not_the_first_sixty_words():
    """A passage cut at its first sixty words once hid an answer that came late in it."""
    filler = [f"Sentence {n} says nothing much about anything in this long paragraph here." for n in range(12)]
    text = " ".join([*filler[:5], "Lanreotide is an injection given every four weeks.", *filler[5:]])
    excerpt = INDEX.excerpt(text, INDEX.concepts("lanreotide injection"))
    assert "Lanreotide is an injection" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(excerpt.split()) <= EXCERPT_WORDS + 2
    assert INDEX.excerpt("Short and whole.", INDEX.concepts("anything")) == "Short and whole."


@pytest.mark.parametrize("lang, forms", [
    ("en", ["diagnosis", "diagnosed", "diagnose", "diagnoses"]),
    ("en", ["prognosis", "prognoses"]),
    ("en", ["metastasis", "metastases"]),
    ("sv", ["diagnos", "diagnosen", "diagnoser"]),
    ("sv", ["prognos", "prognosen"]),
    ("sv", ["ambulans", "ambulansen"]),
])
def test_every_form_of_a_word_is_one_word(lang, forms):
    """Snowball leaves "diagnosis" apart from "diagnosed", and Swedish "diagnos" apart from "diagnosen"."""
    assert len({tuple(tokens(form, lang)) for form in forms}) == 1, forms


@pytest.mark.parametrize("lang, question", [
    ("en", "husband diagnosed, I can't sleep"),
    ("en", "my wife has just been diagnosed and i cant sleep"),
    ("sv", "min man har fått diagnosen och jag kan inte sova"),
])
def test_a_relatives_question_finds_the_page_for_relatives(lang, question):
    """A relative's question answered with the page for relatives, not turned away ("diagnosed" is the
    relatives page's "diagnosis")."""
    answer = guide_index(lang).answer(question, 3)
    assert answer.covered and answer.hits[0].slug == "for-relatives"


@pytest.mark.django_db
def test_the_api_searches_in_the_language_asked_for(client):
    response = client.get("/api/v1/guide/search", {"q": "biverkningar av sprutan", "lang": "sv"})
    data = response.json()
    first = data["results"][0]
    assert response.status_code == 200 and data["lang"] == "sv" and data["covered"] is True
    assert first["slug"] == "medicines" and first["title"] == load_pages("sv")["medicines"].title
    assert first["lang"] == "sv" and first["url"].startswith("/guide/medicines/")


@pytest.mark.django_db
def test_the_api_follows_the_requests_language_and_keeps_english_as_it_was(client):
    swedish = client.get("/api/v1/guide/search", {"q": "biverkningar av sprutan"}, HTTP_ACCEPT_LANGUAGE="sv").json()
    english = client.get("/api/v1/guide/search", {"q": "what can't I eat before the urine test"}).json()
    assert swedish["lang"] == "sv" and swedish["results"][0]["slug"] == "medicines"
    assert english["lang"] == "en" and english["results"][0]["slug"] == "tests-and-diagnosis"
    assert english["results"][0]["title"] == load_guide()["tests-and-diagnosis"].title


@pytest.mark.django_db
def test_the_api_refuses_a_language_it_does_not_speak(client):
    response = client.get("/api/v1/guide/search", {"q": "flushing", "lang": "xx"})
    assert response.status_code == 422


@pytest.mark.django_db
@pytest.mark.parametrize("lang, words", [("en", "Ask your care team"), ("sv", "1177")])
def test_the_api_says_when_the_guide_has_no_answer(client, lang, words):
    data = client.get("/api/v1/guide/search", {"q": "how do i file my tax return", "lang": lang}).json()
    assert data["covered"] is False and data["results"] == [] and words in data["message"]
    assert "1177" not in data["message"] or lang == "sv"


@pytest.mark.django_db
def test_the_page_link_is_where_the_site_serves_the_page():
    assert page_link("medicines") == reverse("guide:page", args=["medicines"])
    assert page_link("medicines", "how-do-i-have-the-injections") == (
        reverse("guide:page", args=["medicines"]) + "#how-do-i-have-the-injections")


def test_ask_takes_the_language(capsys):
    call_command("ask", "--lang", "sv", "biverkningar av sprutan")
    answer = json.loads(capsys.readouterr().out)
    assert answer["lang"] == "sv" and answer["covered"] is True
    first = answer["results"][0]
    assert first["slug"] == "medicines" and first["title"] == load_pages("sv")["medicines"].title
    assert first["url"].startswith("/guide/medicines/")


def test_ask_says_when_the_guide_has_no_answer(capsys):
    call_command("ask", "how do i file my tax return")
    answer = json.loads(capsys.readouterr().out)
    assert answer["covered"] is False and answer["results"] == []


@pytest.mark.django_db
def test_the_search_page_speaks_swedish_and_names_1177_when_it_has_no_answer(client):
    found = client.get(reverse("guide:search"), {"q": "biverkningar av sprutan"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Sidor som kan svara på din fråga" in found.content.decode()
    assert load_pages("sv")["medicines"].title in found.content.decode()
    # The search would rather list pages than hide a right one, so the list too says where else to ask.
    assert "kanske guiden inte tar upp det" in found.content.decode() and "ringa 1177" in found.content.decode()
    none = client.get(reverse("guide:search"), {"q": "recept på kanelbullar"}, HTTP_ACCEPT_LANGUAGE="sv")
    body = none.content.decode()
    assert "Guiden svarar inte på den här frågan" in body and "kontaktsjuksköterska" in body
    assert "ringa 1177" in body and 'class="results"' not in body


@pytest.mark.django_db
def test_the_english_no_answer_page_points_to_the_care_team_without_1177(client):
    body = client.get(reverse("guide:search"), {"q": "how do i file my tax return"}).content.decode()
    assert "The guide does not answer this question" in body and "Ask your care team" in body
    assert "1177" not in body


@pytest.mark.django_db
def test_the_search_page_marks_an_urgent_question(client):
    body = client.get(reverse("guide:search"), {"q": "i'm vomiting blood"}).content.decode()
    assert "Your question names a sign that can need care soon" in body
    assert reverse("guide:page", args=["when-to-seek-care"]) in body


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [375, 1280])
def test_the_search_answers_pass_axe_and_fit_a_phone_in_both_languages(live_server, page, width):
    from tests.browser.helpers import page_problems

    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for lang, question, heading in [
        ("en", "why does my face go red after wine", "Pages that may answer your question"),
        ("en", "how do i file my tax return", "The guide does not answer this question"),
        ("en", "i'm vomiting blood", "Pages that may answer your question"),
        ("sv", "biverkningar av sprutan", "Sidor som kan svara på din fråga"),
        ("sv", "recept på kanelbullar", "Guiden svarar inte på den här frågan"),
    ]:
        page.set_extra_http_headers({"Accept-Language": lang})
        page.goto(f"{live_server.url}{reverse('guide:search')}?q={question}")
        assert page.get_by_role("heading", level=2).first.inner_text() == heading
        if found := page_problems(page):
            problems[f"{lang}: {question}"] = found
    assert not problems, problems


@pytest.mark.django_db
def test_a_person_living_in_sweden_reading_in_english_is_pointed_to_1177(client, cast_of):
    olle = cast_of("olle", details=False)["olle"]
    olle.country = "SE"
    olle.save(update_fields=["country"])
    client.force_login(olle)
    body = client.get(reverse("guide:search"), {"q": "how do i file my tax return"}).content.decode()
    assert "The guide does not answer this question" in body and "You can also call 1177" in body
