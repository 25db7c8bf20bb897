import datetime as dt
import re

import pytest
from django.urls import reverse

from netcompanion.accounts.models import Role, User
from netcompanion.charts import render
from netcompanion.core.testing import FROZEN_TODAY as TODAY
from netcompanion.diary import actions as diary
from netcompanion.diary.models import DiaryEntry
from netcompanion.labs import actions as labs
from netcompanion.labs.models import LabResult
from netcompanion.medicines import services as medicines
from netcompanion.medicines.models import Injection

pytestmark = pytest.mark.django_db


@pytest.fixture
def maria(client):
    user = User.objects.create_user("maria", password="x", role=Role.PATIENT)
    client.force_login(user)
    for back in range(0, 120):
        day = TODAY - dt.timedelta(days=back)
        cycle_day = back % 28
        DiaryEntry.objects.create(patient=user, created_by=user, date=day, stools=3,
                                  flushes=6 if cycle_day < 7 and back >= 28 else 1,
                                  weight_kg=70 if back % 7 == 0 else None)
    for k in range(1, 5):
        Injection.objects.create(patient=user, created_by=user, given_on=TODAY - dt.timedelta(days=28 * k),
                                 drug="lanreotide", dose_mg=120)
    return user


@pytest.fixture
def drawings(monkeypatch):
    """Counts the charts matplotlib draws."""
    drawn = []
    for name in ("trend_chart", "lab_chart", "cycle_chart"):
        original = getattr(render, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            drawn.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(render, name, counted)
    return drawn


def main(response) -> str:
    """The page's own content: the header around it holds a form with a fresh CSRF token on every page."""
    return response.content.decode().split('<main', 1)[1].split("</main>", 1)[0]


def desc(response) -> str:
    return re.search(r"<desc>(.*?)</desc>", response.content.decode(), re.S).group(1)


def flushes_svg(client, **query):
    return client.get(reverse("charts:trend_svg", args=["flushes"]), {"period": "3m", "size": "phone", **query})


def test_the_overview_shows_each_chart_with_its_numbers(client, maria):
    body = client.get(reverse("charts:overview"), {"period": "4w"}).content.decode()
    for label in ("Flushes a day", "Bowel movements a day", "Weight"):
        assert label in body
    assert reverse("charts:trend_svg", args=["flushes"]) + "?period=4w&amp;size=phone" in body
    assert reverse("charts:trend_svg", args=["flushes"]) + "?period=4w&amp;size=wide" in body
    assert "<table>" in body and "70" in body
    assert "Show daily values" not in body  # a month is always shown day by day


def test_three_and_twelve_months_show_weekly_averages_with_the_days_behind_each(client, maria):
    body = client.get(reverse("charts:overview"), {"period": "3m"}).content.decode()
    assert "weekly averages" in body and "Days logged" in body and "7 of 7" in body
    assert "1 of 7" in body  # weight, logged once a week
    assert reverse("charts:trend_svg", args=["flushes"]) + "?period=3m&amp;size=phone" in body
    assert "Show daily values" in body and "?period=3m&amp;daily=1" in body


def test_daily_values_stay_one_link_away(client, maria):
    body = client.get(reverse("charts:overview"), {"period": "12m", "daily": "1"}).content.decode()
    assert "Show weekly averages" in body and "Days logged" not in body
    assert reverse("charts:trend_svg", args=["flushes"]) + "?period=12m&amp;daily=1&amp;size=phone" in body
    assert "every day&#x27;s value" in desc(flushes_svg(client, period="12m", daily="1")).replace("'", "&#x27;")
    assert "weekly averages" in desc(flushes_svg(client, period="12m"))


def test_a_chart_is_an_svg_with_real_text_and_injection_markers(client, maria):
    response = client.get(reverse("charts:trend_svg", args=["flushes"]), {"period": "3m"})
    assert response["Content-Type"] == "image/svg+xml"
    svg = response.content.decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<title>Flushes a day</title>" in svg and "injection" in svg


def test_the_injection_cycle_shows_when_symptoms_come_back(client, maria):
    body = client.get(reverse("charts:cycle")).content.decode()
    assert "higher at the end of the cycle" in body
    assert "Cycle day" in body
    assert reverse("charts:cycle_svg", args=["flushes"]) + "?size=phone" in body
    svg = client.get(reverse("charts:cycle_svg", args=["flushes"]), {"size": "phone"})
    assert svg["Content-Type"] == "image/svg+xml" and "injection cycle" in desc(svg)


@pytest.mark.parametrize("url", ["/my/charts/?period=forever", "/my/charts/heartbeat.svg",
                                 "/my/charts/flushes.svg?size=huge", "/my/charts/injection-cycle/flushes.svg?size=x"])
def test_unknown_periods_sizes_and_charts_are_404(client, maria, url):
    assert client.get(url).status_code == 404


def test_charts_are_only_for_the_patient_themself(client, maria):
    nurse = User.objects.create_user("sara", password="x", role=Role.NURSE)
    client.force_login(nurse)
    assert client.get(reverse("charts:overview")).status_code == 404
    assert client.get(reverse("charts:trend_svg", args=["flushes"])).status_code == 404
    client.logout()
    assert client.get(reverse("charts:overview")).status_code == 302


def test_each_lab_has_a_chart_with_its_normal_range_and_units_are_never_joined(client, maria):
    for months, value, unit in ((5, 80, "µg/L"), (2, 95, "µg/L"), (0, 130, "µg/L"), (1, 4, "nmol/L")):
        LabResult.objects.create(patient=maria, created_by=maria, test="cga", value=value, unit=unit,
                                 reference_high=102 if unit == "µg/L" else 5,
                                 taken_on=TODAY - dt.timedelta(days=30 * months))
    body = client.get(reverse("charts:overview"), {"period": "12m"}).content.decode()
    assert "Chromogranin A" in body and "130" in body and "up to 102" in body
    assert body.count("<h2>Chromogranin A (") == 2  # one chart per unit
    svg = client.get(reverse("charts:lab_svg"), {"period": "12m", "series": "cga|µg/L"})
    assert "lab&#x27;s normal range" in svg.content.decode().replace("'", "&#x27;")
    assert "130" in desc(svg) and "4" not in desc(svg).split(":")[1]
    assert client.get(reverse("charts:lab_svg"), {"period": "12m", "series": "nope"}).status_code == 404


# --- The cache ------------------------------------------------------------------------------------------------

def test_a_chart_is_drawn_once_and_then_served_from_the_cache(client, maria, drawings):
    first = flushes_svg(client)
    again = flushes_svg(client)
    assert drawings == ["trend_chart"] and again.content == first.content
    flushes_svg(client, size="wide")
    flushes_svg(client, period="12m")
    flushes_svg(client, daily="1")
    assert len(drawings) == 4  # each size, period and view is a chart of its own


def _day(patient):
    return DiaryEntry.objects.current().get(patient=patient, date=TODAY)


CHANGES = {
    "a new diary day": lambda p: diary.log_day(p, p, {"date": TODAY - dt.timedelta(days=150), "flushes": 2}),
    "a changed diary day": lambda p: diary.change_day(_day(p), p, {"flushes": 9}),
    "a deleted diary day": lambda p: diary.delete_day(_day(p), p),
    "a new lab result": lambda p: labs.record_result(p, p, {"test": "cga", "value": 90, "unit": "µg/L",
                                                           "taken_on": TODAY}),
    "a deleted lab result": lambda p: labs.delete_result(LabResult.objects.current().get(patient=p), p),
    "a new injection": lambda p: medicines.record_injection(p, p, {"given_on": TODAY, "drug": "lanreotide",
                                                                   "dose_mg": 120}),
    "a deleted injection": lambda p: medicines.delete_injection(Injection.objects.current().filter(patient=p)[0], p),
}


@pytest.mark.parametrize("change", CHANGES)
def test_any_addition_change_or_deletion_draws_the_charts_again(client, maria, drawings, change):
    LabResult.objects.create(patient=maria, created_by=maria, test="cga", value=80, unit="µg/L",
                             taken_on=TODAY - dt.timedelta(days=20))
    lab = {"period": "3m", "series": "cga|µg/L", "size": "phone"}
    before = flushes_svg(client).content, client.get(reverse("charts:lab_svg"), lab).content
    CHANGES[change](maria)
    drawings.clear()
    after = flushes_svg(client).content, client.get(reverse("charts:lab_svg"), lab)
    assert drawings == ["trend_chart", "lab_chart"] or (drawings == ["trend_chart"] and after[1].status_code == 404)
    if change == "a changed diary day":
        assert after[0] != before[0]


def test_a_deleted_day_leaves_the_chart_at_once(client, maria):
    assert "on 17 Jun 2026" in desc(flushes_svg(client, daily="1"))
    assert "in the week from 15 Jun 2026" in desc(flushes_svg(client))
    diary.delete_day(_day(maria), maria)
    assert "on 16 Jun 2026" in desc(flushes_svg(client, daily="1"))


def test_another_patients_chart_is_never_served_from_the_cache(client, maria, drawings):
    maria_svg = flushes_svg(client)
    olle = User.objects.create_user("olle", password="x", role=Role.PATIENT)
    DiaryEntry.objects.create(patient=olle, created_by=olle, date=TODAY, flushes=9)
    client.force_login(olle)
    olle_svg = flushes_svg(client)
    assert drawings == ["trend_chart", "trend_chart"]
    assert "from 9 to 9" in desc(olle_svg) and desc(olle_svg) != desc(maria_svg)
    nurse = User.objects.create_user("sara", password="x", role=Role.NURSE)
    client.force_login(nurse)
    url = reverse("careteam:charts_trend_svg", args=[maria.code, "flushes"])
    assert client.get(url, {"period": "3m", "size": "phone"}).status_code in (302, 403, 404)
    assert len(drawings) == 2


def test_the_page_of_charts_is_made_once_and_shows_a_change_at_once(client, maria, django_assert_max_num_queries):
    first = main(client.get(reverse("charts:overview"), {"period": "12m"}))
    with django_assert_max_num_queries(6):  # session, user, last change, injections: no diary or lab rows read
        again = main(client.get(reverse("charts:overview"), {"period": "12m"}))
    assert again == first
    diary.change_day(_day(maria), maria, {"stools": 9})
    changed = main(client.get(reverse("charts:overview"), {"period": "12m"}))
    assert changed != first  # the week of 15 June: bowel movements 3, 3 and now 9 on the 17th
    assert "<td>15 Jun – 17 Jun 2026</td><td>5</td><td>3 of 3</td>" in changed.replace("\xa0", " ")
