"""The guide's pages in Swedish: the Swedish page where one exists, else the English page with a note."""

import pytest
from django.urls import reverse

from netcompanion.guide import pages
from netcompanion.guide.pages import load_pages

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


def test_a_page_is_in_swedish_when_swedish_is_asked_for(client):
    response = client.get(reverse("guide:page", args=["what-is-a-net"]), **SV)
    body = response.content.decode()
    page = load_pages("sv")["what-is-a-net"]
    assert response.status_code == 200
    assert f"<h1>{page.title}</h1>" in body and page.summary in body
    assert "På den här sidan" in body and "Senast granskad" in body and "Källor" in body
    assert "Den ersätter inte råd från ditt eget vårdteam" in body
    assert 'id="source-1"' in body and 'href="#source-1"' in body
    anchor, heading = page.toc[0]
    assert f'<a href="#{anchor}">{heading}</a>' in body
    assert "inte på svenska än" not in body and 'lang="en"' not in body


def test_the_english_page_is_unchanged(client):
    body = client.get(reverse("guide:page", args=["what-is-a-net"]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>What is a neuroendocrine tumour (NET)?</h1>" in body
    assert "On this page" in body and "Last reviewed" in body and "does not replace" in body
    assert "Källor" not in body


def test_the_index_lists_the_swedish_titles(client):
    body = client.get(reverse("guide:index"), **SV).content.decode()
    assert "<h1>Guiden i NET Companion</h1>" in body
    for page in load_pages("sv").values():
        assert page.title in body


def test_a_page_not_yet_translated_is_shown_in_english_with_a_note(client, guide_without_translations):
    response = client.get(reverse("guide:page", args=["symptoms"]), **SV)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Den här sidan finns inte på svenska än. Därför visas den på engelska." in body
    assert '<article class="guide-body" lang="en">' in body and '<h1 lang="en">' in body
    assert "På den här sidan" in body and '<h2 id="sources" lang="sv">Källor</h2>' in body


def test_the_index_says_which_pages_are_in_english_for_now(client, guide_without_translations):
    body = client.get(reverse("guide:index"), **SV).content.decode()
    assert body.count("(på engelska än så länge)") == len(pages.load_guide())


def test_an_unknown_page_is_404_in_swedish_too(client):
    assert client.get("/guide/no-such-page/", **SV).status_code == 404


def test_the_search_form_speaks_swedish(client):
    response = client.get(reverse("guide:search"), {"q": "   "}, **SV)
    body = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Sök i guiden</h1>" in body and "Din fråga" in body
    assert "Skriv en fråga eller några ord" in body


def test_a_too_long_question_is_refused_in_swedish(client):
    response = client.get(reverse("guide:search"), {"q": "flush " * 2000}, **SV)
    assert response.status_code == 400
    assert "Gör din fråga kortare, högst 500 tecken." in response.content.decode()
