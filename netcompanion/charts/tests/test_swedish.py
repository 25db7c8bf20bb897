"""The charts in Swedish: month names, numbers with a decimal comma, titles, descriptions and tables; a chart drawn
in one language is never served from the cache in the other."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from netcompanion.accounts.models import Role, User
from netcompanion.charts import render
from netcompanion.charts.axes import AxisRule
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary.models import DiaryEntry

pytestmark = pytest.mark.django_db
SV = {"HTTP_ACCEPT_LANGUAGE": "sv"}


@pytest.fixture
def maria(client):
    user = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    client.force_login(user)
    for back, kg in ((0, "72.5"), (9, "72.0"), (40, "73.5"), (70, "74.0")):
        DiaryEntry.objects.create(patient=user, created_by=user, date=TODAY - dt.timedelta(days=back),
                                  weight_kg=Decimal(kg), flushes=2)
    return user


def weight_svg(client, **headers) -> str:
    response = client.get(reverse("charts:trend_svg", args=["weight"]),
                          {"period": "3m", "daily": "1", "size": "wide"}, **headers)
    assert response.status_code == 200
    return response.content.decode()


def ticks(svg: str) -> list[str]:
    """The text of the chart's labels, as matplotlib writes them (one <text> each, lines split by <tspan>)."""
    return [re.sub(r"<[^>]+>", " ", text).split() for text in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def test_a_swedish_chart_has_swedish_months_a_decimal_comma_and_swedish_words(client, maria):
    svg = weight_svg(client, **SV)
    words = [word for label in ticks(svg) for word in label]
    assert "maj" in words and "jun" in words and "May" not in words  # short month names as Swedish writes them
    assert "<title>Vikt</title>" in svg
    desc = re.search(r"<desc>(.*?)</desc>", svg, re.S).group(1)
    assert desc == "Vikt, varje dags värde: från 72 till 74. Det senaste, 72,5, den 17 jun 2026."


@pytest.mark.parametrize("language, written", [("sv", "0,5"), ("en-gb", "0.5")])
def test_axis_numbers_carry_the_readers_decimal_sign(language, written):
    with translation.override(language):
        svg = render.trend_chart([(TODAY, 0.2), (TODAY - dt.timedelta(days=3), 0.7)], [], TODAY - dt.timedelta(days=27),
                                 TODAY, "Score", axis=AxisRule("test", "", from_floor=True, floor=0, ceiling=1,
                                                               min_span=1, span_percent=0, reason="", sources=()))
    words = [word for label in ticks(svg) for word in label]
    assert written in words, words


def test_the_english_chart_is_unchanged_and_not_taken_from_the_swedish_one_in_the_cache(client, maria):
    weight_svg(client, **SV)
    svg = weight_svg(client)
    words = [word for label in ticks(svg) for word in label]
    assert "May" in words and "Maj" not in words and "<title>Weight</title>" in svg
    assert "the latest, 72.5, on 17 Jun 2026." in svg


def test_the_swedish_chart_page_and_its_tables(client, maria):
    body = client.get(reverse("charts:overview"), {"period": "4w"}, **SV).content.decode().replace("\xa0", " ")
    assert "<h1>Mina diagram</h1>" in body and "Din dagbok under 4 veckor tillbaka i tiden." in body
    assert "<td>17 jun 2026</td><td>72,5</td>" in body
    assert "Vikt från 21 maj till 17 juni 2026: 2 värden. Tabellen nedan visar dem." in body
    english = client.get(reverse("charts:overview"), {"period": "4w"}).content.decode().replace("\xa0", " ")
    assert "<td>17 Jun 2026</td><td>72.5</td>" in english and "<h1>My charts</h1>" in english


def test_the_injection_cycle_page_in_swedish(client, maria):
    body = client.get(reverse("charts:cycle"), **SV).content.decode()
    assert "Symtom under injektionscykeln" in body and "Tillbaka till mina diagram" in body
