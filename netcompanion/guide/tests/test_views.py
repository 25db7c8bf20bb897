import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from netcompanion.core.testing import refused_fields

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_page(client):
    from netcompanion.guide.pages import load_guide

    response = client.get(reverse("guide:index"))
    assert response.status_code == 200
    for page in load_guide().values():
        assert page.title in response.content.decode()


def test_a_page_shows_its_sources_and_review_date(client):
    response = client.get(reverse("guide:page", args=["symptoms"]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="source-1"' in body and 'href="#source-1"' in body
    assert "Last reviewed" in body
    assert "does not replace" in body


def test_a_page_puts_its_title_and_summary_before_the_list_of_its_sections(client):
    """On a phone the layout is one column, in this order: the first screen shows what the page is about."""
    page = client.get(reverse("guide:page", args=["symptoms"])).content.decode()
    assert page.index("<h1>") < page.index('class="guide-meta"') < page.index("On this page") < page.index(
        'class="guide-body"')


def test_an_unknown_page_is_404(client):
    assert client.get("/guide/no-such-page/").status_code == 404


def test_search_finds_the_page_in_lay_words(client):
    response = client.get(reverse("guide:search"), {"q": "why does my face go red after wine"})
    assert response.status_code == 200
    assert reverse("guide:page", args=["symptoms"]) in response.content.decode()


def test_a_very_long_search_is_refused_with_a_message(client):
    response = client.get(reverse("guide:search"), {"q": "flush " * 2000})
    assert response.status_code == 400
    assert "Please shorten your question" in response.content.decode()


def test_an_empty_search_asks_for_words(client):
    response = client.get(reverse("guide:search"), {"q": "   "})
    assert response.status_code == 400
    assert "Type a question" in response.content.decode()


def test_a_search_with_no_match_says_so(client):
    response = client.get(reverse("guide:search"), {"q": "xylophone quasar"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "The guide does not answer this question" in body and "Ask your care team" in body
    assert 'class="results"' not in body


def test_the_api_returns_ranked_pages_with_passages(client):
    response = client.get("/api/v1/guide/search", {"q": "what can't I eat before the urine test"})
    assert response.status_code == 200
    data = response.json()
    assert data["results"][0]["slug"] == "tests-and-diagnosis"
    assert set(data["results"][0]) >= {"slug", "title", "score", "passage"}
    scores = [r["score"] for r in data["results"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize("params", [{"q": "x" * 10_000}, {}, {"q": "flushing", "limit": "0"}])
def test_the_api_names_the_bad_field(client, params):
    response = client.get("/api/v1/guide/search", params)
    assert response.status_code == 422
    fields = refused_fields(response)
    assert fields and set(fields) <= {"q", "limit"}


def test_the_openapi_document_describes_search(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/guide/search" in schema["paths"]


def test_ask_prints_json(capsys):
    call_command("ask", "how often do I need scans after surgery")
    answer = json.loads(capsys.readouterr().out)
    hits = answer["results"]
    assert answer["covered"] is True and answer["lang"] == "en"
    assert hits[0]["slug"] == "follow-up"
    assert set(hits[0]) >= {"slug", "title", "score", "passage", "url"}
